import type { EChartsOption, VisualMapComponentOption, YAXisComponentOption } from 'echarts';
import { axisBase, fmt, textStyle, tooltipBase, type ChartContext } from './common.js';

/**
 * The embedding matrix as a vocab × E heatmap on a diverging scale centred on
 * zero, so sign and size read at once; the target digit's row label is bold.
 */
export function embeddingOption(
  embedding: readonly (readonly number[])[],
  targetDigit: number,
  ctx: ChartContext,
): EChartsOption {
  const { theme } = ctx;
  const ax = axisBase(theme);
  const dims = embedding[0]?.length ?? 0;
  const { data, bound } = heatmapCells(embedding);
  const showLabels = dims <= 4 && embedding.length <= 12;
  return {
    animation: false,
    textStyle: textStyle(theme),
    tooltip: {
      ...tooltipBase(theme),
      formatter: (p) => {
        const [d, digit, v] = (Array.isArray(p) ? p[0] : p).value as [number, number, number];
        return `digit ${digit} · dim ${d}<br/><b>${fmt(v, 4)}</b>`;
      },
    },
    grid: { left: 34, right: 54, top: 8, bottom: 28 },
    xAxis: {
      ...ax,
      type: 'category',
      data: Array.from({ length: dims }, (_, i) => String(i)),
      name: 'embedding dim',
      nameLocation: 'middle',
      nameGap: 18,
      splitArea: { show: false },
    },
    yAxis: digitAxis(embedding.length, targetDigit, ctx),
    visualMap: divergingScale(bound, ctx),
    series: [
      {
        type: 'heatmap',
        name: 'embedding',
        data,
        label: {
          show: showLabels,
          color: theme.text,
          fontSize: 9,
          fontFamily: theme.mono,
          formatter: (p) => fmt((p.value as number[])[2], 2),
        },
        itemStyle: { borderColor: theme.mode === 'dark' ? '#14171c' : '#ffffff', borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: theme.text, borderWidth: 1 } },
      },
    ],
  };
}

/** One [dim, digit, value] cell per weight, and the scale's half-width (1 when every weight is zero). */
function heatmapCells(embedding: readonly (readonly number[])[]): { data: [number, number, number][]; bound: number } {
  const data: [number, number, number][] = [];
  let maxAbs = 0;
  embedding.forEach((row, digit) =>
    row.forEach((v, d) => {
      data.push([d, digit, v]);
      maxAbs = Math.max(maxAbs, Math.abs(v));
    }),
  );
  return { data, bound: maxAbs > 0 ? maxAbs : 1 };
}

function digitAxis(rows: number, targetDigit: number, { theme }: ChartContext): YAXisComponentOption {
  return {
    ...axisBase(theme),
    type: 'category',
    inverse: true,
    data: Array.from({ length: rows }, (_, i) => ({
      value: String(i),
      textStyle: i === targetDigit ? { color: theme.text, fontWeight: 'bold' as const } : {},
    })),
    name: 'digit',
    nameLocation: 'middle',
    nameGap: 22,
  };
}

function divergingScale(bound: number, { theme }: ChartContext): VisualMapComponentOption {
  return {
    type: 'continuous',
    min: -bound,
    max: bound,
    calculable: false,
    orient: 'vertical',
    right: 0,
    top: 'middle',
    itemWidth: 8,
    itemHeight: 110,
    text: [fmt(bound, 2), fmt(-bound, 2)],
    textStyle: { color: theme.muted, fontSize: 9, fontFamily: theme.mono },
    inRange: { color: theme.diverging },
  };
}
