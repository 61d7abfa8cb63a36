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

/** A labelled bar in its own colour. */
export interface ColoredBar {
  label: string;
  value: number;
  color: string;
}

/**
 * Labelled bars of weights around a zero line: every label while `allLabelsUpTo` bars fit, values printed
 * while `printUpTo` do (the tooltip, worded by `title`, has them all).
 */
export function weightBarsOption(
  bars: readonly ColoredBar[],
  ctx: ChartContext,
  opts: { printUpTo: number; allLabelsUpTo: number; title?: (name: string) => string },
): EChartsOption {
  const { theme } = ctx;
  const ax = axisBase(theme);
  return {
    animation: false,
    textStyle: textStyle(theme),
    tooltip: itemTooltip(theme, opts.title),
    grid: { left: 44, right: 10, top: 18, bottom: 26 },
    xAxis: {
      ...ax,
      type: 'category',
      data: bars.map((b) => b.label),
      axisLabel: { ...ax.axisLabel, interval: bars.length <= opts.allLabelsUpTo ? 0 : 'auto' },
    },
    yAxis: { ...ax, type: 'value', axisLabel: { ...ax.axisLabel, formatter: (v: number) => fmt(v, 2) } },
    series: [
      {
        type: 'bar',
        name: 'weights',
        barMaxWidth: 22,
        data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.color, borderRadius: 2 } })),
        label: {
          show: bars.length <= opts.printUpTo,
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

/** The RNN's kernel in the run's colour; U and b, the recurrence and offset, in contrasting neutrals. */
export function weightsOption(weights: Weights, ctx: ChartContext): EChartsOption {
  const { theme, color } = ctx;
  const fill = (g: WeightBar['group']) => (g === 'W' ? color : g === 'U' ? theme.text : theme.muted);
  const bars = weightBars(weights).map((b) => ({ label: b.label, value: b.value, color: fill(b.group) }));
  // Printed values only while they fit without overlapping; the tooltip has them all.
  return weightBarsOption(bars, ctx, { printUpTo: 7, allLabelsUpTo: 14 });
}
