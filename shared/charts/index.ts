import type { EChartsOption } from 'echarts';
import type { Run } from '../schemas/run.js';
import type { ChartContext } from './common.js';
import { curvesOption } from './curves.js';
import { batchLossOption } from './batch-loss.js';
import { embeddingOption } from './embedding.js';
import { weightsOption } from './weights.js';
import { digitScoresOption } from './digit-scores.js';
import { predictionsOption } from './predictions.js';

export * from './theme.js';
export * from './palette.js';
export * from './common.js';
export * from './curves.js';
export * from './batch-loss.js';
export * from './embedding.js';
export * from './weights.js';
export * from './digit-scores.js';
export * from './predictions.js';
export * from './overlays.js';
export * from './file-names.js';
export * from './data-export.js';

/** The per-run chart kinds, as the UI titles them and the CLI names them (`--chart`). */
export const chartKinds = ['curves', 'batch-loss', 'embedding', 'weights', 'digit-scores', 'predictions'] as const;
export type ChartKind = (typeof chartKinds)[number];

export const chartTitles: Record<ChartKind, string> = {
  curves: 'Loss and accuracy',
  'batch-loss': 'Loss per batch',
  embedding: 'Embedding',
  weights: 'W, U and b',
  'digit-scores': 'Digit scores',
  predictions: 'Predictions',
};

/** One entry point for callers that pick a chart by name (CLI export, board sheet). Null when the run has no data for it yet. */
export function runChartOption(kind: ChartKind, run: Run, ctx: ChartContext): EChartsOption | null {
  const target = run.config.task.targetDigit;
  switch (kind) {
    case 'curves':
      return run.history.length ? curvesOption(run.history, ctx) : null;
    case 'batch-loss':
      return run.batchLoss.length ? batchLossOption(run.batchLoss, ctx) : null;
    case 'embedding':
      return run.weights ? embeddingOption(run.weights.embedding, target, ctx) : null;
    case 'weights':
      return run.weights ? weightsOption(run.weights, ctx) : null;
    case 'digit-scores':
      return run.digitScores ? digitScoresOption(run.digitScores, target, ctx) : null;
    case 'predictions':
      return run.predictions.length ? predictionsOption(run.predictions, ctx) : null;
  }
}
export * from './export-title.js';
