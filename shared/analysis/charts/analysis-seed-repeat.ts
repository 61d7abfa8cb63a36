import type { EChartsOption } from 'echarts';
import type { CellKind } from '../../cells.js';
import { candidateGate, gateName } from '../../charts/gates.js';
import { axisBase, fmt, textStyle, tooltipBase, type ChartContext } from '../../charts/common.js';
import { withAlpha } from '../../charts/palette.js';
import type { Band, SeedRepeat } from '../seed-repeat.js';

/** Mean with a min–max band (stacked areas: an invisible floor, then the band's height). */
function bandSeries(name: string, bands: readonly Band[], color: string, stack: string) {
  const xs = bands.map((_, i) => String(i + 1));
  return {
    xs,
    series: [
      {
        type: 'line' as const,
        name: `${name} min`,
        stack,
        data: bands.map((b) => b.min),
        lineStyle: { opacity: 0 },
        showSymbol: false,
        silent: true,
      },
      {
        type: 'line' as const,
        name: `${name} range`,
        stack,
        data: bands.map((b) => b.max - b.min),
        lineStyle: { opacity: 0 },
        areaStyle: { color: withAlpha(color, 0.22) },
        showSymbol: false,
        silent: true,
      },
      {
        type: 'line' as const,
        name: `${name} mean`,
        data: bands.map((b) => b.mean),
        lineStyle: { color, width: 2 },
        itemStyle: { color },
        symbolSize: 5,
      },
    ],
  };
}

/** Validation loss and accuracy over N seeds: mean line, band from the best to the worst seed. */
export function seedRepeatCurvesOption(r: SeedRepeat, ctx: ChartContext): EChartsOption {
  const { theme, color } = ctx;
  const ax = axisBase(theme);
  const loss = bandSeries('val loss', r.history.valLoss, color, 'loss');
  const acc = bandSeries('val acc', r.history.valAcc, theme.positive, 'acc');
  return {
    animation: false,
    textStyle: textStyle(theme),
    tooltip: {
      ...tooltipBase(theme),
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? fmt(v, 4) : String(v)),
    },
    grid: [
      { left: 66, right: 12, top: 12, height: '36%' },
      { left: 66, right: 12, bottom: 32, height: '36%' },
    ],
    xAxis: [
      { ...ax, type: 'category', gridIndex: 0, data: loss.xs, boundaryGap: false, axisLabel: { show: false } },
      {
        ...ax,
        type: 'category',
        gridIndex: 1,
        data: acc.xs,
        boundaryGap: false,
        name: 'epoch',
        nameLocation: 'middle',
        nameGap: 20,
      },
    ],
    yAxis: [
      // Axis names run along the axis: above the plot they collide with the other grid's labels.
      {
        ...ax,
        type: 'value',
        gridIndex: 0,
        name: 'val loss',
        nameLocation: 'middle',
        nameGap: 50,
        axisLabel: { ...ax.axisLabel, formatter: (v: number) => fmt(v, 2) },
      },
      {
        ...ax,
        type: 'value',
        gridIndex: 1,
        name: 'val acc',
        nameLocation: 'middle',
        nameGap: 50,
        max: 1,
        axisLabel: { ...ax.axisLabel, formatter: (v: number) => fmt(v, 2) },
      },
    ],
    series: [
      ...loss.series.map((s) => ({ ...s, xAxisIndex: 0, yAxisIndex: 0 })),
      ...acc.series.map((s) => ({ ...s, xAxisIndex: 1, yAxisIndex: 1 })),
    ],
  };
}

/**
 * Spread of each digit's score (unit 0) and of U over the seeds: mean bar with a min–max whisker line.
 * A GRU or LSTM is read at its candidate's column (the counterpart of the SimpleRNN's score), and says so.
 */
export function seedRepeatScoresOption(
  r: SeedRepeat,
  targetDigit: number,
  ctx: ChartContext,
  cell: CellKind = 'simple',
): EChartsOption {
  const { theme, color } = ctx;
  const ax = axisBase(theme);
  const gate = candidateGate(cell);
  const col = gate.index * Math.max(1, r.u.length);
  const bands = [...r.scores.map((row) => row[col]), r.u[0]?.[col]].filter((b): b is Band => !!b);
  const u = cell === 'simple' ? 'U' : `U_${gate.key}`;
  const labels = [...r.scores.map((_, d) => String(d)), r.u.length > 1 ? `${u}[0][0]` : u];
  const axisName = cell === 'simple' ? 'digit score / U' : `digit score / U · ${gateName(gate)}`;
  return {
    animation: false,
    textStyle: textStyle(theme),
    tooltip: {
      ...tooltipBase(theme),
      trigger: 'axis',
      formatter: (p) => {
        const i = (Array.isArray(p) ? p[0] : p).dataIndex;
        const b = bands[i];
        return `${labels[i]}: mean <b>${fmt(b.mean, 3)}</b><br/>sd ${fmt(b.std, 3)} · ${fmt(b.min, 3)} … ${fmt(b.max, 3)}`;
      },
    },
    grid: { left: 48, right: 12, top: 14, bottom: 30 },
    xAxis: { ...ax, type: 'category', data: labels, name: axisName, nameLocation: 'middle', nameGap: 18 },
    yAxis: { ...ax, type: 'value', axisLabel: { ...ax.axisLabel, formatter: (v: number) => fmt(v, 2) } },
    series: [
      {
        type: 'bar',
        name: 'mean',
        data: bands.map((b, i) => ({ value: b.mean, itemStyle: { color: i === targetDigit ? color : theme.neutral } })),
        barMaxWidth: 20,
      },
      {
        type: 'line',
        name: 'min',
        data: bands.map((b) => b.min),
        lineStyle: { opacity: 0 },
        symbol: 'rect',
        symbolSize: [10, 2],
        itemStyle: { color: theme.text },
      },
      {
        type: 'line',
        name: 'max',
        data: bands.map((b) => b.max),
        lineStyle: { opacity: 0 },
        symbol: 'rect',
        symbolSize: [10, 2],
        itemStyle: { color: theme.text },
      },
    ],
  };
}
