import type { EChartsOption } from 'echarts';
import { axisBase, fmt, textStyle, tooltipBase, type ChartContext } from '../../charts/common.js';
import { withAlpha } from '../../charts/palette.js';
import type { TraceResult } from '../trace.js';
import { gateTraceOption } from './analysis-gate-trace.js';

/** The trace chart of any cell: a SimpleRNN's as below, a gated cell's one row per gate (gateTraceOption). */
export function traceChartOption(trace: TraceResult, targetDigit: number, ctx: ChartContext, unit = 0): EChartsOption {
  return trace.cell === 'simple'
    ? traceOption(trace, targetDigit, ctx, unit)
    : gateTraceOption(trace, targetDigit, ctx, unit);
}

/**
 * One run's trace, unit 0: the digit's score and the carried U·h(t−1) as bars
 * (they add up to the pre-activation), h(t) as a line on its own axis.
 */
export function traceOption(trace: TraceResult, targetDigit: number, ctx: ChartContext, unit = 0): EChartsOption {
  const { theme, color } = ctx;
  const ax = axisBase(theme);
  const steps = trace.steps;
  return {
    animation: false,
    textStyle: textStyle(theme),
    // A wide gap: exported SVGs are drawn with the system's fonts, often wider than the ones ECharts measured.
    legend: {
      top: 0,
      left: 0,
      itemWidth: 12,
      itemHeight: 8,
      itemGap: 18,
      textStyle: { color: theme.muted, fontSize: 11 },
    },
    tooltip: {
      ...tooltipBase(theme),
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? fmt(v, 4) : String(v)),
    },
    // Room under the legend for the axis names.
    grid: { left: 48, right: 48, top: 46, bottom: 30 },
    xAxis: {
      ...ax,
      type: 'category',
      data: steps.map((s) => ({
        value: `${s.t}:${s.digit}`,
        textStyle: s.digit === targetDigit ? { color, fontWeight: 'bold' as const } : {},
      })),
      name: 'step : digit',
      nameLocation: 'middle',
      nameGap: 20,
    },
    yAxis: traceYAxes(ctx),
    series: traceSeries(steps, ctx, unit),
  };
}

/** Scores and U·h on the left axis, h(t) on its own right axis. */
function traceYAxes(ctx: ChartContext): EChartsOption['yAxis'] {
  const ax = axisBase(ctx.theme);
  return [
    { ...ax, type: 'value', name: 'score, U·h', axisLabel: { ...ax.axisLabel, formatter: (v: number) => fmt(v, 2) } },
    {
      ...ax,
      type: 'value',
      name: 'h(t)',
      splitLine: { show: false },
      axisLabel: { ...ax.axisLabel, formatter: (v: number) => fmt(v, 2) },
    },
  ];
}

/** The two stacked bars (score, carried U·h), the pre-activation diamonds and the h(t) line. */
function traceSeries(steps: TraceResult['steps'], ctx: ChartContext, unit: number): EChartsOption['series'] {
  const { theme, color } = ctx;
  return [
    {
      type: 'bar',
      name: 'score(x_t)',
      stack: 'pre',
      data: steps.map((s) => s.score[unit]),
      itemStyle: { color: withAlpha(color, 0.85) },
      barMaxWidth: 22,
    },
    {
      type: 'bar',
      name: 'U·h(t−1)',
      stack: 'pre',
      data: steps.map((s) => s.recurrent[unit]),
      itemStyle: { color: theme.neutral },
      barMaxWidth: 22,
    },
    {
      type: 'line',
      name: 'pre-activation',
      data: steps.map((s) => s.preActivation[unit]),
      symbol: 'diamond',
      symbolSize: 7,
      lineStyle: { width: 0 },
      itemStyle: { color: theme.text },
    },
    {
      type: 'line',
      name: 'h(t)',
      yAxisIndex: 1,
      data: steps.map((s) => s.h[unit]),
      symbolSize: 6,
      lineStyle: { color, width: 2 },
      itemStyle: { color },
    },
  ];
}
