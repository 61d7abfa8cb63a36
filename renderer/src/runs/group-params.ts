import { PARALLEL_METRICS } from '../../../shared/charts/parallel.js';
import { slugify } from '../../../shared/charts/file-names.js';
import { fieldName, type GroupBand } from '../../../shared/charts/sweep-common.js';
import type { TableView } from '../../../shared/schemas/session.js';
import { TABLE_FIELDS, type RunsTable } from '../../../shared/sweeps/runs-table.js';

const SEED = 'training.seed';

/** Columns the parallel chart may draw as axes: a filter on one of them shows there as a brush. */
const AXIS_COLUMNS: ReadonlySet<string> = new Set([...TABLE_FIELDS.filter((f) => f !== SEED), ...PARALLEL_METRICS]);

/**
 * The table's view without the filters the parallel chart's axes show: the runs such a filter leaves out
 * are still drawn there (faded), so the axes keep their extent while a brush narrows the table.
 */
export function withoutAxisFilters(view: TableView): TableView {
  const keep = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).filter(([column]) => !AXIS_COLUMNS.has(column)));
  return { ...view, ranges: keep(view.ranges), oneOf: keep(view.oneOf) };
}

/** The fields to group by: the table's grouping when it has one, else the first two varied fields but the seed. */
export function defaultGroupFields(table: RunsTable, view: TableView): string[] {
  const grouped = view.groupBy.filter((f) => TABLE_FIELDS.includes(f));
  return grouped.length ? grouped : table.fields.filter((f) => f !== SEED).slice(0, 2);
}

/** Fields a picker offers: the varied ones (seed last, as the replicate), plus any already picked. */
export function fieldChoices(table: RunsTable, picked: readonly string[]): string[] {
  const varied = [...table.fields.filter((f) => f !== SEED), ...(table.fields.includes(SEED) ? [SEED] : [])];
  return [...varied, ...picked.filter((f) => f && !varied.includes(f))];
}

/** What the group views are drawn with: the grouping fields, the band, the scatter's field and metric. */
export interface GroupPicks {
  groupBy: string[];
  band: GroupBand;
  x: string;
  y: string;
}

/** Export names that say what a figure shows: runs-success-matrix-embeddingDim-x-rnnActivation.png. */
export function groupFileBases(
  p: GroupPicks,
): Record<'success-matrix' | 'parallel' | 'group-curves' | 'scatter', string> {
  const by = p.groupBy.map(fieldName).join('-x-');
  const base = (...parts: string[]) => `runs-${slugify(parts.filter(Boolean).join(' '))}`;
  return {
    'success-matrix': base('success matrix', by),
    parallel: base('parallel coordinates'),
    'group-curves': base(
      'val acc by',
      p.groupBy.map(fieldName).join('-'),
      p.band === 'sd' ? 'sd band' : 'min max band',
    ),
    scatter: base('scatter', fieldName(p.x), p.y),
  };
}
