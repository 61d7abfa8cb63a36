import type { EChartsOption } from 'echarts';
import { analysisModelOf, lengthGeneralisation, LENGTH_DEFAULTS, parseSequence, timeline, trace } from '../../shared/analysis/index.js';
import { lengthsOption, LENGTHS_TITLE, scoreTimelineOption, traceOption } from '../../shared/analysis/charts/index.js';
import { chartTheme, exportFileName, runColor, type ChartTheme } from '../../shared/charts/index.js';
import { LabError } from '../../shared/errors.js';
import type { Run } from '../../shared/schemas/run.js';
import { finishExport, renderTitled, selectRuns, sheetOf, type ChartExport, type ExportFormat, type ExportTheme } from './export-chart.js';
import { DEFAULT_SIZE, renderSvg, type RenderSize } from './render-chart.js';

/** The analysis charts (issue 8) the CLI exports, drawn by the builders the Analysis section uses. */
export const analysisChartKinds = ['lengths', 'timeline', 'trace'] as const;
export type AnalysisChartKind = (typeof analysisChartKinds)[number];

export interface AnalysisExportRequest {
  /** The session's runs in board order (colours follow it, as in the app). */
  runs: readonly Run[];
  chart: AnalysisChartKind;
  /** A run's name or id, or "all". */
  run: string;
  format: ExportFormat;
  theme?: ExportTheme;
  size?: RenderSize;
  /** trace: the digits to trace, e.g. "5,8,4". */
  sequence?: string;
  /** lengths: the longest length (default 50). */
  maxLength?: number;
}

/** File names as the UI suggests them (LengthsView, TimelineView, TraceRun). */
const FILE_PART: Record<AnalysisChartKind, string> = { lengths: 'accuracy-vs-length', timeline: 'score-timeline', trace: 'trace' };

type Picked = { run: Run; index: number };

/**
 * lengths: every picked run on one chart ("Accuracy vs sequence length"), as in the app.
 * timeline and trace: one run's chart, or a figure sheet of every picked run with data.
 */
export function exportAnalysisChart(req: AnalysisExportRequest): ChartExport {
  const theme = chartTheme(req.theme === 'dark' ? 'dark' : 'light', req.theme === 'print');
  const size = req.size ?? DEFAULT_SIZE;
  if (req.chart === 'trace' && req.sequence === undefined) throw new LabError('bad-request', 'the trace chart needs a sequence (e.g. --sequence 5,8,4)');
  const picked = selectRuns(req.runs, req.run);
  const all = req.run === 'all';
  const fileName = exportFileName(all ? 'all-runs' : picked[0].run.config, FILE_PART[req.chart], req.format);
  const chart = req.chart;
  if (chart === 'lengths') return finishExport(lengthsSvg(picked, all, theme, size, req.maxLength), fileName, req.format, theme);
  const cells = picked.flatMap((p) => {
    const o = perRunOption(chart, p, theme, req.sequence ?? '', !all);
    if (!o) return [];
    const svg = o.title ? renderTitled(o.option, o.title, size, theme) : renderSvg(o.option, size, theme.background);
    return [{ title: p.run.name, color: runColor(p.index, theme.mode), svg }];
  });
  if (!all) return finishExport(cells[0].svg, fileName, req.format, theme);
  if (!cells.length) throw new LabError('bad-request', `no run has data for the ${chart} chart (train first)`);
  return finishExport(sheetOf(cells, theme, size), fileName, req.format, theme);
}

function lengthsSvg(picked: Picked[], all: boolean, theme: ChartTheme, size: RenderSize, maxLength: number = LENGTH_DEFAULTS.maxLength): string {
  const trained = picked.filter((p) => p.run.weights);
  if (!trained.length) throw new LabError('bad-request', all ? 'no trained run in this session (train first)' : `run "${picked[0].run.name}" has no weights yet (train it first)`);
  const series = trained.map((p) => ({
    name: p.run.name,
    color: runColor(p.index, theme.mode),
    result: lengthGeneralisation(analysisModelOf(p.run), { maxLength }),
  }));
  return renderTitled(lengthsOption(series, theme), LENGTHS_TITLE, size, theme);
}

/**
 * One run's timeline or trace option, with the title the app gives its export when it stands alone
 * (strict: one named run; in a sheet the cell is titled by run name). With "all", a run
 * without data is left out of the sheet; for one named run it is a clear error.
 */
function perRunOption(chart: 'timeline' | 'trace', p: Picked, theme: ChartTheme, sequence: string, strict: boolean): { option: EChartsOption; title?: string } | null {
  const ctx = { theme, color: runColor(p.index, theme.mode) };
  const target = p.run.config.task.targetDigit;
  if (chart === 'timeline') {
    const t = timeline(p.run);
    if (!t.frames.length) {
      if (strict) throw new LabError('bad-request', `run "${p.run.name}" has no weight snapshots (train it first)`);
      return null;
    }
    const option = scoreTimelineOption(t, target, ctx, null);
    return { option, title: strict ? `Digit scores over training — ${p.run.name}` : undefined };
  }
  if (!p.run.weights && !strict) return null;
  const model = analysisModelOf(p.run);
  const r = trace(model, parseSequence(sequence, model.task.vocabularySize));
  return { option: traceOption(r, target, ctx), title: strict ? `Trace ${r.sequence.join(',')} — ${p.run.name}` : undefined };
}
