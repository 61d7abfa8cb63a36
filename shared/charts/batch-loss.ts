import type { EChartsOption } from 'echarts';
import { allPositive, axisBase, fmt, textStyle, tooltipBase, type ChartContext } from './common.js';
import { withAlpha } from './palette.js';

export interface BatchLossPoint {
  step: number;
  loss: number;
}

/** Training loss per logged batch window over global steps: the fine grain the epoch curves hide. */
export function batchLossOption(points: readonly BatchLossPoint[], ctx: ChartContext): EChartsOption {
  const { theme, color } = ctx;
  const ax = axisBase(theme);
  const log = allPositive(points.map((p) => p.loss));
  return {
    animation: false,
    textStyle: textStyle(theme),
    tooltip: {
      ...tooltipBase(theme),
      trigger: 'axis',
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params;
        const [step, loss] = p.value as [number, number];
        return `step ${step}<br/>loss ${fmt(loss, 4)}`;
      },
    },
    grid: { left: 48, right: 12, top: 16, bottom: 30 },
    xAxis: {
      ...ax,
      type: 'value',
      name: 'step',
      nameLocation: 'middle',
      nameGap: 20,
      min: 0,
      max: 'dataMax',
      splitLine: { show: false },
      axisLabel: { ...ax.axisLabel, hideOverlap: true },
    },
    yAxis: { ...ax, type: log ? 'log' : 'value', axisLabel: { ...ax.axisLabel, formatter: (v: number) => fmt(v, 2) } },
    series: [
      {
        type: 'line',
        name: 'batch loss',
        data: points.map((p) => [p.step, p.loss]),
        showSymbol: false,
        sampling: 'lttb',
        lineStyle: { width: 1.25, color },
        areaStyle: log ? undefined : { color: withAlpha(color, 0.12) },
      },
    ],
  };
}
