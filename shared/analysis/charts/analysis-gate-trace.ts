import type { EChartsOption, HeatmapSeriesOption } from 'echarts';
import { CELL_GATES, type CellKind } from '../../cells.js';
import { maxOf } from '../../extent.js';
import { axisBase, fmt, textStyle, tooltipBase, type ChartContext } from '../../charts/common.js';
import { escapeXml } from '../../charts/escape-xml.js';
import { candidateGate, gateName } from '../../charts/gates.js';
import type { TraceResult, TraceStep } from '../trace.js';

/** One row of the gated trace: a gate (σ, 0…1) or a value through the cell's activation (candidate, c, h). */
export interface GateTraceRow {
  /** "input gate i", "cell state c(t)", "hidden state h(t)": the row's label on the chart and in the table. */
  name: string;
  /** Whether the logistic sigmoid bounds it to 0…1 (the gates proper). */
  gate: boolean;
  value: (step: TraceStep, unit: number) => number;
}

/** The rows of a cell's trace, top to bottom: its gates in kernel order, then the LSTM's cell state, then h. */
export function gateTraceRows(cell: CellKind): GateTraceRow[] {
  const candidate = candidateGate(cell).key;
  // A SimpleRNN's one block is its state: only the h row.
  const gates = (cell === 'simple' ? [] : CELL_GATES[cell]).map((g): GateTraceRow => ({
    name: gateName(g),
    gate: cell !== 'simple' && g.key !== candidate,
    value: (s, u) => s.gates[g.key]?.[u] ?? 0,
  }));
  const cellState: GateTraceRow[] =
    cell === 'lstm' ? [{ name: 'cell state c(t)', gate: false, value: (s, u) => s.c?.[u] ?? 0 }] : [];
  return [...gates, ...cellState, { name: 'hidden state h(t)', gate: false, value: (s, u) => s.h[u] ?? 0 }];
}

/** Step header, the hovered row's value, then the step's equation (unit 0's, as the trace writes it). */
function gateTraceTooltip(trace: TraceResult, rows: GateTraceRow[], ctx: ChartContext, unit: number) {
  return {
    ...tooltipBase(ctx.theme),
    trigger: 'item' as const,
    formatter: (p: unknown) => {
      const one = (Array.isArray(p) ? p[0] : p) as { value: [number, number, number] };
      const [x, y, v] = one.value;
      const step = trace.steps[x];
      if (!step) return '';
      const unitNote = unit > 0 ? ` (unit ${unit})` : '';
      const lines = step.equation.split('\n').map(escapeXml);
      return [
        `<b>step ${step.t} · digit ${step.digit}</b>`,
        `${escapeXml(rows[y]?.name ?? '')}${unitNote} = <b>${fmt(v, 4)}</b>`,
        `<i>unit 0's equations:</i>`,
        ...lines,
      ].join('<br/>');
    },
  };
}

/** Short enough for a narrow cell: two decimals without the leading zero (".06", "−.93", "1.70"), whole above 10. */
export function cellLabel(v: number): string {
  if (Math.abs(v) >= 10) return v.toFixed(0);
  const text = v.toFixed(2).replace(/^(-?)0\./, '$1.');
  return text === '-.00' ? '.00' : text;
}

function rowSeries(
  trace: TraceResult,
  rows: GateTraceRow[],
  gate: boolean,
  ctx: ChartContext,
  unit: number,
  printValues: boolean,
): HeatmapSeriesOption {
  const { theme } = ctx;
  const data = rows.flatMap((row, y) =>
    row.gate === gate ? trace.steps.map((s, x): [number, number, number] => [x, y, row.value(s, unit)]) : [],
  );
  return {
    type: 'heatmap',
    name: gate ? 'gates (σ, 0…1)' : 'values',
    data,
    label: {
      // Printed while a cell is wide enough for ".12" (the view measures; by default up to 10 steps, which fit
      // a run's column); the tooltip has every value.
      show: printValues,
      color: theme.text,
      textBorderColor: theme.background,
      textBorderWidth: 2,
      fontSize: 10,
      fontFamily: theme.mono,
      formatter: (p) => cellLabel((p.value as number[])[2]),
    },
    itemStyle: { borderColor: theme.background, borderWidth: 1 },
  };
}

/**
 * A gated cell's trace, LSTMVis-style: one row per gate (named "input gate i", "forget gate f", …), then the
 * LSTM's cell state and the hidden state, one column per step, each cell coloured by its value and printed.
 * The gates (σ, 0…1) run from neutral to the run's colour; the candidate, c and h on a diverging scale
 * around 0. Hovering a cell shows the step's exact equations with their numbers.
 */
export function gateTraceOption(
  trace: TraceResult,
  targetDigit: number,
  ctx: ChartContext,
  unit = 0,
  printValues = trace.steps.length <= 10,
): EChartsOption {
  const { theme, color } = ctx;
  const ax = axisBase(theme);
  const rows = gateTraceRows(trace.cell);
  const values = rows.filter((r) => !r.gate).flatMap((r) => trace.steps.map((s) => Math.abs(r.value(s, unit))));
  const maxAbs = Math.max(1, maxOf(values, 0));
  return {
    animation: false,
    textStyle: textStyle(theme),
    tooltip: gateTraceTooltip(trace, rows, ctx, unit),
    grid: { left: GATE_TRACE_MARGIN - 10, right: 10, top: 10, bottom: 34 },
    xAxis: {
      ...ax,
      type: 'category',
      data: trace.steps.map((s) => ({
        value: `${s.t}:${s.digit}`,
        textStyle: s.digit === targetDigit ? { color, fontWeight: 'bold' as const } : {},
      })),
      name: 'step : digit',
      nameLocation: 'middle',
      nameGap: 20,
      axisLabel: { ...ax.axisLabel, interval: 0 },
      splitLine: { show: false },
    },
    yAxis: {
      ...ax,
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.name),
      axisLabel: { ...ax.axisLabel, color: theme.text, fontFamily: theme.font, fontSize: 11 },
      splitLine: { show: false },
    },
    visualMap: [
      { show: false, seriesIndex: 0, min: 0, max: 1, inRange: { color: [theme.diverging[1], color] } },
      { show: false, seriesIndex: 1, min: -maxAbs, max: maxAbs, inRange: { color: theme.diverging } },
    ],
    series: [
      rowSeries(trace, rows, true, ctx, unit, printValues),
      rowSeries(trace, rows, false, ctx, unit, printValues),
    ],
  };
}

/** The chart's grid leaves this many pixels beside the cells (row names left, a margin right). */
export const GATE_TRACE_MARGIN = 122;

/** ~30 px a row. */
export function gateTraceHeight(cell: CellKind): number {
  return 50 + 30 * gateTraceRows(cell).length;
}
