import { describe, expect, it } from 'vitest';
import { withValueAt } from '../../../shared/config-fields/config-path.js';
import type { RunConfig } from '../../../shared/schemas/run-config.js';
import {
  filterRows,
  groupRows,
  runsTable,
  sortRows,
  variedFields,
  type TableRun,
} from '../../../shared/sweeps/runs-table.js';
import { trainedSeedRun } from '../analysis/trained-fixtures.js';

const base = trainedSeedRun('linear1', 'x');
const epoch = (n: number, valAcc: number, valLoss: number) => ({ epoch: n, loss: 0.1, acc: 0.9, valLoss, valAcc });

/** A run of embedding `e` × activation `act` × seed, ending at `finalAcc` (and loss 1 − acc). */
function run(
  id: string,
  e: number,
  act: 'linear' | 'sigmoid',
  seed: number,
  finalAcc: number,
  tagged = true,
): TableRun {
  const changes: [string, number | string][] = [
    ['model.embeddingDim', e],
    ['model.rnnActivation', act],
    ['training.seed', seed],
  ];
  const config = changes.reduce<RunConfig>((c, [p, v]) => withValueAt(c, p, v), base.config);
  const sweep = { id: 'sw', values: Object.fromEntries(changes) };
  return {
    ...base,
    id,
    name: `run ${id}`,
    config,
    weights: undefined,
    history: [epoch(1, 0.6, 0.5), epoch(2, finalAcc, 1 - finalAcc)],
    ...(tagged ? { sweep } : {}),
  };
}

// Embedding 1 · linear: 3 of 5 seeds succeed; embedding 1 · sigmoid: 1 of 2.
const runs = [
  run('a', 1, 'linear', 0, 1),
  run('b', 1, 'linear', 1, 0.83),
  run('c', 1, 'linear', 2, 0.995),
  run('d', 1, 'linear', 3, 0.9),
  run('e', 1, 'linear', 4, 0.99),
  run('f', 1, 'sigmoid', 0, 0.5),
  run('g', 1, 'sigmoid', 1, 1),
];

describe('the runs table', () => {
  it("rows carry the sweep's varied fields, the seed and the metrics; success is final val acc ≥ 0.99", () => {
    const table = runsTable(runs);
    expect(table.fields).toEqual(['model.embeddingDim', 'model.rnnActivation', 'training.seed']);
    expect(table.rows[1]).toMatchObject({
      name: 'run b',
      seed: 1,
      values: { 'model.embeddingDim': 1, 'model.rnnActivation': 'linear', 'training.seed': 1 },
      metrics: { valAcc: 0.83, epochsToSuccess: null },
      success: false,
    });
    expect(table.rows.map((r) => r.success)).toEqual([true, false, true, false, true, false, true]);
    expect(runsTable(runs, 0.995).rows.map((r) => r.success)).toEqual([true, false, true, false, false, false, true]);
    expect(() => runsTable(runs, 1.5)).toThrow('the success threshold must be a number above 0 and at most 1, got 1.5');
  });

  it('without sweep tags, the varied fields are the ones that differ', () => {
    const plain = runs.map((r) => ({ ...r, sweep: undefined }));
    expect(variedFields(plain)).toEqual(['model.rnnActivation', 'training.seed']);
    expect(variedFields(plain.slice(0, 1))).toEqual([]);
  });

  it('sorts by any column, missing values last both ways, ties in table order', () => {
    const rows = runsTable([...runs, { ...run('h', 1, 'linear', 5, 1), history: [] }]).rows;
    expect(sortRows(rows, 'valAcc').map((r) => r.id)).toEqual(['f', 'b', 'd', 'e', 'c', 'a', 'g', 'h']);
    expect(sortRows(rows, 'valAcc', 'desc').map((r) => r.id)).toEqual(['a', 'g', 'c', 'e', 'd', 'b', 'f', 'h']);
    expect(sortRows(rows, 'model.rnnActivation', 'desc').map((r) => r.id)).toEqual([
      'f',
      'g',
      'a',
      'b',
      'c',
      'd',
      'e',
      'h',
    ]);
  });

  it('filters by text and by numeric ranges and value sets', () => {
    const rows = runsTable(runs).rows;
    expect(filterRows(rows, { text: 'SIGM' }).map((r) => r.id)).toEqual(['f', 'g']);
    expect(filterRows(rows, { ranges: { valAcc: { min: 0.9, max: 0.995 } } }).map((r) => r.id)).toEqual([
      'c',
      'd',
      'e',
    ]);
    expect(
      filterRows(rows, { oneOf: { 'training.seed': [0, 1] }, ranges: { valLoss: { max: 0.1 } } }).map((r) => r.id),
    ).toEqual(['a', 'g']);
  });

  it('groups by two fields: count, success rate, and mean ± sd of each metric', () => {
    const table = runsTable(runs);
    const groups = groupRows(table, table.rows, ['model.embeddingDim', 'model.rnnActivation']);
    expect(groups.map((g) => [g.key, g.count, g.successes, g.successRate])).toEqual([
      [{ 'model.embeddingDim': 1, 'model.rnnActivation': 'linear' }, 5, 3, 0.6],
      [{ 'model.embeddingDim': 1, 'model.rnnActivation': 'sigmoid' }, 2, 1, 0.5],
    ]);
    // Linear: val acc 1, 0.83, 0.995, 0.9, 0.99 → mean 4.715 / 5 = 0.943; deviations 0.057, −0.113, 0.052,
    // −0.043, 0.047 → squares 0.003249 + 0.012769 + 0.002704 + 0.001849 + 0.002209 = 0.02278, / 5
    // (population) → sd √0.004556 ≈ 0.0675.
    const acc = groups[0].metrics.valAcc;
    expect(acc.mean).toBeCloseTo(0.943, 12);
    expect(acc.sd).toBeCloseTo(Math.sqrt(0.004556), 12);
    expect([acc.min, acc.max, acc.n]).toEqual([0.83, 1, 5]);
    // Sigmoid: 0.5 and 1 → mean 0.75, sd 0.25; epochs to success: only seed 1 reached it (epoch 2).
    expect(groups[1].metrics.valAcc).toMatchObject({ mean: 0.75, sd: 0.25 });
    expect(groups[1].metrics.epochsToSuccess).toMatchObject({ n: 1, mean: 2, sd: 0 });
    expect(groups[1].metrics.digitMargin).toEqual({ n: 0, mean: null, sd: null, min: null, max: null });
  });

  it('a group of untrained runs has no success rate; bad fields are one line', () => {
    const table = runsTable([{ ...runs[0], history: [] }]);
    expect(groupRows(table, table.rows, ['model.cell'])[0]).toMatchObject({ count: 1, finished: 0, successRate: null });
    expect(() => groupRows(table, table.rows, ['model.size'])).toThrow(/^unknown field to group by "model.size"/);
    expect(() => groupRows(table, table.rows, [])).toThrow('group by one or two fields');
  });
});
