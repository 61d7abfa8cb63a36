import type { EChartsOption } from 'echarts';
import { axisBase, fmt, textStyle, tooltipBase, type ChartContext } from '../../charts/common.js';
import { withAlpha } from '../../charts/palette.js';
import type { OneDMap } from '../one-d-map.js';
import { endLabelDigits } from './end-labels.js';
import { escapeXml } from '../../charts/escape-xml.js';

/** The maps h → f(score_d + U·h), the diagonal h' = h, and the cobweb of the traced sequence. */
export function oneDMapOption(map: OneDMap, targetDigit: number, ctx: ChartContext): EChartsOption {
  const { theme } = ctx;
  const ax = axisBase(theme);
  const [lo, hi] = map.hRange;
  const ys = map.curves.flatMap((c) => c.points.map((p) => p[1])).filter(Number.isFinite);
  const yLo = Math.max(Math.min(lo, ...ys), lo - (hi - lo) * 2);
  const yHi = Math.min(Math.max(hi, ...ys), hi + (hi - lo) * 2);
  // Curves leave the plot when they pass the y range; label by where they end inside it.
  const labelled = endLabelDigits(
    map.curves.map((c) => Math.min(yHi, Math.max(yLo, c.points.at(-1)?.[1] ?? NaN))),
    targetDigit,
    yHi - yLo,
  );
  return {
    animation: false,
    textStyle: textStyle(theme),
    tooltip: {
      ...tooltipBase(theme),
      trigger: 'item',
      formatter: (p) => {
        const one = Array.isArray(p) ? p[0] : p;
        const v = one.value as number[];
        return `${escapeXml(one.seriesName ?? '')}<br/>h ${fmt(v[0], 3)} → ${fmt(v[1], 3)}`;
      },
    },
    grid: { left: 48, right: 24, top: 14, bottom: 34 },
    xAxis: {
      ...ax,
      type: 'value',
      min: lo,
      max: hi,
      name: 'h(t−1)',
      nameLocation: 'middle',
      nameGap: 20,
      axisLabel: { ...ax.axisLabel, formatter: (v: number) => fmt(v, 2) },
    },
    yAxis: {
      ...ax,
      type: 'value',
      min: yLo,
      max: yHi,
      name: 'h(t)',
      axisLabel: { ...ax.axisLabel, formatter: (v: number) => fmt(v, 2) },
    },
    series: oneDMapSeries(map, targetDigit, ctx, labelled),
  };
}

/** The diagonal h(t) = h(t−1), one map per digit (the target in the run's colour), then the cobweb on top. */
function oneDMapSeries(
  map: OneDMap,
  targetDigit: number,
  ctx: ChartContext,
  labelled: ReadonlySet<number>,
): EChartsOption['series'] {
  const { theme, color } = ctx;
  const [lo, hi] = map.hRange;
  return [
    {
      type: 'line',
      name: 'h(t) = h(t−1)',
      data: [
        [lo, lo],
        [hi, hi],
      ],
      showSymbol: false,
      lineStyle: { color: theme.axisLine, type: 'dashed', width: 1 },
      silent: true,
    },
    ...map.curves.map((c) => ({
      type: 'line' as const,
      name: `digit ${c.digit}`,
      data: c.points,
      showSymbol: false,
      z: c.digit === targetDigit ? 3 : 2,
      lineStyle: {
        color: c.digit === targetDigit ? color : withAlpha(theme.mode === 'dark' ? '#9aa3af' : '#5b6475', 0.5),
        width: c.digit === targetDigit ? 2.5 : 1,
      },
      endLabel: {
        show: labelled.has(c.digit),
        formatter: String(c.digit),
        color: c.digit === targetDigit ? color : theme.faint,
        fontSize: 10,
        fontWeight: c.digit === targetDigit ? ('bold' as const) : ('normal' as const),
      },
    })),
    {
      type: 'line',
      name: 'cobweb',
      data: map.cobweb,
      showSymbol: true,
      symbolSize: 4,
      z: 4,
      lineStyle: { color: theme.text, width: 1.5 },
      itemStyle: { color: theme.text },
    },
  ];
}
