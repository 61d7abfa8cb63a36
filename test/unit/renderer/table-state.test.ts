import { describe, expect, it } from 'vitest';
import { tableState } from '../../../renderer/src/runs/table-state.js';
import { withValueAt } from '../../../shared/config-fields/config-path.js';
import type { Run } from '../../../shared/schemas/run.js';
import { EMPTY_TABLE_VIEW } from '../../../shared/schemas/session.js';
import { trainedSeedRun } from '../analysis/trained-fixtures.js';

const base = trainedSeedRun('linear1', 'x');
const run = (id: string, act: string, valAcc: number): Run => ({
  ...base,
  id,
  name: `run ${id}`,
  config: withValueAt(base.config, 'model.rnnActivation', act),
  history: [{ epoch: 1, loss: 0.1, acc: 0.9, valLoss: 1 - valAcc, valAcc }],
});
const runs = [run('a', 'linear', 0.9), run('b', 'sigmoid', 1), run('c', 'linear', 0.995), run('d', 'tanh', 0.5)];

describe('tableState: the rows the runs table and the group views share', () => {
  it('keeps board order unsorted and ungrouped', () => {
    const state = tableState(runs, EMPTY_TABLE_VIEW);
    expect(state.rows.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(state.groups).toEqual([]);
  });

  it('filters, then sorts, then groups by known fields only, at the view threshold', () => {
    const state = tableState(runs, {
      ...EMPTY_TABLE_VIEW,
      ranges: { valAcc: { min: 0.8 } },
      sort: { column: 'valAcc', direction: 'desc' },
      groupBy: ['model.rnnActivation', 'no.such.field'],
      threshold: 0.95,
    });
    expect(state.rows.map((r) => r.id)).toEqual(['b', 'c', 'a']);
    expect(state.groups.map((g) => [g.key, g.ids, g.successes, g.count])).toEqual([
      [{ 'model.rnnActivation': 'sigmoid' }, ['b'], 1, 1],
      [{ 'model.rnnActivation': 'linear' }, ['c', 'a'], 1, 2],
    ]);
  });
});
