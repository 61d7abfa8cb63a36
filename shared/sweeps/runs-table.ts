import { fieldAt } from '../config-fields/fields.js';
import { band } from '../analysis/seed-repeat.js';
import { readAt } from '../config-fields/config-path.js';
import { LabError } from '../errors.js';
import type { Run } from '../schemas/run.js';
import type { RunConfig } from '../schemas/run-config.js';
import { SWEEPABLE_PATHS, type RunSweepTag, type SweepValue } from '../schemas/sweep.js';
import {
  DEFAULT_SUCCESS_THRESHOLD,
  NUMERIC_METRICS,
  runMetrics,
  type NumericMetric,
  type RunMetrics,
} from './metrics.js';

/**
 * The runs table, as pure data for `rnn-lab table` and the app's table: one row per run with the fields
 * that vary and its metrics; sorted, filtered, and grouped by one or two fields into rows with a count,
 * mean ± sd of each metric and a success rate.
 */

/** A run as the table reads it: sweep runs carry their sweep's id and varied values. */
export type TableRun = Run & { sweep?: RunSweepTag };

export interface RunRow {
  id: string;
  name: string;
  seed: number;
  config: RunConfig;
  /** The varied fields' values by config path (read from the config, so tagged and untagged runs agree). */
  values: Record<string, SweepValue>;
  metrics: RunMetrics;
  /** Final val accuracy ≥ the threshold. */
  success: boolean;
}

export interface RunsTable {
  /** Config paths of the varied fields, in the config-field order. */
  fields: string[];
  rows: RunRow[];
  threshold: number;
}

const TRAINING_SEED = 'training.seed';
/** Every field a table may show or group by: the sweepable ones and the training seed. */
export const TABLE_FIELDS: readonly string[] = [...SWEEPABLE_PATHS, TRAINING_SEED];

const valueAt = (run: Run, path: string) => readAt(run.config, path) as SweepValue;

/**
 * The fields that vary: every field a sweep tag names (even one its sweep gives a single value), and every
 * table field whose value differs across the runs (a session of `train` runs, a run added by hand beside a
 * sweep, two sweeps from different bases). One run alone varies nothing.
 */
export function variedFields(runs: readonly TableRun[]): string[] {
  const tagged = new Set(runs.flatMap((r) => Object.keys(r.sweep?.values ?? {})));
  // Values are numbers, strings and booleans: compared as they are, the first difference settles it.
  const differs = (path: string) => runs.some((r) => valueAt(r, path) !== valueAt(runs[0], path));
  return TABLE_FIELDS.filter((path) => tagged.has(path) || differs(path));
}

export function checkThreshold(threshold: number): number {
  if (!Number.isFinite(threshold) || threshold <= 0 || threshold > 1)
    throw new LabError('bad-request', `the success threshold must be a number above 0 and at most 1, got ${threshold}`);
  return threshold;
}

/**
 * Metrics by run object and threshold. Runs are immutable values (a change makes a new run object), so
 * a table rebuilt after one run changed recomputes that run's metrics only, not every run's eigenvalues.
 */
const metricsCache = new WeakMap<Run, Map<number, RunMetrics>>();

export function cachedMetrics(run: Run, threshold: number): RunMetrics {
  let byThreshold = metricsCache.get(run);
  if (!byThreshold) metricsCache.set(run, (byThreshold = new Map<number, RunMetrics>()));
  let metrics = byThreshold.get(threshold);
  if (!metrics) byThreshold.set(threshold, (metrics = runMetrics(run, threshold)));
  return metrics;
}

export function runsTable(runs: readonly TableRun[], threshold = DEFAULT_SUCCESS_THRESHOLD): RunsTable {
  checkThreshold(threshold);
  const fields = variedFields(runs);
  const rows = runs.map((run) => {
    const metrics = cachedMetrics(run, threshold);
    return {
      id: run.id,
      name: run.name,
      seed: run.config.training.seed,
      config: run.config,
      values: Object.fromEntries(fields.map((f) => [f, valueAt(run, f)])),
      metrics,
      success: metrics.valAcc !== null && metrics.valAcc >= threshold,
    };
  });
  return { fields, rows, threshold };
}

/** A column: a field's config path, a metric, or the run's name, status, backend or health verdict. */
export type Column = string;
const TEXT_COLUMNS = ['name', 'status', 'backend', 'health'] as const;

export function cellOf(row: RunRow, column: Column): SweepValue | null {
  if (column === 'name') return row.name;
  if (column === 'status' || column === 'backend') return row.metrics[column];
  if (column === 'health') return row.metrics.health?.verdict ?? null;
  if ((NUMERIC_METRICS as readonly string[]).includes(column)) return row.metrics[column as NumericMetric];
  if (TABLE_FIELDS.includes(column)) return readAt(row.config, column) as SweepValue;
  return null;
}

/** Whether a column exists for this table; a one-line error listing the columns otherwise. */
export function checkColumn(table: RunsTable, column: Column, what = 'column'): Column {
  const known = [...TEXT_COLUMNS, ...table.fields, ...NUMERIC_METRICS];
  if (!known.includes(column) && !TABLE_FIELDS.includes(column))
    throw new LabError('bad-request', `unknown ${what} "${column}" (e.g. ${known.join(', ')})`);
  return column;
}

/** A config field a table may group or plot by (any table field, varied or not). */
export function checkField(table: RunsTable, path: string, what = 'field'): string {
  if (TABLE_FIELDS.includes(path)) return path;
  const varied = table.fields.length ? ` (varied here: ${table.fields.join(', ')})` : '';
  throw new LabError(
    'bad-request',
    `unknown ${what} "${path}": expected a config path such as model.embeddingDim${varied}`,
  );
}

/** Numbers before strings, each in natural order; missing values last whatever the direction. */
function compareCells(a: SweepValue | null, b: SweepValue | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return String(a).localeCompare(String(b), 'en', { numeric: true });
}

/** A stable sort by one column (ties keep the table's order). */
export function sortRows(rows: readonly RunRow[], column: Column, direction: 'asc' | 'desc' = 'asc'): RunRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  // Each cell read once, not once per comparison (a thousand rows make some twenty thousand comparisons).
  const keyed = rows.map((row, i) => ({ row, i, cell: cellOf(row, column) }));
  keyed.sort((x, y) => {
    const a = x.cell;
    const b = y.cell;
    const order = a === null || b === null ? compareCells(a, b) : sign * compareCells(a, b);
    return order || x.i - y.i;
  });
  return keyed.map((k) => k.row);
}

export interface RowFilter {
  /** Case-insensitive; a row matches when its name, status, backend or a varied value contains it. */
  text?: string;
  /** Inclusive numeric bounds per column; a row without a number there is left out. */
  ranges?: Record<Column, { min?: number; max?: number }>;
  /** Allowed values per column (a categorical axis brushed on the parallel chart). */
  oneOf?: Record<Column, readonly SweepValue[]>;
}

export function filterRows(rows: readonly RunRow[], filter: RowFilter): RunRow[] {
  const text = filter.text?.trim().toLowerCase();
  return rows.filter((row) => {
    if (text) {
      const cells = [row.name, row.metrics.status, row.metrics.backend ?? '', ...Object.values(row.values)];
      if (!cells.some((c) => String(c).toLowerCase().includes(text))) return false;
    }
    for (const [column, { min, max }] of Object.entries(filter.ranges ?? {})) {
      const v = cellOf(row, column);
      if (typeof v !== 'number' || (min !== undefined && v < min) || (max !== undefined && v > max)) return false;
    }
    for (const [column, allowed] of Object.entries(filter.oneOf ?? {})) {
      const v = cellOf(row, column);
      if (v === null || !allowed.includes(v)) return false;
    }
    return true;
  });
}

/** Mean ± population sd over the runs that have the metric (as the seed-repeat view), min and max. */
export interface Spread {
  n: number;
  mean: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
}

export interface GroupRow {
  /** The group's value of each grouped field, by config path. */
  key: Record<string, SweepValue>;
  /** Row ids, in the table's order. */
  ids: string[];
  count: number;
  /** Runs with a final val accuracy (trained at least one epoch): the success rate's denominator. */
  finished: number;
  successes: number;
  /** successes / finished; null when no run of the group has finished an epoch. */
  successRate: number | null;
  metrics: Record<NumericMetric, Spread>;
}

export function spread(values: readonly number[]): Spread {
  if (!values.length) return { n: 0, mean: null, sd: null, min: null, max: null };
  const b = band(values);
  return { n: values.length, mean: b.mean, sd: b.std, min: b.min, max: b.max };
}

/** One group row per distinct key, in the order keys first appear (sort the rows first to order groups). */
export function groupRows(table: RunsTable, rows: readonly RunRow[], by: readonly string[]): GroupRow[] {
  if (by.length < 1 || by.length > 2) throw new LabError('bad-request', 'group by one or two fields');
  for (const f of by) checkField(table, f, 'field to group by');
  const groups = new Map<string, RunRow[]>();
  for (const row of rows) {
    const id = JSON.stringify(by.map((f) => cellOf(row, f)));
    const members = groups.get(id);
    if (members) members.push(row);
    else groups.set(id, [row]);
  }
  return [...groups.values()].map((members) => groupRow(by, members));
}

function groupRow(by: readonly string[], members: RunRow[]): GroupRow {
  const finished = members.filter((r) => r.metrics.valAcc !== null).length;
  const successes = members.filter((r) => r.success).length;
  const metrics = Object.fromEntries(
    NUMERIC_METRICS.map((m) => [m, spread(members.flatMap((r) => r.metrics[m] ?? []))]),
  ) as Record<NumericMetric, Spread>;
  return {
    key: Object.fromEntries(by.map((f) => [f, cellOf(members[0], f) as SweepValue])),
    ids: members.map((r) => r.id),
    count: members.length,
    finished,
    successes,
    successRate: finished ? successes / finished : null,
    metrics,
  };
}

/** "Embedding size: 1 · RNN activation: linear": a group's key as one label, in the form's words. */
export function groupLabel(key: Record<string, SweepValue>): string {
  const parts = Object.entries(key).map(([path, v]) => `${fieldAt(path)?.label ?? path}: ${String(v)}`);
  return parts.join(' · ') || 'all runs';
}
