import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { fontSetup } from './fonts.js';

export interface RenderSize {
  width: number;
  height: number;
}

export const DEFAULT_SIZE: RenderSize = { width: 640, height: 360 };
/** PNGs are rasterised at twice the layout size, as the issue asks, so they stay sharp on HiDPI screens and in print. */
export const PNG_PIXEL_RATIO = 2;

/**
 * ECharts server-side rendering to an SVG string. The instance is always
 * disposed: a live instance keeps timers and the process would never exit.
 * The background is painted into the SVG so the file is opaque on its own.
 */
export function renderSvg(option: EChartsOption, size: RenderSize, background: string): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ ...(svgSafeFonts(option) as EChartsOption), backgroundColor: background, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** SVG → PNG bytes at `ratio`× with an opaque background (resvg, prebuilt native binary, works offline). */
export function svgToPng(svg: string, background: string, ratio = PNG_PIXEL_RATIO): Buffer {
  const resvg = new Resvg(svg, {
    background,
    fitTo: { mode: 'zoom', value: ratio },
    font: fontSetup(),
    logLevel: 'off',
  });
  return resvg.render().asPng();
}

export function renderPng(
  option: EChartsOption,
  size: RenderSize,
  background: string,
  ratio = PNG_PIXEL_RATIO,
): Buffer {
  return svgToPng(renderSvg(option, size, background), background, ratio);
}

/**
 * ECharts' SSR writes font families into a double-quoted style attribute without
 * escaping, so a family like "Segoe UI" (quoted in CSS) makes the SVG invalid XML.
 * We swap double for single quotes in every fontFamily; CSS reads both the same.
 * Functions (formatters) and other values pass through untouched.
 */
export function svgSafeFonts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(svgSafeFonts);
  if (value === null || typeof value !== 'object') return value;
  // Keep prototypes (e.g. gradient objects) so ECharts sees the same kinds of values.
  const out = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === 'fontFamily' && typeof v === 'string' ? v.replaceAll('"', "'") : svgSafeFonts(v);
  }
  return out;
}
