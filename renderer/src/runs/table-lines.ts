import type { GroupRow, RunRow } from '../../../shared/sweeps/runs-table.js';

/** The grid's body, line by line: a run, or a group's summary followed (when open) by its runs. */
export type TableLine =
  | { kind: 'run'; row: RunRow; /** Inside an open group. */ nested: boolean }
  | { kind: 'group'; group: GroupRow; key: string; open: boolean };

/** Above this many shown runs, groups start closed: the summaries are the point of grouping many runs. */
export const OPEN_GROUPS_UP_TO = 40;

/** Fixed line heights (px): a group's line holds a mean over its spread. */
export const RUN_LINE_HEIGHT = 28;
export const GROUP_LINE_HEIGHT = 42;

export const groupKeyId = (group: GroupRow) => JSON.stringify(Object.values(group.key));

/**
 * The lines for the shown rows: one per run ungrouped; grouped, one per group and, under an open group,
 * its runs in the table's order. `open` holds the groups a person opened or closed; the rest follow the default.
 */
export function tableLines(
  rows: readonly RunRow[],
  groups: readonly GroupRow[],
  open: Readonly<Record<string, boolean>>,
): TableLine[] {
  if (!groups.length) return rows.map((row) => ({ kind: 'run', row, nested: false }));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const openByDefault = rows.length <= OPEN_GROUPS_UP_TO;
  const lines: TableLine[] = [];
  for (const group of groups) {
    const key = groupKeyId(group);
    const isOpen = open[key] ?? openByDefault;
    lines.push({ kind: 'group', group, key, open: isOpen });
    if (!isOpen) continue;
    for (const id of group.ids) {
      const row = byId.get(id);
      if (row) lines.push({ kind: 'run', row, nested: true });
    }
  }
  return lines;
}

export const lineHeight = (line: TableLine) => (line.kind === 'group' ? GROUP_LINE_HEIGHT : RUN_LINE_HEIGHT);

/** The run id of each line (null for group lines), for shift-click ranges. */
export const lineRunIds = (lines: readonly TableLine[]) => lines.map((l) => (l.kind === 'run' ? l.row.id : null));
