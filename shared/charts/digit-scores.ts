import type { BarSeriesOption, EChartsOption } from 'echarts';
import { axisBase, fmt, itemTooltip, textStyle, tooltipBase, zeroLine, type ChartContext } from './common.js';
import { withAlpha } from './palette.js';
import { escapeXml } from './escape-xml.js';

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

/** How many RNN units the scores have a column for (1 for the seed's model). */
export function scoreUnits(digitScores: readonly (readonly number[])[]): number {
  return Math.max(1, ...digitScores.map((row) => row.length));
}

/**
 * Bars per digit; the target digit in the run's colour, the rest neutral, values printed.
 * With more than one RNN unit every unit is drawn (see multiUnitOption), not unit 0 alone.
 */
export function digitScoresOption(
  digitScores: readonly (readonly number[])[],
  targetDigit: number,
  ctx: ChartContext,
): EChartsOption {
  if (scoreUnits(digitScores) > 1) return multiUnitOption(digitScores, targetDigit, ctx);
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
          label:
            i === targetDigit || few
              ? {
                  show: true,
                  color: i === targetDigit ? color : theme.muted,
                  fontWeight: i === targetDigit ? ('bold' as const) : ('normal' as const),
                }
              : undefined,
        })),
        label: {
          show: false,
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

/** A shade of the run's colour per unit: unit 0 full strength, later units fainter, so the run stays recognisable. */
export function unitColor(color: string, unit: number, units: number): string {
  return unit === 0 ? color : withAlpha(color, 1 - (0.65 * unit) / Math.max(1, units - 1));
}

type Scores = readonly (readonly number[])[];

function unitsLegend(theme: ChartContext['theme'], units: number) {
  return {
    top: 0,
    right: 8,
    itemWidth: 12,
    itemHeight: 8,
    textStyle: { color: theme.muted, fontSize: 10 },
    data: Array.from({ length: units }, (_, u) => `unit ${u}`),
  };
}

/** One row per unit under a "digit N (target)" head. */
function unitsTooltip(theme: ChartContext['theme'], targetDigit: number) {
  return {
    ...tooltipBase(theme),
    trigger: 'axis' as const,
    axisPointer: { type: 'shadow' as const },
    formatter: (ps: unknown) => {
      const list = (Array.isArray(ps) ? ps : [ps]) as {
        name: string;
        seriesName: string;
        value: unknown;
        marker: string;
      }[];
      const name = list[0]?.name ?? '';
      const head = `digit ${name}${Number(name) === targetDigit ? ' (target)' : ''}`;
      return [head, ...list.map((p) => `${p.marker}${escapeXml(p.seriesName)} <b>${fmt(Number(p.value), 4)}</b>`)].join(
        '<br/>',
      );
    },
  };
}

/** Unit `u`'s bars; unit 0 also carries the zero line and the target column's shading. */
function unitSeries(digitScores: Scores, targetDigit: number, ctx: ChartContext, u: number): BarSeriesOption {
  const { theme, color } = ctx;
  const units = scoreUnits(digitScores);
  const vocab = digitScores.length;
  return {
    type: 'bar' as const,
    name: `unit ${u}`,
    barMaxWidth: 14,
    // As in the single-unit chart only the target's values are printed, and only while they fit side by side.
    data: digitScoreValues(digitScores, u).map((v, i) =>
      i === targetDigit && units <= 3 ? { value: v, label: { show: true } } : v,
    ),
    itemStyle: { color: unitColor(color, u, units), borderRadius: 2 },
    label: {
      show: false,
      position: 'top' as const,
      color,
      fontSize: 9,
      fontFamily: theme.mono,
      formatter: (p: { value: unknown }) => fmt(Number(p.value), 2),
    },
    markLine: u === 0 ? zeroLine(theme) : undefined,
    markArea:
      u === 0 && targetDigit >= 0 && targetDigit < vocab
        ? {
            silent: true,
            itemStyle: { color: withAlpha(color, 0.12) },
            data: [[{ xAxis: String(targetDigit) }, { xAxis: String(targetDigit) }]],
          }
        : undefined,
  };
}

/** Grouped bars, one series per unit ("unit 0", "unit 1", … in the legend); the target digit's column shaded, its label bold. */
function multiUnitOption(digitScores: Scores, targetDigit: number, ctx: ChartContext): EChartsOption {
  const { theme, color } = ctx;
  const ax = axisBase(theme);
  const units = scoreUnits(digitScores);
  const vocab = digitScores.length;
  const isTarget = (i: number) => i === targetDigit;
  return {
    animation: false,
    textStyle: textStyle(theme),
    legend: unitsLegend(theme, units),
    tooltip: unitsTooltip(theme, targetDigit),
    grid: { left: 44, right: 10, top: 30, bottom: 28 },
    xAxis: {
      ...ax,
      type: 'category',
      data: Array.from({ length: vocab }, (_, i) => ({
        value: String(i),
        textStyle: isTarget(i) ? { color, fontWeight: 'bold' as const } : {},
      })),
      name: 'digit',
      nameLocation: 'middle',
      nameGap: 18,
    },
    yAxis: { ...ax, type: 'value', name: 'score', axisLabel: { ...ax.axisLabel, formatter: (v: number) => fmt(v, 2) } },
    series: Array.from({ length: units }, (_, u) => unitSeries(digitScores, targetDigit, ctx, u)),
  };
}
