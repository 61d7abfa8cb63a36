import type { EChartsOption } from 'echarts';
import { axisBase, fmt, itemTooltip, textStyle, zeroLine, type ChartContext } from './common.js';

/** Unit 0's score per digit (Emb·W + b): the one number the seed argues from. */
export function digitScoreValues(digitScores: readonly (readonly number[])[], unit = 0): number[] {
  return digitScores.map((row) => row[unit] ?? 0);
}

/** The digit with the highest score, or -1 when there are none. */
export function topDigit(digitScores: readonly (readonly number[])[], unit = 0): number {
  const values = digitScoreValues(digitScores, unit);
  let best = -1;
  values.forEach((v, i) => {
    if (best < 0 || v > values[best]) best = i;
  });
  return best;
}

/** Bars per digit; the target digit in the run's colour, the rest neutral, values printed. */
export function digitScoresOption(digitScores: readonly (readonly number[])[], targetDigit: number, ctx: ChartContext): EChartsOption {
  const { theme, color } = ctx;
  const ax = axisBase(theme);
  const values = digitScoreValues(digitScores);
  const few = values.length <= 6;
  return {
    animation: false,
    textStyle: textStyle(theme),
    tooltip: itemTooltip(theme, (name) => `digit ${name}${Number(name) === targetDigit ? ' (target)' : ''}`),
    grid: { left: 44, right: 10, top: 20, bottom: 28 },
    xAxis: {
      ...ax,
      type: 'category',
      data: values.map((_, i) => ({
        value: String(i),
        textStyle: i === targetDigit ? { color, fontWeight: 'bold' as const } : {},
      })),
      name: 'digit',
      nameLocation: 'middle',
      nameGap: 18,
    },
    yAxis: { ...ax, type: 'value', name: 'score', axisLabel: { ...ax.axisLabel, formatter: (v: number) => fmt(v, 2) } },
    series: [
      {
        type: 'bar',
        name: 'digit score',
        barMaxWidth: 24,
        data: values.map((v, i) => ({
          value: v,
          itemStyle: { color: i === targetDigit ? color : theme.neutral, borderRadius: 2 },
          // Only the target's value is printed: ten labels collide in a narrow column.
          label: i === targetDigit || few ? { show: true, color: i === targetDigit ? color : theme.muted, fontWeight: i === targetDigit ? ('bold' as const) : ('normal' as const) } : undefined,
        })),
        label: { show: false, position: 'top', color: theme.muted, fontSize: 9, fontFamily: theme.mono, formatter: (p) => fmt(Number(p.value), 2) },
        markLine: zeroLine(theme),
      },
    ],
  };
}
