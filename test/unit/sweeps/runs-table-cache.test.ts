import { describe, expect, it } from 'vitest';
import { cachedMetrics, groupRows, runsTable, sortRows } from '../../../shared/sweeps/runs-table.js';
import { runMetrics } from '../../../shared/sweeps/metrics.js';
import { withValueAt } from '../../../shared/config-fields/config-path.js';
import type { Run } from '../../../shared/schemas/run.js';
import { trainedSeedRun } from '../analysis/trained-fixtures.js';

const base = trainedSeedRun('linear1', 'x');
const run = (id: string, act: string, valAcc: number): Run => ({
  ...base,
  id,
  name: `run ${id}`,
  config: withValueAt(base.config, 'model.rnnActivation', act),
  history: [{ epoch: 1, loss: 0.1, acc: 0.9, valLoss: 1 - valAcc, valAcc }],
});

describe('the runs table over many runs', () => {
  it('computes a run object’s metrics once per threshold, equal to runMetrics', () => {
    const r = run('a', 'linear', 0.995);
    const m = cachedMetrics(r, 0.99);
    expect(cachedMetrics(r, 0.99)).toBe(m);
    expect(m).toEqual(runMetrics(r, 0.99));
    expect(cachedMetrics(r, 0.999)).toEqual(runMetrics(r, 0.999));
    // A changed run is a new object: its metrics are its own.
    const changed = { ...r, history: [{ ...r.history[0], valAcc: 0.5 }] };
    expect(cachedMetrics(changed, 0.99).valAcc).toBe(0.5);
  });

  it('sorts ties in the table order and missing values last, both ways', () => {
    const rows = runsTable([run('a', 'linear', 0.9), run('b', 'tanh', 0.8), run('c', 'linear', 0.9)]).rows;
    const noAcc = { ...rows[1], metrics: { ...rows[1].metrics, valAcc: null } };
    const all = [rows[0], noAcc, rows[2]];
    expect(sortRows(all, 'valAcc', 'asc').map((r) => r.id)).toEqual(['a', 'c', 'b']);
    expect(sortRows(all, 'valAcc', 'desc').map((r) => r.id)).toEqual(['a', 'c', 'b']);
    expect(sortRows(rows, 'model.rnnActivation', 'desc').map((r) => r.id)).toEqual(['b', 'a', 'c']);
  });

  it('groups a thousand rows in first-seen order with every member', () => {
    const runs = Array.from({ length: 1000 }, (_, i) => run(`r${i}`, ['linear', 'tanh', 'relu'][i % 3], 0.5));
    const table = runsTable(runs);
    const groups = groupRows(table, table.rows, ['model.rnnActivation']);
    expect(groups.map((g) => [g.key['model.rnnActivation'], g.count])).toEqual([
      ['linear', 334],
      ['tanh', 333],
      ['relu', 333],
    ]);
    expect(groups[1].ids.slice(0, 2)).toEqual(['r1', 'r4']);
  });
});
