import type { EChartsOption } from 'echarts';
import {
  chartTheme,
  exportFileName,
  runColor,
  toOverlayRun,
  TITLE_BAND,
  withExportTitle,
  type ChartTheme,
} from '../../shared/charts/index.js';
import {
  chartParamInfo,
  findChart,
  type ChartEntry,
  type ChartParamName,
  type ChartParams,
  type GroupChartEntry,
  type RunChartEntry,
} from '../../shared/catalogue/index.js';
import { LabError } from '../../shared/errors.js';
import type { Run } from '../../shared/schemas/run.js';
import { DEFAULT_SIZE, renderSvg, svgToPng, type RenderSize } from './render-chart.js';
import { composeSheet } from './sheet.js';

export const exportThemes = ['dark', 'light', 'print'] as const;
export type ExportTheme = (typeof exportThemes)[number];
export const exportFormats = ['png', 'svg'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ChartExportRequest extends ChartParams {
  /** The session's runs in board order (colours follow this order, as on the board). */
  runs: readonly Run[];
  /** A chart of the catalogue, by id (the CLI's --chart name). */
  chart: string;
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

type Picked = { run: Run; index: number };

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
 * One chart of the catalogue, for one run or for all runs, as PNG or SVG, drawn by the builders
 * the UI uses. A per-run chart of all runs is its overlay when it has one (as the overlay board
 * draws it), otherwise a figure sheet whose cells are titled by run name; a group chart puts every
 * run on one chart. A single chart carries the title the UI's export gives it ("Digit scores —
 * Embedding 10 · linear"), in a band added above the requested size (see renderTitled).
 */
export function exportChart(req: ChartExportRequest): ChartExport {
  const entry = findChart(req.chart);
  if (!entry) throw new LabError('bad-request', `no chart named "${req.chart}"`);
  const { sequence, maxLength, groupBy, x, y, success } = req;
  const params: ChartParams = { sequence, maxLength, groupBy, x, y, success };
  checkParams(entry, params);
  const theme = chartTheme(req.theme === 'dark' ? 'dark' : 'light', req.theme === 'print');
  const size = req.size ?? DEFAULT_SIZE;
  const picked = selectRuns(req.runs, req.run);
  const all = req.run === 'all';
  const draw = { theme, size, params, all };
  let svg: string;
  if (entry.scope === 'group') svg = groupSvg(entry, picked, draw);
  else svg = all ? allRunsSvg(entry, picked, draw) : oneRunSvg(entry, picked[0], draw);
  const fileName = exportFileName(all ? 'all-runs' : picked[0].run.config, entry.file, req.format);
  return finishExport(svg, fileName, req.format, theme);
}

function checkParams(entry: ChartEntry, params: ChartParams): void {
  for (const [name, need] of Object.entries(entry.params ?? {}) as [ChartParamName, string][]) {
    const info = chartParamInfo[name];
    if (need === 'required' && params[name] === undefined) {
      const example = `e.g. --${info.flag} ${info.example}`;
      throw new LabError('bad-request', `the ${entry.id} chart needs ${info.noun} (${example})`);
    }
  }
}

/** SVG text as the requested format: the SVG itself, or a PNG at 2× with the theme's opaque background. */
function finishExport(svg: string, fileName: string, format: ExportFormat, theme: ChartTheme): ChartExport {
  if (format === 'svg') return { bytes: Buffer.from(svg, 'utf8'), fileName, ...svgSize(svg) };
  const bytes = svgToPng(svg, theme.background);
  // The PNG's own header says what resvg produced (IHDR: width and height at bytes 16 and 20).
  return { bytes, fileName, width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * A chart under its export title. As in the UI's export the picture grows by the title band,
 * so the chart keeps the requested size: squeezed into it, the two-grid curves charts overlap.
 */
function renderTitled(option: EChartsOption, title: string, size: RenderSize, theme: ChartTheme): string {
  return renderSvg(
    withExportTitle(option, title, theme),
    { width: size.width, height: size.height + TITLE_BAND },
    theme.background,
  );
}

/** Several runs' charts as one figure sheet, two per row, each under its run's name. */
function sheetOf(cells: { title: string; color: string; svg: string }[], theme: ChartTheme, size: RenderSize): string {
  return composeSheet(cells, {
    cellWidth: size.width,
    cellHeight: size.height,
    columns: 2,
    background: theme.background,
    textColor: theme.text,
    fontFamily: theme.font,
  });
}

interface Draw {
  theme: ChartTheme;
  size: RenderSize;
  params: ChartParams;
  all: boolean;
}

const colorOf = (p: Picked, theme: ChartTheme) => runColor(p.index, theme.mode);
function lacks(entry: ChartEntry, run: Run): LabError {
  // A chart kind that does not apply to the run's cell (a gate chart for a SimpleRNN): training will not help.
  const notFor = entry.notFor?.(run.config);
  if (notFor) return new LabError('bad-request', `run "${run.name}" has no ${entry.title} chart: ${notFor}`);
  const why = entry.missing ?? `has no data for the ${entry.title} chart`;
  return new LabError('bad-request', `run "${run.name}" ${why} (train it first)`);
}
const noneHas = (entry: ChartEntry) =>
  new LabError('bad-request', `no run has data for the ${entry.title} chart (train first)`);

function oneRunSvg(entry: RunChartEntry, p: Picked, { theme, size, params }: Draw): string {
  if (!entry.needs(p.run)) throw lacks(entry, p.run);
  const option = entry.option(p.run, { theme, color: colorOf(p, theme) }, params);
  const title = entry.exportTitle ? entry.exportTitle(p.run, params) : `${entry.title} — ${p.run.name}`;
  return renderTitled(option, title, size, theme);
}

function allRunsSvg(entry: RunChartEntry, picked: Picked[], { theme, size, params }: Draw): string {
  if (entry.overlay && picked.some((p) => entry.needs(p.run))) {
    const overlay = picked.map(({ run, index }) => toOverlayRun(run, index, theme.mode));
    // Titled as the board's overlay cards title their exports.
    return renderTitled(entry.overlay.option(overlay, { theme }), `${entry.title} — all runs`, size, theme);
  }
  const cells = picked
    .filter((p) => entry.needs(p.run))
    .map((p) => {
      const color = colorOf(p, theme);
      const option = entry.option(p.run, { theme, color }, params);
      return { title: p.run.name, color, svg: renderSvg(option, size, theme.background) };
    });
  if (!cells.length) throw noneHas(entry);
  return sheetOf(cells, theme, size);
}

function groupSvg(entry: GroupChartEntry, picked: Picked[], { theme, size, params, all }: Draw): string {
  const ready = picked.filter((p) => entry.needs(p.run));
  if (!ready.length) throw all ? noneHas(entry) : lacks(entry, picked[0].run);
  const option = entry.option(
    ready.map((p) => ({ run: p.run, color: colorOf(p, theme) })),
    theme,
    params,
  );
  return renderTitled(option, entry.title, size, theme);
}

export function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*?\swidth="(\d+(?:\.\d+)?)"[^>]*?\sheight="(\d+(?:\.\d+)?)"/.exec(svg);
  return { width: m ? Math.round(Number(m[1])) : 0, height: m ? Math.round(Number(m[2])) : 0 };
}
