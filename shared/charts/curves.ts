import type { EChartsOption } from 'echarts';
import type { EpochRecord } from '../schemas/run-result.js';
import { allPositive, axisBase, fmt, textStyle, tooltipBase, type ChartContext } from './common.js';
import { withAlpha } from './palette.js';

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
  const line = (name: string, data: number[], axis: number, dashed: boolean) => ({
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
  });
  return {
    animation: false,
    textStyle: textStyle(theme),
    legend: {
      top: 0,
      right: 0,
      itemWidth: 16,
      itemHeight: 2,
      textStyle: { color: theme.muted, fontSize: 10 },
      data: ['train', 'validation'],
    },
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
    xAxis: [
      {
        ...ax,
        type: 'category',
        data: epochs.map(String),
        gridIndex: 0,
        axisLabel: { show: false },
        boundaryGap: false,
      },
      {
        ...ax,
        type: 'category',
        data: epochs.map(String),
        gridIndex: 1,
        name: 'epoch',
        nameLocation: 'middle',
        nameGap: 22,
        boundaryGap: false,
      },
    ],
    yAxis: [
      {
        ...ax,
        type: logLoss ? 'log' : 'value',
        gridIndex: 0,
        name: 'loss',
        nameGap: 8,
        nameTextStyle: { ...ax.nameTextStyle, align: 'right' },
        splitNumber: 3,
        axisLabel: { ...ax.axisLabel, formatter: (v: number) => fmt(v, 2) },
      },
      {
        ...ax,
        type: 'value',
        gridIndex: 1,
        name: 'accuracy',
        nameGap: 8,
        nameTextStyle: { ...ax.nameTextStyle, align: 'right' },
        splitNumber: 2,
        min: (r: { min: number }) => Math.max(0, Math.floor(r.min * 10) / 10),
        max: 1,
        axisLabel: { ...ax.axisLabel, formatter: (v: number) => fmt(v, 2) },
      },
    ],
    series: [
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
    ],
  };
}
