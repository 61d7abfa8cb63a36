import type { EChartsOption } from 'echarts';
import {
  chartTheme,
  chartTitles,
  curvesOverlayOption,
  digitScoresOverlayOption,
  exportFileName,
  runChartOption,
  runColor,
  toOverlayRun,
  TITLE_BAND,
  withExportTitle,
  type ChartKind,
  type ChartTheme,
} from '../../shared/charts/index.js';
import { LabError } from '../../shared/errors.js';
import type { Run } from '../../shared/schemas/run.js';
import { DEFAULT_SIZE, renderSvg, svgToPng, type RenderSize } from './render-chart.js';
import { composeSheet } from './sheet.js';

export const exportThemes = ['dark', 'light', 'print'] as const;
export type ExportTheme = (typeof exportThemes)[number];
export const exportFormats = ['png', 'svg'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ChartExportRequest {
  /** The session's runs in board order (colours follow this order, as on the board). */
  runs: readonly Run[];
  chart: ChartKind;
  /** A run's name or id, or "all". */
  run: string;
  format: ExportFormat;
  theme?: ExportTheme;
  size?: RenderSize;
}

export interface ChartExport {
  bytes: Buffer;
  /** The name the UI would suggest, e.g. emb10-linear-digit-scores.png. */
  fileName: string;
  width: number;
  height: number;
}

/** Picks runs by name or id; "all" means every run with data for the chart. */
export function selectRuns(runs: readonly Run[], which: string): { run: Run; index: number }[] {
  const indexed = runs.map((run, index) => ({ run, index }));
  if (which === 'all') return indexed;
  const byId = indexed.filter((r) => r.run.id === which);
  if (byId.length) return byId;
  const byName = indexed.filter((r) => r.run.name === which);
  if (byName.length === 1) return byName;
  if (byName.length > 1) throw new LabError('bad-request', `two runs are named "${which}"; pass the run id instead`);
  const names = runs.map((r) => `"${r.name}"`).join(', ');
  throw new LabError('not-found', `no run named "${which}" (runs: ${names || 'none'})`);
}

/**
 * One chart of one run, or of all runs (overlay for curves and digit scores, as
 * the board's overlay layout draws them; a figure sheet for the others), as PNG or SVG.
 * Options come from shared/charts, the builders the UI uses. A single chart carries the
 * title the UI's export gives it ("Digit scores — Embedding 10 · linear"), in a band added
 * above the requested size (see renderTitled). A sheet's cells are titled by run name instead.
 */
export function exportChart(req: ChartExportRequest): ChartExport {
  const theme = chartTheme(req.theme === 'dark' ? 'dark' : 'light', req.theme === 'print');
  const size = req.size ?? DEFAULT_SIZE;
  const picked = selectRuns(req.runs, req.run);
  const svg = req.run === 'all' ? allRunsSvg(req.chart, picked, theme, size) : oneRunSvg(req.chart, picked[0], theme, size);
  const fileName = exportFileName(req.run === 'all' ? 'all-runs' : picked[0].run.config, req.chart, req.format);
  return finishExport(svg.text, fileName, req.format, theme);
}

/** SVG text as the requested format: the SVG itself, or a PNG at 2× with the theme's opaque background. */
export function finishExport(svg: string, fileName: string, format: ExportFormat, theme: ChartTheme): ChartExport {
  if (format === 'svg') return { bytes: Buffer.from(svg, 'utf8'), fileName, ...svgSize(svg) };
  const bytes = svgToPng(svg, theme.background);
  // The PNG's own header says what resvg produced (IHDR: width and height at bytes 16 and 20).
  return { bytes, fileName, width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * A chart under its export title. As in the UI's export the picture grows by the title band,
 * so the chart keeps the requested size: squeezed into it, the two-grid curves charts overlap.
 */
export function renderTitled(option: EChartsOption, title: string, size: RenderSize, theme: ChartTheme): string {
  return renderSvg(withExportTitle(option, title, theme), { width: size.width, height: size.height + TITLE_BAND }, theme.background);
}

/** Several runs' charts as one figure sheet, two per row, each under its run's name. */
export function sheetOf(cells: { title: string; color: string; svg: string }[], theme: ChartTheme, size: RenderSize): string {
  return composeSheet(cells, {
    cellWidth: size.width, cellHeight: size.height, columns: 2,
    background: theme.background, textColor: theme.text, fontFamily: theme.font,
  });
}

function optionFor(chart: ChartKind, r: { run: Run; index: number }, theme: ChartTheme): EChartsOption | null {
  return runChartOption(chart, r.run, { theme, color: runColor(r.index, theme.mode) });
}

function oneRunSvg(chart: ChartKind, r: { run: Run; index: number }, theme: ChartTheme, size: RenderSize) {
  const option = optionFor(chart, r, theme);
  if (!option) throw new LabError('bad-request', `run "${r.run.name}" has no data for the ${chartTitles[chart]} chart (train it first)`);
  return { text: renderTitled(option, `${chartTitles[chart]} — ${r.run.name}`, size, theme) };
}

function allRunsSvg(chart: ChartKind, picked: { run: Run; index: number }[], theme: ChartTheme, size: RenderSize) {
  const overlay = picked.map(({ run, index }) => toOverlayRun(run, index, theme.mode));
  // Titled as the board's overlay cards title their exports.
  const titled = (option: EChartsOption) => renderTitled(option, `${chartTitles[chart]} — all runs`, size, theme);
  if (chart === 'curves' && overlay.some((r) => r.history.length)) return { text: titled(curvesOverlayOption(overlay, { theme })) };
  if (chart === 'digit-scores' && overlay.some((r) => r.digitScores)) return { text: titled(digitScoresOverlayOption(overlay, { theme })) };
  const cells = picked.flatMap((r) => {
    const option = optionFor(chart, r, theme);
    return option ? [{ title: r.run.name, color: runColor(r.index, theme.mode), svg: renderSvg(option, size, theme.background) }] : [];
  });
  if (!cells.length) throw new LabError('bad-request', `no run has data for the ${chartTitles[chart]} chart (train first)`);
  return { text: sheetOf(cells, theme, size) };
}

export function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*?\swidth="(\d+(?:\.\d+)?)"[^>]*?\sheight="(\d+(?:\.\d+)?)"/.exec(svg);
  return { width: m ? Math.round(Number(m[1])) : 0, height: m ? Math.round(Number(m[2])) : 0 };
}
