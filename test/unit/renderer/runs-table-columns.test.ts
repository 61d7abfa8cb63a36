import { describe, expect, it } from 'vitest';
import {
  cellText,
  columnLabel,
  formatNumber,
  statusCell,
  tableColumns,
} from '../../../renderer/src/runs/table-columns.js';
import { filterChips, parseRange, parseThreshold } from '../../../renderer/src/runs/table-filters.js';
import { memoTableState } from '../../../renderer/src/runs/table-memo.js';
import { runsTable } from '../../../shared/sweeps/runs-table.js';
import { EMPTY_TABLE_VIEW } from '../../../shared/schemas/session.js';
import { trainedSeedRun } from '../analysis/trained-fixtures.js';

describe('the number formatter', () => {
  it('is fixed between 1e-3 and 1e4 and scientific outside', () => {
    expect(formatNumber(0.98765)).toBe('0.988');
    expect(formatNumber(-0.001)).toBe('-0.001');
    expect(formatNumber(0.00099)).toBe('9.90e-4');
    expect(formatNumber(9999.5, 1)).toBe('9999.5');
    expect(formatNumber(12345)).toBe('1.23e+4');
    expect(formatNumber(0)).toBe('0.000');
    expect(formatNumber(7, 0)).toBe('7');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('NaN');
  });
});

describe('columns and cells', () => {
  const run = trainedSeedRun('linear1', 'x');
  const row = runsTable([run]).rows[0];

  it('names fields by their label and keeps the path for the tooltip', () => {
    const cols = tableColumns(['model.embeddingDim']);
    const field = cols.find((c) => c.id === 'model.embeddingDim')!;
    expect([field.label, field.title, field.kind]).toEqual(['Embedding size', 'model.embeddingDim', 'field']);
    expect(cols.map((c) => c.kind)).toEqual([
      'select',
      'name',
      'field',
      ...Array<string>(6).fill('metric'),
      'backend',
      'status',
    ]);
    expect(columnLabel('valAcc')).toBe('Val acc');
    expect(columnLabel('model.rnnActivation')).toBe('RNN activation');
  });

  it('prints accuracies with 3 decimals and missing metrics as a dash', () => {
    const cols = tableColumns([]);
    const acc = cols.find((c) => c.id === 'valAcc')!;
    expect(cellText(row, acc)).toBe(row.metrics.valAcc!.toFixed(3));
    const epochs = cols.find((c) => c.id === 'epochsToSuccess')!;
    expect(cellText({ ...row, metrics: { ...row.metrics, epochsToSuccess: null } }, epochs)).toBe('—');
  });

  it('shows a failure in words, and names a diverged run', () => {
    const failed = { ...row, metrics: { ...row.metrics, status: 'failed' as const } };
    expect(statusCell(failed, 'training diverged: the loss is not finite').text).toBe('Diverged');
    expect(statusCell(failed, 'out of memory')).toMatchObject({ text: 'Failed', tone: 'bad', title: 'out of memory' });
    expect(statusCell({ ...row, metrics: { ...row.metrics, status: 'cancelled' } }).text).toBe('Cancelled');
    expect(statusCell({ ...row, metrics: { ...row.metrics, health: null } })).toMatchObject({
      text: 'Done',
      tone: 'ok',
    });
  });

  it("shows a finished run's health verdict in words, its reason and baseline on hover", () => {
    const verdict = (v: 'learned' | 'weak' | 'did-not-learn' | 'diverged', reason: string) =>
      statusCell({ ...row, metrics: { ...row.metrics, baseline: 0.75, health: { verdict: v, reason } } });
    expect(verdict('learned', 'val accuracy 1.00')).toEqual({
      text: 'Learned',
      mark: '✓',
      tone: 'ok',
      title: 'val accuracy 1.00 (majority-class baseline 0.750)',
    });
    expect(verdict('weak', 'below the threshold')).toMatchObject({ text: 'Weak', tone: 'warn' });
    expect(verdict('did-not-learn', 'a dead ReLU')).toMatchObject({ text: 'Did not learn', mark: '✕', tone: 'bad' });
    expect(verdict('diverged', 'NaN')).toMatchObject({ text: 'Diverged', tone: 'bad' });
  });
});

describe('typed filters and the success threshold', () => {
  it('refuses a threshold outside (0, 1] or not a number, in one line', () => {
    expect(parseThreshold('0.95')).toEqual({ ok: true, value: 0.95 });
    expect(parseThreshold('1')).toEqual({ ok: true, value: 1 });
    for (const bad of ['1.5', '0', '-0.2', 'abc', '', '0.9x']) {
      const p = parseThreshold(bad);
      expect(p.ok).toBe(false);
      if (!p.ok) expect(p.error).toMatch(/above 0 and at most 1/);
    }
  });

  it('reads a range with open sides, and refuses min above max or text', () => {
    expect(parseRange('0.5', '')).toEqual({ ok: true, range: { min: 0.5 } });
    expect(parseRange('', '1e-2')).toEqual({ ok: true, range: { max: 0.01 } });
    expect(parseRange(' ', '')).toEqual({ ok: true, range: null });
    expect(parseRange('2', '1')).toEqual({ ok: false, error: 'the min is above the max' });
    expect(parseRange('x', '1').ok).toBe(false);
  });

  it('lists each active filter as a chip whose removal leaves the others', () => {
    const view = {
      text: 'E10',
      ranges: { valAcc: { min: 0.8 }, valLoss: { min: 0.1, max: 0.5 } },
      oneOf: { 'model.rnnActivation': ['linear', 'tanh'] },
    };
    const chips = filterChips(view);
    expect(chips.map((c) => c.label)).toEqual([
      'Text “E10”',
      'Val acc ≥ 0.800',
      '0.100 ≤ Val loss ≤ 0.500',
      'RNN activation ∈ {linear, tanh}',
    ]);
    expect(chips[1].without).toEqual({ ...view, ranges: { valLoss: { min: 0.1, max: 0.5 } } });
    expect(chips[3].without.oneOf).toEqual({});
  });
});

describe('memoised table state', () => {
  it('recomputes only when the runs, their order or the table view change', () => {
    const runs = [trainedSeedRun('linear1', 'a'), { ...trainedSeedRun('linear1', 'b'), id: 'b' }];
    const derive = memoTableState();
    const first = derive(runs, [], EMPTY_TABLE_VIEW);
    expect(derive(runs, [], { ...EMPTY_TABLE_VIEW })).toBe(first);
    expect(derive(runs, ['b'], EMPTY_TABLE_VIEW)).not.toBe(first);
    expect(derive(runs, ['b'], EMPTY_TABLE_VIEW).rows.map((r) => r.id)[0]).toBe('b');
    expect(derive([...runs], ['b'], EMPTY_TABLE_VIEW)).not.toBe(first);
  });
});
