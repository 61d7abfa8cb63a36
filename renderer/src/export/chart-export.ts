import type { EChartsOption } from 'echarts';
import { chartTheme, type ChartTheme, type ThemeMode } from '../../../shared/charts/theme.js';
import { TITLE_BAND, withExportTitle } from '../../../shared/charts/export-title.js';
import { echarts } from '../lib/echarts.js';
import { dataUrlToBytes } from '../host/bytes.js';

export type BuildOption = (theme: ChartTheme) => EChartsOption | null;

function titled(build: BuildOption, theme: ChartTheme, title: string | undefined): EChartsOption {
  const option = build(theme);
  if (!option) throw new Error('nothing to export yet');
  return title ? withExportTitle(option, title, theme) : option;
}

/**
 * PNG at 2× on an opaque background: the screen theme, or white with the light
 * palette for print. With a title the picture grows by the title band.
 */
export function renderPng(
  build: BuildOption,
  mode: ThemeMode,
  width: number,
  height: number,
  print: boolean,
  title?: string,
): Uint8Array {
  const theme = chartTheme(mode, print);
  const option = titled(build, theme, title);
  const el = document.createElement('div');
  const chart = echarts.init(el, null, {
    renderer: 'canvas',
    width,
    height: height + (title ? TITLE_BAND : 0),
    devicePixelRatio: 2,
  });
  try {
    chart.setOption({ ...option, animation: false, backgroundColor: theme.background });
    return dataUrlToBytes(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: theme.background }));
  } finally {
    chart.dispose();
  }
}

/** SVG from an offscreen SVG-renderer instance with the same option: vectors, not a screenshot. */
export function renderSvg(
  build: BuildOption,
  mode: ThemeMode,
  width: number,
  height: number,
  print: boolean,
  title?: string,
): string {
  const theme = chartTheme(mode, print);
  const option = titled(build, theme, title);
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width,
    height: height + (title ? TITLE_BAND : 0),
  });
  try {
    chart.setOption({ ...option, animation: false, backgroundColor: theme.background });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
