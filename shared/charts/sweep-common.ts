import { fieldAt } from '../config-fields/fields.js';
import type { SweepValue } from '../schemas/sweep.js';
import { DEFAULT_SUCCESS_THRESHOLD, METRIC_LABELS, NUMERIC_METRICS, type NumericMetric } from '../sweeps/metrics.js';
import { LabError } from '../errors.js';
import { runsTable, type RunsTable, type TableRun } from '../sweeps/runs-table.js';
import type { ChartTheme } from './theme.js';

/** What the group charts take besides their runs (the CLI's --group-by, --x, --y and --success). */
export interface GroupChartOptions {
  /** Config paths to group by (one or two); default: the varied fields other than the training seed. */
  groupBy?: readonly string[];
  /** The field on the scatter's x axis; default: the first varied field. */
  x?: string;
  /** The metric on the scatter's y axis; default: valAcc. */
  y?: string;
  /** Success: final val accuracy at least this (default 0.99). */
  success?: number;
  /** The group curves' band: min to max of the runs (default), or the mean ± one population sd. */
  band?: GroupBand;
}

export type GroupBand = 'minmax' | 'sd';
export const GROUP_BANDS: Readonly<Record<GroupBand, string>> = { minmax: 'min–max', sd: '±1 sd' };

export const successThreshold = (o: GroupChartOptions) => o.success ?? DEFAULT_SUCCESS_THRESHOLD;

/** A field's axis name: the config name after its section (`model.embeddingDim` → `embeddingDim`), as the CLI spells it. */
export const fieldName = (path: string) => path.split('.')[1] ?? path;
/** A field's label for tooltips ("Embedding size"). */
export const fieldLabel = (path: string) => fieldAt(path)?.label ?? path;

export function checkMetric(name: string): NumericMetric {
  if (!(NUMERIC_METRICS as readonly string[]).includes(name))
    throw new LabError('bad-request', `unknown metric "${name}" (${NUMERIC_METRICS.join(', ')})`);
  return name as NumericMetric;
}
export const metricLabel = (m: NumericMetric) => METRIC_LABELS[m];

/** The distinct values of a field, numbers ascending then text in natural order (1, 4, 10; gru, lstm, simple). */
export function distinctValues(values: readonly SweepValue[]): SweepValue[] {
  const unique = [...new Map(values.map((v) => [JSON.stringify(v), v])).values()];
  return unique.sort((a, b) =>
    typeof a === 'number' && typeof b === 'number'
      ? a - b
      : String(a).localeCompare(String(b), 'en', { numeric: true }),
  );
}

/** Success and failure colours: the theme's positive and negative. */
export const successColors = (theme: ChartTheme) => ({ yes: theme.positive, no: theme.negative });

const tables = new WeakMap<readonly TableRun[], Map<number, RunsTable>>();

/**
 * The runs table of a group chart's runs, computed once per array and threshold: the group views draw four
 * charts and their text versions from one array, and each run's metrics are the costly part. An array is
 * not changed once drawn (the app builds a new one when its runs change).
 */
export function tableOf(runs: readonly TableRun[], threshold: number): RunsTable {
  const byThreshold = tables.get(runs) ?? new Map<number, RunsTable>();
  tables.set(runs, byThreshold);
  const known = byThreshold.get(threshold);
  if (known) return known;
  const table = runsTable(runs, threshold);
  byThreshold.set(threshold, table);
  return table;
}

/**
 * An accuracy axis from a multiple of 0.1 up to 1 in even steps: ECharts' own ticks run to 1.02, and a
 * bare min or max adds an end label that crowds the tick next to it (0.99 under 1).
 */
export function accuracyScale(accs: readonly number[]) {
  const min = Math.min(0.9, Math.floor(Math.min(...accs, 1) * 10) / 10);
  return { min, max: 1, interval: 1 - min <= 0.3 ? 0.05 : 0.1 };
}
