/**
 * Every chart and analysis view, listed once. The board, the overlay board, the Analysis
 * section and `rnn-lab export` (its `--chart` names and `--help`) read these lists, so a new
 * chart is its option builder plus one entry here (see the README, "Add a chart").
 */
import type { ChartContext } from '../charts/common.js';
import type { Run } from '../schemas/run.js';
import { analysisCharts } from './analysis-charts.js';
import { boardCharts } from './board-charts.js';
import { sweepCharts } from './sweep-charts.js';
import type { BoardPart, ChartEntry, ChartParamName, ChartParams, RunChartEntry } from './chart-entry.js';
import type { EChartsOption } from 'echarts';

export * from './chart-entry.js';
export { boardCharts } from './board-charts.js';
export * from './analysis-views.js';

/** Board charts first, then the Analysis section's, then the charts of many runs: the order of the CLI's list. */
export const chartCatalogue: readonly ChartEntry[] = [...boardCharts, ...analysisCharts, ...sweepCharts];

export const chartIds: readonly string[] = chartCatalogue.map((c) => c.id);

export function findChart(id: string): ChartEntry | undefined {
  return chartCatalogue.find((c) => c.id === id);
}

/** The per-run charts that also have an all-runs overlay, in board order. */
type OverlaidEntry = RunChartEntry & Required<Pick<RunChartEntry, 'overlay'>>;
export const overlayCharts = boardCharts.filter((c): c is OverlaidEntry => !!c.overlay);

/** How each parameter is asked for on the command line, and named in errors. */
export const chartParamInfo: Record<ChartParamName, { flag: string; noun: string; example: string }> = {
  sequence: { flag: 'sequence', noun: 'a sequence', example: '5,8,4' },
  maxLength: { flag: 'max', noun: 'a longest length', example: '50' },
  groupBy: { flag: 'group-by', noun: 'fields to group by', example: 'model.embeddingDim,model.rnnActivation' },
  x: { flag: 'x', noun: 'a field', example: 'model.embeddingDim' },
  y: { flag: 'y', noun: 'a metric', example: 'valAcc' },
  success: { flag: 'success', noun: 'a success threshold', example: '0.99' },
};

/** The charts that take a parameter: where `--sequence` or `--max` applies. */
export function chartsTaking(param: ChartParamName): ChartEntry[] {
  return chartCatalogue.filter((c) => c.params?.[param] !== undefined);
}

/** One run's chart by id; null when the run has nothing to draw for it (or it is not a per-run chart). */
export function runChartOption(
  id: string,
  run: Run,
  ctx: ChartContext,
  params: ChartParams = {},
): EChartsOption | null {
  const entry = findChart(id);
  if (!entry || entry.scope !== 'run' || !entry.needs(run)) return null;
  return entry.option(run, ctx, params);
}

/** What a board column shows for a run, in order: live charts while it trains, the rest once it has weights. */
export type BoardChart = RunChartEntry & { board: BoardPart };
export function boardChartsFor(run: Run, hasResult: boolean, stage: 'live' | 'result'): BoardChart[] {
  return boardCharts.filter((c): c is BoardChart => {
    if (!c.board || c.board.stage !== stage) return false;
    if (stage === 'result' && !hasResult) return false;
    return c.board.showEmpty === true || c.needs(run);
  });
}

/**
 * The board charts that do not apply to this run's model but that another run on the board draws (a GRU's
 * gate charts beside a SimpleRNN): the column says why in one line rather than leave a silent gap. Charts
 * missing for one reason share the line ("W and U per gate, b per gate: a SimpleRNN has no gates; …").
 */
export function boardChartsNotFor(run: Run, board: readonly Run[]): { id: string; title: string; why: string }[] {
  const lines: { ids: string[]; titles: string[]; why: string }[] = [];
  for (const c of boardCharts) {
    const why = c.board && c.notFor?.(run.config);
    if (!why) continue;
    if (!board.some((other) => other.id !== run.id && !c.notFor?.(other.config) && c.needs(other))) continue;
    const same = lines.find((l) => l.why === why);
    if (same) {
      same.ids.push(c.id);
      same.titles.push(c.title);
    } else lines.push({ ids: [c.id], titles: [c.title], why });
  }
  return lines.map((l) => ({ id: l.ids.join(','), title: l.titles.join(', '), why: l.why }));
}
