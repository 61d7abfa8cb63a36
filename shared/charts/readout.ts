import type { EChartsOption } from 'echarts';
import type { ReadoutWeights } from '../schemas/run-result.js';
import { axisBase, fmt, itemTooltip, textStyle, zeroLine, type ChartContext } from './common.js';

/**
 * The dense readout, Dense(1) + sigmoid over the H units: logit = Σ_j h_j·v_j + c. One bar per unit's
 * weight v_j in the run's colour, the bias c in a neutral, values printed while they fit.
 */
export function readoutOption(readout: ReadoutWeights, ctx: ChartContext): EChartsOption {
  const { theme, color } = ctx;
  const ax = axisBase(theme);
  const bars = [
    ...readout.kernel.map((row, j) => ({ label: `v${j}`, value: row[0] ?? 0, fill: color })),
    ...readout.bias.map((value) => ({ label: 'c', value, fill: theme.muted })),
  ];
  const few = bars.length <= 9;
  return {
    animation: false,
    textStyle: textStyle(theme),
    tooltip: itemTooltip(theme, (name) => (name === 'c' ? 'bias c' : `weight ${name} (unit ${name.slice(1)})`)),
    grid: { left: 44, right: 10, top: 18, bottom: 26 },
    xAxis: {
      ...ax,
      type: 'category',
      data: bars.map((b) => b.label),
      axisLabel: { ...ax.axisLabel, interval: bars.length <= 9 ? 0 : 'auto' },
    },
    yAxis: { ...ax, type: 'value', axisLabel: { ...ax.axisLabel, formatter: (v: number) => fmt(v, 2) } },
    series: [
      {
        type: 'bar',
        name: 'readout',
        barMaxWidth: 22,
        data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.fill, borderRadius: 2 } })),
        label: {
          show: few,
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
