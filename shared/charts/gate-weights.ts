import type { BarSeriesOption, EChartsOption, HeatmapSeriesOption } from 'echarts';
import type { CellKind } from '../cells.js';
import { maxOf } from '../extent.js';
import type { Weights } from '../schemas/run-result.js';
import { axisBase, fmt, textStyle, tooltipBase, zeroLine, type ChartContext } from './common.js';
import { escapeXml } from './escape-xml.js';
import { gateBlocks, unitsOf, type GateBlock } from './gates.js';
import { unitColor } from './digit-scores.js';
import type { ChartTheme } from './theme.js';

/** Percent of the width left of the first gate (its row names) and between two gates. */
const LEFT = 9;
const RIGHT = 2;
const GAP = 3;

/** Where gate `g` of `G` sits across the width, in percent. */
function gateColumn(g: number, G: number): { left: string; width: string } {
  const width = (100 - LEFT - RIGHT - GAP * (G - 1)) / G;
  return { left: `${LEFT + g * (width + GAP)}%`, width: `${width}%` };
}

/** The rows of one gate's picture: W's E rows (one per embedding dimension), a gap, U's H rows (one per unit of h₋₁). */
function rowNames(E: number, H: number): string[] {
  return [...Array.from({ length: E }, (_, i) => `W${i}`), ' ', ...Array.from({ length: H }, (_, k) => `U${k}`)];
}

/** [unit, row, value] cells of W_g then U_g, one row apart. */
function gateCells(block: GateBlock): [number, number, number][] {
  const E = block.kernel.length;
  return [
    ...block.kernel.flatMap((row, i) => row.map((v, j): [number, number, number] => [j, i, v])),
    ...block.recurrent.flatMap((row, k) => row.map((v, j): [number, number, number] => [j, E + 1 + k, v])),
  ];
}

function gateWeightsTooltip(theme: ChartTheme, blocks: GateBlock[], E: number): EChartsOption['tooltip'] {
  return {
    ...tooltipBase(theme),
    trigger: 'item',
    formatter: (p) => {
      const one = Array.isArray(p) ? p[0] : p;
      const [j, row, v] = one.value as [number, number, number];
      const gate = blocks[one.seriesIndex ?? 0];
      const which = row < E ? `W_${gate.key}[${row}][${j}]` : `U_${gate.key}[${row - E - 1}][${j}]`;
      return `${escapeXml(gate.name)}<br/>${which} = <b>${fmt(v, 4)}</b>`;
    },
  };
}

/** "cell candidate c" → "cell\ncandidate c": the last word and the key stay together. */
export function twoLines(name: string): string {
  return name.replace(/ (?=\S+ \S+$)/, '\n');
}

function gateAxes(theme: ChartTheme, blocks: GateBlock[], E: number, H: number) {
  const ax = axisBase(theme);
  const xAxis = blocks.map((b) => ({
    ...ax,
    type: 'category' as const,
    gridIndex: b.index,
    position: 'top' as const,
    data: Array.from({ length: H }, (_, j) => String(j)),
    // Unit numbers while they fit (one unit: its "0" says nothing; more than 4: the tooltip names them).
    axisLabel: { ...ax.axisLabel, show: H > 1 && H <= 4 },
    // Three or four gates share a narrow run column: their names on two lines ("cell / candidate c").
    name: twoLines(b.name),
    nameLocation: 'middle' as const,
    nameGap: H > 1 && H <= 4 ? 18 : 6,
    nameTextStyle: {
      color: theme.text,
      fontFamily: theme.font,
      fontSize: 10,
      fontWeight: 'bold' as const,
      lineHeight: 12,
    },
    splitLine: { show: false },
  }));
  const yAxis = blocks.map((b) => ({
    ...ax,
    type: 'category' as const,
    gridIndex: b.index,
    inverse: true,
    data: rowNames(E, H),
    axisLine: { show: false },
    // Row names once, left of the first gate.
    axisLabel: { ...ax.axisLabel, show: b.index === 0 },
    splitLine: { show: false },
  }));
  return { xAxis, yAxis };
}

/**
 * A gated cell's kernel W [E, G·H] and recurrent kernel U [H, G·H] cut by gate: one small heatmap per gate,
 * side by side in kernel order and named by the gate ("input gate i"), W's rows above U's, a unit per
 * column. One diverging scale, symmetric around 0, for every gate, so their magnitudes compare.
 */
export function gateWeightsOption(weights: Weights, cell: CellKind, ctx: ChartContext): EChartsOption {
  const { theme } = ctx;
  const blocks = gateBlocks(weights, cell);
  const E = weights.kernel.length;
  const H = unitsOf(weights, cell);
  const maxAbs = maxOf([...weights.kernel.flat(), ...weights.recurrentKernel.flat()].map(Math.abs), 1e-9);
  // Values printed only while a cell is wide and tall enough for them; the tooltip has them all.
  const printed = blocks.length * H <= 8 && E + H <= 12;
  const axes = gateAxes(theme, blocks, E, H);
  return {
    animation: false,
    textStyle: textStyle(theme),
    tooltip: gateWeightsTooltip(theme, blocks, E),
    grid: blocks.map((b) => ({ ...gateColumn(b.index, blocks.length), top: gridTop(blocks.length, H), bottom: 34 })),
    xAxis: axes.xAxis,
    yAxis: axes.yAxis,
    visualMap: {
      min: -maxAbs,
      max: maxAbs,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemWidth: 10,
      itemHeight: 120,
      text: [fmt(maxAbs, 2), fmt(-maxAbs, 2)],
      inRange: { color: theme.diverging },
      textStyle: { color: theme.muted, fontSize: 10 },
    },
    series: blocks.map((b): HeatmapSeriesOption => ({
      type: 'heatmap',
      name: b.name,
      xAxisIndex: b.index,
      yAxisIndex: b.index,
      data: gateCells(b),
      label: {
        show: printed,
        color: theme.text,
        fontSize: 9,
        fontFamily: theme.mono,
        formatter: (p) => fmt((p.value as number[])[2], 2),
      },
      itemStyle: { borderColor: theme.background, borderWidth: 1 },
    })),
  };
}

/** Room above the heatmaps for the gate names (two lines for four gates) and the unit numbers. */
function gridTop(G: number, H: number): number {
  return (G > 1 ? 40 : 28) + (H > 1 && H <= 4 ? 12 : 0);
}

/** The chart's height for E embedding dimensions and H units: ~15 px a row, within a board card's range. */
export function gateWeightsHeight(E: number, H: number): number {
  return Math.min(420, Math.max(170, 92 + 15 * (E + H + 1)));
}

/**
 * A gated cell's bias b [G·H] by gate: a group of bars per gate (named "input gate i" on the axis),
 * one bar per unit in shades of the run's colour, values printed while they fit.
 */
export function gateBiasOption(weights: Weights, cell: CellKind, ctx: ChartContext): EChartsOption {
  const { theme, color } = ctx;
  const ax = axisBase(theme);
  const blocks = gateBlocks(weights, cell);
  const H = unitsOf(weights, cell);
  const printed = blocks.length * H <= 8;
  const series: BarSeriesOption[] = Array.from({ length: H }, (_, u) => ({
    type: 'bar',
    name: `unit ${u}`,
    barMaxWidth: 22,
    data: blocks.map((b) => b.bias[u]),
    itemStyle: { color: unitColor(color, u, H), borderRadius: 2 },
    label: {
      show: printed,
      position: 'top',
      color: theme.muted,
      fontSize: 9,
      fontFamily: theme.mono,
      formatter: (p) => fmt(Number(p.value), 2),
    },
    markLine: u === 0 ? zeroLine(theme) : undefined,
  }));
  return {
    animation: false,
    textStyle: textStyle(theme),
    // A legend while the units fit in one line; beyond, the shades and the tooltip tell them apart.
    legend:
      H > 1 && H <= 4
        ? { top: 0, right: 8, itemWidth: 12, itemHeight: 8, textStyle: { color: theme.muted } }
        : undefined,
    tooltip: {
      ...tooltipBase(theme),
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => (typeof v === 'number' ? fmt(v, 4) : String(v)),
    },
    grid: { left: 44, right: 10, top: H > 1 && H <= 4 ? 28 : 20, bottom: 40 },
    // Gate names on two lines ("cell / candidate c") so four fit side by side in a run's column.
    xAxis: {
      ...ax,
      type: 'category',
      data: blocks.map((b) => b.name),
      axisLabel: {
        ...ax.axisLabel,
        interval: 0,
        fontFamily: theme.font,
        lineHeight: 12,
        formatter: twoLines,
      },
    },
    yAxis: { ...ax, type: 'value', name: 'b', axisLabel: { ...ax.axisLabel, formatter: (v: number) => fmt(v, 2) } },
    series,
  };
}
