import type { EChartsOption } from 'echarts';
import type { Weights } from '../schemas/run-result.js';
import { axisBase, fmt, itemTooltip, textStyle, zeroLine, type ChartContext } from './common.js';

export interface WeightBar {
  group: 'W' | 'U' | 'b';
  label: string;
  value: number;
}

/** W (E × units), U (units × units) and b (units) flattened into labelled bars. */
export function weightBars(weights: Weights): WeightBar[] {
  const units = weights.bias.length;
  const bars: WeightBar[] = [];
  weights.kernel.forEach((row, i) =>
    row.forEach((v, j) => bars.push({ group: 'W', label: units === 1 ? `W${i}` : `W${i},${j}`, value: v })),
  );
  weights.recurrentKernel.forEach((row, i) =>
    row.forEach((v, j) => bars.push({ group: 'U', label: units === 1 ? 'U' : `U${i},${j}`, value: v })),
  );
  weights.bias.forEach((v, j) => bars.push({ group: 'b', label: units === 1 ? 'b' : `b${j}`, value: v }));
  return bars;
}

/** The RNN's kernel in the run's colour; U and b, the recurrence and offset, in contrasting neutrals. */
export function weightsOption(weights: Weights, ctx: ChartContext): EChartsOption {
  const { theme, color } = ctx;
  const ax = axisBase(theme);
  const bars = weightBars(weights);
  const fill = (g: WeightBar['group']) => (g === 'W' ? color : g === 'U' ? theme.text : theme.muted);
  // Printed values only while they fit without overlapping; the tooltip has them all.
  const few = bars.length <= 7;
  return {
    animation: false,
    textStyle: textStyle(theme),
    tooltip: itemTooltip(theme),
    grid: { left: 44, right: 10, top: 18, bottom: 26 },
    xAxis: {
      ...ax,
      type: 'category',
      data: bars.map((b) => b.label),
      axisLabel: { ...ax.axisLabel, interval: bars.length <= 14 ? 0 : 'auto' },
    },
    yAxis: { ...ax, type: 'value', axisLabel: { ...ax.axisLabel, formatter: (v: number) => fmt(v, 2) } },
    series: [
      {
        type: 'bar',
        name: 'weights',
        barMaxWidth: 22,
        data: bars.map((b) => ({ value: b.value, itemStyle: { color: fill(b.group), borderRadius: 2 } })),
        label: {
          show: few,
          position: 'top',
          color: theme.muted,
          fontSize: 9,
          fontFamily: theme.mono,
          formatter: (p) => fmt(Number(p.value), 2),
        },
        markLine: zeroLine(theme),
      },
    ],
  };
}
