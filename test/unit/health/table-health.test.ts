import { beforeAll, describe, expect, it } from 'vitest';
import { cellOf, checkColumn, runsTable, sortRows } from '../../../shared/sweeps/runs-table.js';
import type { Run } from '../../../shared/schemas/run.js';
import { trainedRun } from './trained-runs.js';

let runs: Run[] = [];

beforeAll(async () => {
  runs = [await trainedRun('good'), await trainedRun('sigmoidSigmoid', { keep: [] }), await trainedRun('weak')];
});

describe('the runs table reads each run’s health', () => {
  it('cellOf(row, "health") is the verdict; the table sorts by it; the threshold is the table’s', () => {
    const table = runsTable(runs);
    expect(table.rows.map((r) => cellOf(r, 'health'))).toEqual(['learned', 'did-not-learn', 'weak']);
    expect(checkColumn(table, 'health')).toBe('health');
    expect(sortRows(table.rows, 'health').map((r) => r.name)).toEqual(['sigmoidSigmoid', 'good', 'weak']);
    // A light sweep run (no predictions kept) gets the same reason as a full one.
    expect(table.rows[1].metrics.health?.reason).toBe('val accuracy 0.24, below the majority-class baseline 0.76');
    expect(table.rows.map((r) => r.metrics.baseline)).toEqual([0.7575, 0.7575, 0.7575]);
    expect(runsTable(runs, 0.8).rows.map((r) => cellOf(r, 'health'))).toEqual(['learned', 'did-not-learn', 'learned']);
  });

  it('a run still training has no verdict yet', () => {
    const table = runsTable([{ ...runs[0], status: 'training' }]);
    expect(cellOf(table.rows[0], 'health')).toBeNull();
  });
});
