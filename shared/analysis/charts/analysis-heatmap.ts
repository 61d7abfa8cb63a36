import type { EChartsOption } from 'echarts';
import { axisBase, fmt, textStyle, tooltipBase } from '../../charts/common.js';
import type { ChartTheme } from '../../charts/theme.js';
import { maxOf } from '../../extent.js';

/** A small matrix (U for units > 1) on a diverging scale symmetric around 0, values printed. */
export function matrixHeatmapOption(
  matrix: readonly (readonly number[])[],
  theme: ChartTheme,
  rowName = 'from unit',
  colName = 'to unit',
): EChartsOption {
  const rows = matrix.length;
  const cols = matrix[0]?.length ?? 0;
  const maxAbs = maxOf(matrix.flat().map(Math.abs), 1e-9);
  return {
    animation: false,
    textStyle: textStyle(theme),
    tooltip: heatmapTooltip(theme),
    grid: { left: 48, right: 64, top: 16, bottom: 34 },
    xAxis: heatmapXAxis(theme, cols, colName),
    yAxis: heatmapYAxis(theme, rows, rowName),
    visualMap: heatmapVisualMap(theme, maxAbs),
    series: heatmapSeries(matrix, theme, rows * cols),
  };
}

function heatmapTooltip(theme: ChartTheme): EChartsOption['tooltip'] {
  return {
    ...tooltipBase(theme),
    formatter: (p) => {
      const v = (Array.isArray(p) ? p[0] : p).value as number[];
      return `U[${v[1]}][${v[0]}] = <b>${fmt(v[2], 4)}</b>`;
    },
  };
}

function heatmapXAxis(theme: ChartTheme, cols: number, colName: string): EChartsOption['xAxis'] {
  return {
    ...axisBase(theme),
    type: 'category',
    data: Array.from({ length: cols }, (_, j) => String(j)),
    name: colName,
    nameLocation: 'middle',
    nameGap: 20,
    splitLine: { show: false },
  };
}

function heatmapYAxis(theme: ChartTheme, rows: number, rowName: string): EChartsOption['yAxis'] {
  return {
    ...axisBase(theme),
    type: 'category',
    inverse: true,
    data: Array.from({ length: rows }, (_, i) => String(i)),
    name: rowName,
    nameLocation: 'middle',
    nameGap: 26,
    splitLine: { show: false },
  };
}

function heatmapVisualMap(theme: ChartTheme, maxAbs: number): EChartsOption['visualMap'] {
  return {
    min: -maxAbs,
    max: maxAbs,
    calculable: false,
    orient: 'vertical',
    right: 0,
    top: 'middle',
    itemHeight: 100,
    itemWidth: 10,
    text: [fmt(maxAbs, 2), fmt(-maxAbs, 2)],
    inRange: { color: theme.diverging },
    textStyle: { color: theme.muted, fontSize: 10 },
  };
}

function heatmapSeries(
  matrix: readonly (readonly number[])[],
  theme: ChartTheme,
  cells: number,
): EChartsOption['series'] {
  return [
    {
      type: 'heatmap',
      data: matrix.flatMap((row, i) => row.map((v, j) => [j, i, v])),
      label: {
        show: cells <= 64,
        color: theme.text,
        fontSize: cells <= 16 ? 12 : 9,
        formatter: (p) => fmt((p.value as number[])[2], 2),
      },
      itemStyle: { borderColor: theme.background, borderWidth: 1 },
    },
  ];
}
