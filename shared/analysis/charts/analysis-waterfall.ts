import type { EChartsOption } from 'echarts';
import { axisBase, fmt, textStyle, tooltipBase, type ChartContext } from '../../charts/common.js';
import type { Contribution } from '../trace.js';

/**
 * Linear RNNs: each position's exact share U^(T−t)·score(x_t) of the final logit,
 * as a waterfall (an invisible base bar lifts each step to the running total),
 * ending in the logit itself.
 */
export function waterfallOption(
  contributions: readonly Contribution[],
  logit: number,
  targetDigit: number,
  ctx: ChartContext,
): EChartsOption {
  const { theme } = ctx;
  const ax = axisBase(theme);
  const { base, rise } = waterfallBars(contributions, logit, targetDigit, ctx);
  const labels = [...contributions.map((c) => `${c.t}:${c.digit}`), 'logit'];
  const signed = [...contributions.map((c) => c.value), logit];
  return {
    animation: false,
    textStyle: textStyle(theme),
    tooltip: {
      ...tooltipBase(theme),
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (p) => {
        const i = (Array.isArray(p) ? p[0] : p).dataIndex;
        return `${labels[i]}<br/><b>${fmt(signed[i], 4)}</b>`;
      },
    },
    grid: { left: 52, right: 12, top: 16, bottom: 30 },
    xAxis: { ...ax, type: 'category', data: labels, name: 'step : digit', nameLocation: 'middle', nameGap: 20 },
    yAxis: { ...ax, type: 'value', name: 'logit', axisLabel: { ...ax.axisLabel, formatter: (v: number) => fmt(v, 2) } },
    series: waterfallSeries(base, rise, signed, ctx),
  };
}

type RiseBar = number | { value: number; itemStyle: { color: string } };

/** The invisible base under each bar and the bar itself (coloured by sign, the target digit in the run's colour). */
function waterfallBars(
  contributions: readonly Contribution[],
  logit: number,
  targetDigit: number,
  ctx: ChartContext,
): { base: number[]; rise: RiseBar[] } {
  const { theme, color } = ctx;
  const base: number[] = [];
  const rise: RiseBar[] = [];
  let running = 0;
  for (const c of contributions) {
    const next = running + c.value;
    base.push(Math.min(running, next));
    rise.push({
      value: Math.abs(c.value),
      itemStyle: { color: c.digit === targetDigit ? color : c.value >= 0 ? theme.positive : theme.negative },
    });
    running = next;
  }
  base.push(Math.min(0, logit));
  rise.push({ value: Math.abs(logit), itemStyle: { color: theme.text } });
  return { base, rise };
}

function waterfallSeries(
  base: number[],
  rise: RiseBar[],
  signed: readonly number[],
  ctx: ChartContext,
): EChartsOption['series'] {
  return [
    {
      type: 'bar',
      name: 'base',
      stack: 'w',
      data: base,
      itemStyle: { color: 'transparent' },
      emphasis: { disabled: true },
      silent: true,
    },
    {
      type: 'bar',
      name: 'contribution',
      stack: 'w',
      data: rise,
      barMaxWidth: 26,
      label: {
        show: signed.length <= 16,
        position: 'top',
        color: ctx.theme.muted,
        fontSize: 9,
        formatter: (p) => fmt(signed[p.dataIndex], 2),
      },
    },
  ];
}
