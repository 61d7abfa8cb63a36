import { describe, expect, it } from 'vitest';
import {
  checkState,
  inBoardOrder,
  rangeIds,
  setSelected,
  toggleGroup,
} from '../../../renderer/src/runs/table-selection.js';
import { tableLines, lineRunIds, OPEN_GROUPS_UP_TO } from '../../../renderer/src/runs/table-lines.js';
import { tableState } from '../../../renderer/src/runs/table-state.js';
import { withValueAt } from '../../../shared/config-fields/config-path.js';
import type { Run } from '../../../shared/schemas/run.js';
import { EMPTY_TABLE_VIEW } from '../../../shared/schemas/session.js';
import { trainedSeedRun } from '../analysis/trained-fixtures.js';

describe('selection: the compared runs', () => {
  it('says all, some or none of a group is selected', () => {
    const sel = new Set(['a', 'b']);
    expect(checkState(['a', 'b'], sel)).toBe('all');
    expect(checkState(['a', 'c'], sel)).toBe('some');
    expect(checkState(['c'], sel)).toBe('none');
  });

  it('selects a partly selected group whole, and clears a whole one', () => {
    expect([...toggleGroup(new Set(['a']), ['a', 'b'])].sort()).toEqual(['a', 'b']);
    expect([...toggleGroup(new Set(['a', 'b', 'x']), ['a', 'b'])]).toEqual(['x']);
  });

  it('takes a shift-click range in either direction, skipping group lines', () => {
    const ids = ['a', null, 'b', 'c', null, 'd'];
    expect(rangeIds(ids, 0, 3)).toEqual(['a', 'b', 'c']);
    expect(rangeIds(ids, 5, 2)).toEqual(['b', 'c', 'd']);
    expect(rangeIds(ids, 1, 1)).toEqual([]);
  });

  it('stores ids in board order, leaving out ids of runs that are gone', () => {
    const next = setSelected(new Set(['c', 'gone']), ['a'], true);
    expect(inBoardOrder(next, ['a', 'b', 'c'])).toEqual(['a', 'c']);
    expect([...setSelected(new Set(['a', 'b']), ['a'], false)]).toEqual(['b']);
  });
});

const base = trainedSeedRun('linear1', 'x');
const run = (i: number, act: string): Run => ({
  ...base,
  id: `r${i}`,
  name: `run ${i}`,
  config: withValueAt(base.config, 'model.rnnActivation', act),
});

describe('the lines of a grouped table', () => {
  const few = [run(0, 'linear'), run(1, 'tanh'), run(2, 'linear')];

  it('is one line per run when ungrouped', () => {
    const s = tableState(few, EMPTY_TABLE_VIEW);
    expect(tableLines(s.rows, s.groups, {}).map((l) => l.kind)).toEqual(['run', 'run', 'run']);
  });

  it('opens groups of a small table, each followed by its runs; a closed group hides them', () => {
    const s = tableState(few, { ...EMPTY_TABLE_VIEW, groupBy: ['model.rnnActivation'] });
    const lines = tableLines(s.rows, s.groups, {});
    expect(lineRunIds(lines)).toEqual([null, 'r0', 'r2', null, 'r1']);
    const key = lines[0].kind === 'group' ? lines[0].key : '';
    expect(lineRunIds(tableLines(s.rows, s.groups, { [key]: false }))).toEqual([null, null, 'r1']);
  });

  it('closes the groups of a large table until one is opened', () => {
    const many = Array.from({ length: OPEN_GROUPS_UP_TO + 1 }, (_, i) => run(i, i % 2 ? 'tanh' : 'linear'));
    const s = tableState(many, { ...EMPTY_TABLE_VIEW, groupBy: ['model.rnnActivation'] });
    const lines = tableLines(s.rows, s.groups, {});
    expect(lines.map((l) => l.kind)).toEqual(['group', 'group']);
    const key = lines[1].kind === 'group' ? lines[1].key : '';
    expect(tableLines(s.rows, s.groups, { [key]: true })).toHaveLength(2 + 20);
  });
});
