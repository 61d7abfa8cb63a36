import type { EChartsOption } from 'echarts';
import type { EpochRecord } from '../schemas/run-result.js';
import { allPositive, axisBase, fmt, textStyle, tooltipBase, type ChartContext } from './common.js';
import { withAlpha } from './palette.js';

type Axis = ReturnType<typeof axisBase>;

/** One loss or accuracy line: train solid, validation dashed and a little fainter. */
function curveLine(
  history: readonly EpochRecord[],
  color: string,
  name: string,
  data: number[],
  axis: number,
  dashed: boolean,
) {
  return {
    type: 'line' as const,
    name,
    data,
    xAxisIndex: axis,
    yAxisIndex: axis,
    symbol: 'circle',
    symbolSize: 5,
    showSymbol: history.length <= 30,
    lineStyle: {
      width: 2,
      color: dashed ? withAlpha(color, 0.75) : color,
      type: dashed ? ('dashed' as const) : ('solid' as const),
    },
    itemStyle: { color: dashed ? withAlpha(color, 0.75) : color },
    emphasis: { focus: 'series' as const },
  };
}

function curvesLegend(theme: ChartContext['theme']) {
  return {
    top: 0,
    right: 0,
    itemWidth: 16,
    itemHeight: 2,
    textStyle: { color: theme.muted, fontSize: 10 },
    data: ['train', 'validation'],
  };
}

/** The epoch axis of both grids; only the bottom one is labelled. */
function curvesXAxes(ax: Axis, epochs: number[]) {
  return [
    {
      ...ax,
      type: 'category' as const,
      data: epochs.map(String),
      gridIndex: 0,
      axisLabel: { show: false },
      boundaryGap: false,
    },
    {
      ...ax,
      type: 'category' as const,
      data: epochs.map(String),
      gridIndex: 1,
      name: 'epoch',
      nameLocation: 'middle' as const,
      nameGap: 22,
      boundaryGap: false,
    },
  ];
}

/** Loss on top (log scale when every value is positive), accuracy below. */
function curvesYAxes(ax: Axis, logLoss: boolean) {
  return [
    {
      ...ax,
      type: logLoss ? ('log' as const) : ('value' as const),
      gridIndex: 0,
      name: 'loss',
      nameGap: 8,
      nameTextStyle: { ...ax.nameTextStyle, align: 'right' as const },
      splitNumber: 3,
      axisLabel: { ...ax.axisLabel, formatter: (v: number) => fmt(v, 2) },
    },
    {
      ...ax,
      type: 'value' as const,
      gridIndex: 1,
      name: 'accuracy',
      nameGap: 8,
      nameTextStyle: { ...ax.nameTextStyle, align: 'right' as const },
      splitNumber: 2,
      min: (r: { min: number }) => Math.max(0, Math.floor(r.min * 10) / 10),
      max: 1,
      axisLabel: { ...ax.axisLabel, formatter: (v: number) => fmt(v, 2) },
    },
  ];
}

function curvesSeries(history: readonly EpochRecord[], color: string) {
  const line = (name: string, data: number[], axis: number, dashed: boolean) =>
    curveLine(history, color, name, data, axis, dashed);
  return [
    line(
      'train',
      history.map((h) => h.loss),
      0,
      false,
    ),
    line(
      'validation',
      history.map((h) => h.valLoss),
      0,
      true,
    ),
    line(
      'train',
      history.map((h) => h.acc),
      1,
      false,
    ),
    line(
      'validation',
      history.map((h) => h.valAcc),
      1,
      true,
    ),
  ];
}

/**
 * Loss (top, log scale when possible) and accuracy (bottom) per epoch, train
 * solid and validation dashed, in the run's colour. Two grids sharing the
 * epoch axis read better than two y axes on one grid.
 */
export function curvesOption(history: readonly EpochRecord[], ctx: ChartContext): EChartsOption {
  const { theme, color } = ctx;
  const epochs = history.map((h) => h.epoch);
  const losses = history.flatMap((h) => [h.loss, h.valLoss]);
  const logLoss = allPositive(losses);
  const ax = axisBase(theme);
  return {
    animation: false,
    textStyle: textStyle(theme),
    legend: curvesLegend(theme),
    tooltip: {
      ...tooltipBase(theme),
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? fmt(v, 4) : String(v)),
    },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    grid: [
      { left: 48, right: 12, top: 26, height: '38%' },
      { left: 48, right: 12, bottom: 28, height: '28%' },
    ],
    xAxis: curvesXAxes(ax, epochs),
    yAxis: curvesYAxes(ax, logLoss),
    series: curvesSeries(history, color),
  };
}
