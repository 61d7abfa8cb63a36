import type { EChartsOption } from 'echarts';
import type { SweepValue } from '../schemas/sweep.js';
import { cellOf, checkField, type TableRun } from '../sweeps/runs-table.js';
import { axisBase, fmt, textStyle, tooltipBase } from './common.js';
import {
  checkMetric,
  distinctValues,
  fieldName,
  metricLabel,
  successColors,
  successThreshold,
  type GroupChartOptions,
  tableOf,
  accuracyScale,
} from './sweep-common.js';
import type { ChartTheme } from './theme.js';

/** A field (x, default: the first varied field) against a metric (y, default: val acc), a point per run. */
export function scatterOption(runs: readonly TableRun[], options: GroupChartOptions, theme: ChartTheme): EChartsOption {
  const table = tableOf(runs, successThreshold(options));
  const x = checkField(table, options.x ?? table.fields[0] ?? 'training.seed', 'field');
  const y = checkMetric(options.y ?? 'valAcc');
  const xs = table.rows.map((r) => cellOf(r, x)).filter((v): v is SweepValue => v !== null);
  const numeric = xs.every((v) => typeof v === 'number');
  const categories = numeric ? undefined : distinctValues(xs).map(String);
  const colors = successColors(theme);
  const ax = axisBase(theme);
  const points = (success: boolean) => ({
    type: 'scatter' as const,
    name: success ? `val acc ≥ ${table.threshold}` : 'below',
    symbolSize: 8,
    itemStyle: { color: success ? colors.yes : colors.no, opacity: 0.75 },
    data: table.rows
      .filter((r) => r.success === success && r.metrics[y] !== null)
      .map((r) => ({ name: r.name, id: r.id, value: [numeric ? cellOf(r, x) : String(cellOf(r, x)), r.metrics[y]] })),
  });
  return {
    textStyle: textStyle(theme),
    tooltip: {
      ...tooltipBase(theme),
      trigger: 'item',
      formatter: (p: unknown) => {
        const { name, value } = p as { name: string; value: [SweepValue, number] };
        return `${name}<br/>${fieldName(x)} ${String(value[0])} · ${metricLabel(y)} <b>${fmt(value[1], 4)}</b>`;
      },
    },
    legend: { top: 0, right: 0, textStyle: { color: theme.muted, fontSize: 10 } },
    grid: { left: 52, right: 16, top: 30, bottom: 40 },
    xAxis: categories
      ? { ...ax, type: 'category', data: categories, name: fieldName(x), nameLocation: 'middle', nameGap: 24 }
      : { ...ax, type: 'value', scale: true, name: fieldName(x), nameLocation: 'middle', nameGap: 24 },
    yAxis: {
      ...ax,
      type: 'value',
      scale: true,
      name: metricLabel(y),
      ...(y === 'valAcc' ? accuracyScale(table.rows.flatMap((r) => r.metrics.valAcc ?? [])) : {}),
    },
    series: [points(true), points(false)],
  } as EChartsOption;
}
