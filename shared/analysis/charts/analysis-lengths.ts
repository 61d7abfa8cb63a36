import type { EChartsOption } from 'echarts';
import { axisBase, fmt, textStyle, tooltipBase } from '../../charts/common.js';
import { legendNames } from '../../charts/overlays.js';
import { withAlpha } from '../../charts/palette.js';
import type { ChartTheme } from '../../charts/theme.js';
import type { LengthResult } from '../lengths.js';
import { escapeXml } from '../../charts/escape-xml.js';

export interface LengthSeries {
  name: string;
  color: string;
  result: LengthResult;
}

export const LENGTHS_TITLE = 'Accuracy vs sequence length';

/**
 * All runs on one chart: overall accuracy (solid), the half holding the target
 * (dashed) and the half without (dotted); a marker at the trained length.
 * The legend lists runs; a run's three lines share its name so they toggle together.
 */
export function lengthsOption(runs: readonly LengthSeries[], theme: ChartTheme): EChartsOption {
  const names = legendNames(runs);
  const maxLength = Math.max(1, ...runs.map((r) => r.result.points.length));
  const trained = runs[0]?.result.trainedLength;
  const halves = runs.flatMap(() => ['all', 'with target', 'without target']);
  const series = runs.flatMap((r, i) => runSeries(r, names[i], i === 0 ? trained : undefined, theme));
  return {
    animation: false,
    textStyle: textStyle(theme),
    legend: lengthsLegend(names, theme),
    tooltip: lengthsTooltip(halves, theme),
    grid: { left: 48, right: 16, top: 48, bottom: 34 },
    ...lengthsAxes(maxLength, theme),
    series,
  };
}

type LengthPoint = LengthResult['points'][number];

/**
 * A run's three lines (all, with target, without target), all under the run's name.
 * `trained` is given for the first run only: its solid line carries the trained-length marker.
 */
function runSeries(r: LengthSeries, name: string, trained: number | undefined, theme: ChartTheme) {
  const pts = r.result.points;
  const line = (
    suffix: string,
    pick: (p: LengthPoint) => number | null,
    type: 'solid' | 'dashed' | 'dotted',
    alpha: number,
  ) => ({
    type: 'line' as const,
    // One name for a run's three lines: its legend entry toggles them together.
    name,
    data: pts.map((p) => [p.length, pick(p)]),
    showSymbol: false,
    lineStyle: { color: withAlpha(r.color, alpha), width: suffix ? 1.5 : 2.5, type },
    itemStyle: { color: r.color },
  });
  return [
    {
      ...line('', (p) => p.accuracy, 'solid', 1),
      markLine: trained
        ? {
            silent: true,
            symbol: 'none',
            label: { formatter: 'trained', position: 'insideStartTop' as const, color: theme.faint, fontSize: 10 },
            lineStyle: { color: theme.axisLine, type: 'dashed' as const },
            data: [{ xAxis: trained }],
          }
        : undefined,
    },
    line('with target', (p) => p.withTarget, 'dashed', 0.85),
    line('without target', (p) => p.withoutTarget, 'dotted', 0.85),
  ];
}

function lengthsLegend(names: string[], theme: ChartTheme): EChartsOption['legend'] {
  return {
    data: names,
    type: 'scroll',
    top: 0,
    left: 0,
    right: 0,
    itemWidth: 14,
    itemHeight: 8,
    textStyle: { color: theme.muted, fontSize: 11 },
    pageTextStyle: { color: theme.muted },
  };
}

/** The hovered length, then each line's run · half and accuracy. */
function lengthsTooltip(halves: readonly string[], theme: ChartTheme): EChartsOption['tooltip'] {
  return {
    ...tooltipBase(theme),
    trigger: 'axis',
    formatter: (p) => {
      const items = Array.isArray(p) ? p : [p];
      const head = `length ${(items[0]?.value as number[] | undefined)?.[0] ?? ''}`;
      return [
        head,
        ...items.map(
          (it) =>
            `${it.marker ?? ''}${escapeXml(it.seriesName ?? '')} · ${halves[it.seriesIndex ?? 0]}: <b>${fmt((it.value as number[])[1], 3)}</b>`,
        ),
      ].join('<br/>');
    },
  };
}

function lengthsAxes(maxLength: number, theme: ChartTheme): Pick<EChartsOption, 'xAxis' | 'yAxis'> {
  const ax = axisBase(theme);
  return {
    xAxis: {
      ...ax,
      type: 'value',
      min: 1,
      max: maxLength,
      name: 'sequence length',
      nameLocation: 'middle',
      nameGap: 22,
      minInterval: 1,
    },
    yAxis: {
      ...ax,
      type: 'value',
      min: 0,
      max: 1,
      name: 'accuracy',
      axisLabel: { ...ax.axisLabel, formatter: (v: number) => fmt(v, 2) },
    },
  };
}
