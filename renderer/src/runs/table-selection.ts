/**
 * The selection is the set of compared runs (view.compare). These turn a click, a shift-click or a group's
 * checkbox into the next set, always listed in board order.
 */

export type CheckState = 'all' | 'some' | 'none';

/** How many of `ids` are selected, as a checkbox shows it (checked, indeterminate, empty). */
export function checkState(ids: readonly string[], selected: ReadonlySet<string>): CheckState {
  let n = 0;
  for (const id of ids) if (selected.has(id)) n++;
  return n === 0 ? 'none' : n === ids.length ? 'all' : 'some';
}

/** Adds or removes `ids` together: a row, a group or a range. */
export function setSelected(selected: ReadonlySet<string>, ids: readonly string[], on: boolean): Set<string> {
  const next = new Set(selected);
  for (const id of ids) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return next;
}

/** A group's box: a partly or unselected group becomes wholly selected; a whole one is cleared. */
export function toggleGroup(selected: ReadonlySet<string>, ids: readonly string[]): Set<string> {
  return setSelected(selected, ids, checkState(ids, selected) !== 'all');
}

/** The run ids of the lines between two line indices, both included, in either direction. */
export function rangeIds(lineIds: readonly (string | null)[], from: number, to: number): string[] {
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  return lineIds.slice(Math.max(0, lo), hi + 1).filter((id): id is string => id !== null);
}

/** The selection as view.compare stores it: ids in board order, ids no run has left out. */
export function inBoardOrder(selected: ReadonlySet<string>, boardIds: readonly string[]): string[] {
  return boardIds.filter((id) => selected.has(id));
}
