import type { EChartsOption } from 'echarts';
import type { SweepValue } from '../schemas/sweep.js';
import type { NumericMetric } from '../sweeps/metrics.js';
import { cellOf, type RunRow, type TableRun } from '../sweeps/runs-table.js';
import { fmt, textStyle, tooltipBase } from './common.js';
import {
  distinctValues,
  fieldName,
  metricLabel,
  successColors,
  successThreshold,
  type GroupChartOptions,
  tableOf,
  accuracyScale,
} from './sweep-common.js';
import { withAlpha } from './palette.js';
import type { ChartTheme } from './theme.js';

/** The metrics drawn as axes after the varied fields (time and backend say how, not what, a run learned). */
export const PARALLEL_METRICS: readonly NumericMetric[] = [
  'valAcc',
  'valLoss',
  'epochsToSuccess',
  'digitMargin',
  'recurrentRadius',
];

export interface ParallelAxis {
  /** A config path or a metric: the table column the axis shows (a brush on it filters that column). */
  column: string;
  name: string;
  /** Category axes list their values as drawn; numeric axes have none. */
  categories?: string[];
  /** The values behind `categories`, in the same order (a brush on the axis selects these). */
  values?: SweepValue[];
}

/**
 * The axes: every varied field but the training seed (the seed is the replicate the chart spreads over,
 * not a setting), then the metrics. A field whose values are not all numbers is a category axis.
 */
export function parallelAxes(rows: readonly RunRow[], fields: readonly string[]): ParallelAxis[] {
  const fieldAxes = fields
    .filter((f) => f !== 'training.seed')
    .map((column) => {
      const values = rows.map((r) => cellOf(r, column)).filter((v): v is SweepValue => v !== null);
      const numeric = values.every((v) => typeof v === 'number');
      const distinct = distinctValues(values);
      return {
        column,
        // Two lines at the last word of the camel-cased name (embedding / Dim): nine axes share 640 px.
        name: fieldName(column).replace(/([a-z])([A-Z][a-z]*)$/, '$1\n$2'),
        ...(numeric ? {} : { categories: distinct.map(String), values: distinct }),
      };
    });
  // Metric names on two lines where they have two words: seven axes share 640 px.
  return [
    ...fieldAxes,
    ...PARALLEL_METRICS.map((m) => ({ column: m, name: metricLabel(m).replace(/ (?=\S+$)/, '\n') })),
  ];
}

const lineValue = (row: RunRow, axis: ParallelAxis) => {
  const v = cellOf(row, axis.column);
  return v === null ? '-' : axis.categories ? String(v) : v;
};

/** Brushes are written on release (not on every move): each one filters the table and redraws the charts. */
function axisOption(a: ParallelAxis, dim: number, rows: readonly RunRow[], theme: ChartTheme) {
  return {
    id: a.column,
    dim,
    name: a.name,
    nameLocation: 'end',
    // Two-line names need the room: at 12 px their second line sat on the top tick's label.
    nameGap: 20,
    nameTextStyle: { color: theme.muted, fontFamily: theme.font, fontSize: 10, lineHeight: 12 },
    ...(a.categories ? { type: 'category', data: a.categories } : { type: 'value', scale: true }),
    ...(a.column === 'valAcc' ? accuracyScale(rows.flatMap((r) => r.metrics.valAcc ?? [])) : {}),
    realtime: false,
    // A translucent band (ECharts' own opacity here would not reach the fill): the ticks read through it.
    areaSelectStyle: {
      width: 18,
      borderWidth: 1,
      borderColor: withAlpha(theme.text, 0.55),
      color: withAlpha(theme.text, 0.16),
      opacity: 1,
    },
    axisLine: { lineStyle: { color: theme.axisLine } },
    axisTick: { show: false },
    axisLabel: {
      color: theme.muted,
      fontFamily: theme.mono,
      fontSize: 9,
      formatter: a.categories ? undefined : (v: number) => fmt(v),
    },
  };
}

/**
 * One line per run across the varied fields and the metrics, green when it succeeded, red when not. Runs
 * in `faded` (filtered out of a table, say by a brush on an axis) are drawn thin and grey under the rest,
 * so the axes keep their extent while a brush narrows what stands out.
 */
export function parallelOption(
  runs: readonly TableRun[],
  options: GroupChartOptions,
  theme: ChartTheme,
  faded: ReadonlySet<string> = new Set(),
): EChartsOption {
  const table = tableOf(runs, successThreshold(options));
  const axes = parallelAxes(table.rows, table.fields);
  const colors = successColors(theme);
  const line = (r: RunRow) => ({ name: r.name, id: r.id, value: axes.map((a) => lineValue(r, a)) });
  // ECharts' own fading of lines outside a brush is off: which runs are filtered out is decided here, the same on screen and in a file.
  const opacity = { activeOpacity: 1, inactiveOpacity: 1 };
  const lines = (success: boolean) => ({
    type: 'parallel' as const,
    name: success ? `val acc ≥ ${table.threshold}` : 'below',
    ...opacity,
    lineStyle: { width: 1.5, color: withAlpha(success ? colors.yes : colors.no, 0.6) },
    itemStyle: { color: success ? colors.yes : colors.no },
    emphasis: { lineStyle: { width: 3, opacity: 1 } },
    data: table.rows.filter((r) => r.success === success && !faded.has(r.id)).map(line),
  });
  const out = table.rows.filter((r) => faded.has(r.id));
  const filteredOut = {
    type: 'parallel' as const,
    name: 'filtered out',
    ...opacity,
    lineStyle: { width: 1, color: withAlpha(theme.faint, 0.35) },
    itemStyle: { color: theme.faint },
    data: out.map(line),
  };
  return {
    textStyle: textStyle(theme),
    tooltip: { ...tooltipBase(theme), trigger: 'item', formatter: (p: unknown) => (p as { name: string }).name },
    legend: { bottom: 0, right: 0, textStyle: { color: theme.muted, fontSize: 10 }, itemHeight: 2, itemWidth: 16 },
    parallel: { left: 56, right: 60, top: 64, bottom: 34 },
    parallelAxis: axes.map((a, dim) => axisOption(a, dim, table.rows, theme)),
    series: [...(out.length ? [filteredOut] : []), lines(true), lines(false)],
  } as EChartsOption;
}
