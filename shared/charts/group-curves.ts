import type { EChartsOption } from 'echarts';
import { checkField, groupRows, spread, type TableRun } from '../sweeps/runs-table.js';
import { axisBase, fmt, textStyle, tooltipBase } from './common.js';
import { runColor, withAlpha } from './palette.js';
import {
  fieldName,
  GROUP_BANDS,
  successThreshold,
  type GroupBand,
  type GroupChartOptions,
  tableOf,
} from './sweep-common.js';
import type { ChartTheme } from './theme.js';

export interface GroupCurve {
  label: string;
  /** The fields the groups are made by (named once, on the x axis). */
  fields: string[];
  runIds: string[];
  /** Per epoch (index 0 = epoch 1), over the group's runs that reached it. */
  mean: number[];
  min: number[];
  max: number[];
  /** Population sd per epoch (0 for a group of one). */
  sd: number[];
}

/** Val accuracy per epoch of each group (default: by every varied field but the seed; one group if none). */
export function groupCurves(runs: readonly TableRun[], options: GroupChartOptions = {}): GroupCurve[] {
  const table = tableOf(runs, successThreshold(options));
  const by = (options.groupBy ?? table.fields.filter((f) => f !== 'training.seed').slice(0, 2)).map((f) =>
    checkField(table, f, 'field to group by'),
  );
  const byId = new Map(runs.map((r) => [r.id, r]));
  const groups = by.length ? groupRows(table, table.rows, by) : [{ key: {}, ids: table.rows.map((r) => r.id) }];
  // Values only ("1 · linear"): the x axis names the fields once, so the legend stays narrow.
  const label = (key: Record<string, unknown>) => Object.values(key).map(String).join(' · ') || 'all runs';
  return groups.map((g) => {
    const histories = g.ids.map((id) => byId.get(id)?.history ?? []);
    const epochs = Math.max(0, ...histories.map((h) => h.length));
    const bands = Array.from({ length: epochs }, (_, e) => spread(histories.flatMap((h) => h[e]?.valAcc ?? [])));
    return {
      label: `${label(g.key)} (n=${g.ids.length})`,
      fields: by,
      runIds: g.ids,
      mean: bands.map((b) => b.mean ?? NaN),
      min: bands.map((b) => b.min ?? NaN),
      max: bands.map((b) => b.max ?? NaN),
      sd: bands.map((b) => b.sd ?? NaN),
    };
  });
}

/** The band's lower and upper edge per epoch: the runs' min and max, or the mean ± one sd. */
export function bandEdges(c: GroupCurve, band: GroupBand = 'minmax'): { low: number[]; high: number[] } {
  if (band === 'minmax') return { low: c.min, high: c.max };
  return { low: c.mean.map((m, e) => m - c.sd[e]), high: c.mean.map((m, e) => m + c.sd[e]) };
}

/** A group's band (two stacked lines: the lower edge, then the width filled) under its mean line. */
function curveSeries(c: GroupCurve, i: number, theme: ChartTheme, band: GroupBand, groups: number) {
  const color = runColor(i, theme.mode);
  const { low, high } = bandEdges(c, band);
  const area = {
    type: 'line' as const,
    stack: `band-${i}`,
    symbol: 'none',
    silent: true,
    lineStyle: { opacity: 0 },
    tooltip: { show: false },
  };
  return [
    { ...area, name: `${c.label} low`, data: low },
    {
      ...area,
      name: `${c.label} band`,
      data: high.map((x, e) => x - low[e]),
      // Many groups' bands overlap: each gets fainter so the stack does not turn to mud.
      areaStyle: { color: withAlpha(color, Math.max(0.05, 0.16 * Math.min(1, 4 / groups))) },
    },
    {
      type: 'line' as const,
      name: c.label,
      data: c.mean,
      // One epoch is one point: without a symbol it would not show.
      symbol: c.mean.length === 1 ? 'circle' : 'none',
      lineStyle: { width: 2, color },
      itemStyle: { color },
    },
  ];
}

/** Hovering an epoch lists each group's mean (the bands' helper series left out). */
function curvesTooltip(curves: readonly GroupCurve[], theme: ChartTheme) {
  return {
    ...tooltipBase(theme),
    trigger: 'axis' as const,
    formatter: (p: unknown) => {
      const items = (p as { seriesName: string; value: number; axisValue: string }[]).filter((x) =>
        curves.some((c) => c.label === x.seriesName),
      );
      const lines = items.map((x) => `${x.seriesName}: <b>${fmt(x.value, 4)}</b>`);
      return [`epoch ${items[0]?.axisValue ?? ''}`, ...lines].join('<br/>');
    },
  };
}

/** Each group's mean line over a band of its runs (min–max or ±1 sd), one colour per group. */
export function groupCurvesOption(
  runs: readonly TableRun[],
  options: GroupChartOptions,
  theme: ChartTheme,
): EChartsOption {
  const curves = groupCurves(runs, options);
  const epochs = Math.max(0, ...curves.map((c) => c.mean.length));
  const ax = axisBase(theme);
  const fields = curves[0]?.fields ?? [];
  const band = options.band ?? 'minmax';
  return {
    textStyle: textStyle(theme),
    tooltip: curvesTooltip(curves, theme),
    legend: {
      type: 'scroll',
      orient: 'vertical',
      right: 8,
      top: 'middle',
      data: curves.map((c) => c.label),
      textStyle: { color: theme.muted, fontSize: 10 },
      itemHeight: 2,
      itemWidth: 16,
      pageTextStyle: { color: theme.muted },
    },
    grid: { left: 46, right: 160, top: 24, bottom: 36 },
    xAxis: {
      ...ax,
      type: 'category',
      boundaryGap: false,
      data: Array.from({ length: epochs }, (_, e) => String(e + 1)),
      name: `${fields.length ? `epoch · groups: ${fields.map(fieldName).join(' · ')}` : 'epoch'} · band ${GROUP_BANDS[band]}`,
      nameLocation: 'middle',
      nameGap: 22,
    },
    yAxis: {
      ...ax,
      type: 'value',
      name: 'val acc',
      max: 1,
      min: (v: { min: number }) => Math.max(0, Math.floor(v.min * 10) / 10),
    },
    series: curves.flatMap((c, i) => curveSeries(c, i, theme, band, curves.length)),
  };
}
