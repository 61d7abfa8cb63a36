import type { EChartsOption } from 'echarts';
import { chartTheme, type ChartTheme, type ThemeMode } from '../../../shared/charts/theme.js';
import { echarts } from '../lib/echarts.js';
import { dataUrlToBytes } from '../host/bytes.js';

export type BuildOption = (theme: ChartTheme) => EChartsOption | null;

/** PNG at 2× on an opaque background: the screen theme, or white with the light palette for print. */
export function renderPng(build: BuildOption, mode: ThemeMode, width: number, height: number, print: boolean): Uint8Array {
  const theme = chartTheme(mode, print);
  const option = build(theme);
  if (!option) throw new Error('nothing to export yet');
  const el = document.createElement('div');
  const chart = echarts.init(el, null, { renderer: 'canvas', width, height, devicePixelRatio: 2 });
  try {
    chart.setOption({ ...option, animation: false, backgroundColor: theme.background });
    return dataUrlToBytes(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: theme.background }));
  } finally {
    chart.dispose();
  }
}

/** SVG from an offscreen SVG-renderer instance with the same option: vectors, not a screenshot. */
export function renderSvg(build: BuildOption, mode: ThemeMode, width: number, height: number, print: boolean): string {
  const theme = chartTheme(mode, print);
  const option = build(theme);
  if (!option) throw new Error('nothing to export yet');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false, backgroundColor: theme.background });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
