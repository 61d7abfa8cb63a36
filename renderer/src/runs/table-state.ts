import type { Run } from '../../../shared/schemas/run.js';
import type { TableView } from '../../../shared/schemas/session.js';
import {
  filterRows,
  groupRows,
  runsTable,
  sortRows,
  TABLE_FIELDS,
  type GroupRow,
  type RunRow,
  type RunsTable,
} from '../../../shared/sweeps/runs-table.js';

/** What the runs table and the group views show: the same rows, so a filter on one is a filter on both. */
export interface TableState {
  table: RunsTable;
  /** Filtered, then sorted, in board order when unsorted. */
  rows: RunRow[];
  /** Groups of the shown rows by the grouping fields (none when ungrouped). */
  groups: GroupRow[];
}

/** Group fields that are not table fields any more (a file from another sweep) are left out, not an error. */
export function tableState(runs: readonly Run[], view: TableView): TableState {
  const table = runsTable(runs, view.threshold);
  const filtered = filterRows(table.rows, { text: view.text, ranges: view.ranges, oneOf: view.oneOf });
  const rows = view.sort ? sortRows(filtered, view.sort.column, view.sort.direction) : filtered;
  const by = view.groupBy.filter((f) => TABLE_FIELDS.includes(f));
  return { table, rows, groups: by.length ? groupRows(table, rows, by) : [] };
}
