import type { BarSeriesOption, EChartsOption } from 'echarts';
import { CELL_GATES, type CellKind } from '../cells.js';
import { axisBase, fmt, textStyle, tooltipBase, zeroLine, type ChartContext } from './common.js';
import { topDigit, unitColor } from './digit-scores.js';
import { escapeXml } from './escape-xml.js';
import { gateName, gateScores } from './gates.js';

type Scores = readonly (readonly number[])[];

/** Units per gate in a run's digit scores (vocab × G·H). */
export function scoreUnitsPerGate(digitScores: Scores, cell: CellKind): number {
  const width = Math.max(0, ...digitScores.map((row) => row.length));
  return Math.max(1, Math.floor(width / CELL_GATES[cell].length));
}

export interface GateTop {
  key: string;
  name: string;
  digit: number;
  value: number;
}

/** Per gate, the digit with the highest score for unit 0 (what the board's caption says under the chart). */
export function topDigitPerGate(digitScores: Scores, cell: CellKind): GateTop[] {
  const H = scoreUnitsPerGate(digitScores, cell);
  return CELL_GATES[cell].map((gate, g) => {
    const scores = gateScores(digitScores, g, H);
    const digit = topDigit(scores);
    return { key: gate.key, name: gateName(gate), digit, value: digit >= 0 ? scores[digit][0] : 0 };
  });
}

/** Where gate `g` of `G` sits, top to bottom, in percent of the height (names above, digits below the last). */
function gateRow(g: number, G: number): { top: string; height: string } {
  // Percentages do not move down with an export's title band (only pixel tops do), so the first gate's name
  // keeps room for it above.
  const top = 13;
  const bottom = 9;
  const gap = 6;
  const height = (100 - top - bottom - gap * (G - 1)) / G;
  return { top: `${top + g * (height + gap)}%`, height: `${height}%` };
}

function gateSeries(scores: number[][], g: number, targetDigit: number, ctx: ChartContext): BarSeriesOption[] {
  const { theme, color } = ctx;
  const H = scores[0]?.length ?? 1;
  return Array.from({ length: H }, (_, u) => ({
    type: 'bar',
    name: `unit ${u}`,
    xAxisIndex: g,
    yAxisIndex: g,
    barMaxWidth: H > 1 ? 12 : 20,
    // As in the SimpleRNN's chart: one unit = the target in the run's colour, the rest neutral; several units =
    // a shade per unit. Only the target's value is printed.
    data: scores.map((row, i) => ({
      value: row[u],
      itemStyle: { color: H > 1 ? unitColor(color, u, H) : i === targetDigit ? color : theme.neutral },
      label: i === targetDigit && H <= 3 ? { show: true } : undefined,
    })),
    // The series' own colour is the legend's.
    itemStyle: { color: unitColor(color, u, H), borderRadius: 2 },
    label: {
      show: false,
      position: 'top',
      color,
      fontSize: 9,
      fontFamily: theme.mono,
      formatter: (p) => fmt(Number(p.value), 2),
    },
    markLine: u === 0 ? zeroLine(theme) : undefined,
  }));
}

/** Series are gate-major (H per gate): the hovered bar's gate is its series index ÷ H. */
function gateScoresTooltip(
  ctx: ChartContext,
  names: string[],
  H: number,
  targetDigit: number,
): EChartsOption['tooltip'] {
  return {
    ...tooltipBase(ctx.theme),
    trigger: 'item',
    formatter: (p) => {
      const one = Array.isArray(p) ? p[0] : p;
      const digit = Number(one.name);
      const gate = names[Math.floor((one.seriesIndex ?? 0) / H)] ?? '';
      const head = `${escapeXml(gate)} · digit ${digit}${digit === targetDigit ? ' (target)' : ''}`;
      return `${head}<br/>${escapeXml(String(one.seriesName ?? ''))} <b>${fmt(Number(one.value), 4)}</b>`;
    },
  };
}

/**
 * Digit scores per gate, Emb·W_g + b_g (the digitScores columns of that gate): one panel per gate, top
 * to bottom in kernel order, each named by its gate ("forget gate f"); bars per digit (units side by side
 * in shades of the run's colour), the target digit's bars full strength with unit 0's value printed.
 */
export function gateScoresOption(
  digitScores: Scores,
  cell: CellKind,
  targetDigit: number,
  ctx: ChartContext,
): EChartsOption {
  const { theme, color } = ctx;
  const ax = axisBase(theme);
  const gates = CELL_GATES[cell];
  const H = scoreUnitsPerGate(digitScores, cell);
  const names = gates.map(gateName);
  const digits = Array.from({ length: digitScores.length }, (_, i) => ({
    value: String(i),
    textStyle: i === targetDigit ? { color, fontWeight: 'bold' as const } : {},
  }));
  const last = gates.length - 1;
  return {
    animation: false,
    textStyle: textStyle(theme),
    tooltip: gateScoresTooltip(ctx, names, H, targetDigit),
    // Series share a name per unit across the gates: the legend toggles a unit in every panel (while the
    // units fit in one line; beyond, the shades and the tooltip tell them apart).
    legend:
      H > 1 && H <= 4
        ? {
            top: 0,
            right: 8,
            itemWidth: 12,
            itemHeight: 8,
            textStyle: { color: theme.muted, fontSize: 10 },
            data: Array.from({ length: H }, (_, u) => `unit ${u}`),
          }
        : undefined,
    grid: gates.map((_, g) => ({ left: 44, right: 10, ...gateRow(g, gates.length) })),
    xAxis: gates.map((_, g) => ({
      ...ax,
      type: 'category' as const,
      gridIndex: g,
      data: digits,
      axisLabel: { ...ax.axisLabel, show: g === last },
      name: g === last ? 'digit' : undefined,
      nameLocation: 'middle' as const,
      nameGap: 18,
    })),
    yAxis: gates.map((_, g) => ({
      ...ax,
      type: 'value' as const,
      gridIndex: g,
      name: names[g],
      nameGap: 6,
      nameTextStyle: { color: theme.text, fontFamily: theme.font, fontSize: 11, align: 'left' as const },
      splitNumber: 2,
      axisLabel: { ...ax.axisLabel, formatter: (v: number) => fmt(v, 2) },
    })),
    series: gates.flatMap((_, g) => gateSeries(gateScores(digitScores, g, H), g, targetDigit, ctx)),
  };
}

/** A panel of ~70 px per gate. */
export function gateScoresHeight(cell: CellKind): number {
  return 70 + 72 * CELL_GATES[cell].length;
}
