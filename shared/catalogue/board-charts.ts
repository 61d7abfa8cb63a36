import type { Run } from '../schemas/run.js';
import type { RunConfig } from '../schemas/run-config.js';
import { curvesOption } from '../charts/curves.js';
import { batchLossOption } from '../charts/batch-loss.js';
import { embeddingOption } from '../charts/embedding.js';
import { weightsOption } from '../charts/weights.js';
import { digitScoresOption } from '../charts/digit-scores.js';
import { predictionsOption } from '../charts/predictions.js';
import { curvesOverlayOption, digitScoresOverlayOption } from '../charts/overlays.js';
import { present, type RunChartEntry } from './chart-entry.js';

/** Taller for a larger vocabulary, so each digit keeps a readable row. */
const embeddingHeight = (config: RunConfig) => Math.min(440, Math.max(170, 36 + 20 * config.task.vocabularySize));
const target = (run: Run) => run.config.task.targetDigit;

/** The charts of one run, in board order. */
export const boardCharts: readonly RunChartEntry[] = [
  {
    id: 'curves',
    title: 'Loss and accuracy',
    file: 'curves',
    scope: 'run',
    help: 'loss and accuracy per epoch (overlaid for --run all)',
    needs: (run) => run.history.length > 0,
    option: (run, ctx) => curvesOption(run.history, ctx),
    board: { stage: 'live', height: 220, data: 'history' },
    overlay: { heading: 'Loss and validation accuracy', height: 380, option: curvesOverlayOption },
  },
  {
    id: 'batch-loss',
    title: 'Loss per batch',
    file: 'batch-loss',
    scope: 'run',
    help: 'the loss of every batch',
    needs: (run) => run.batchLoss.length > 0,
    option: (run, ctx) => batchLossOption(run.batchLoss, ctx),
    board: { stage: 'result', height: 130 },
  },
  {
    id: 'embedding',
    title: 'Embedding',
    file: 'embedding',
    scope: 'run',
    help: 'the embedding matrix, one row per digit',
    needs: (run) => !!run.weights,
    option: (run, ctx) => embeddingOption(present(run.weights).embedding, target(run), ctx),
    board: { stage: 'result', height: embeddingHeight, data: 'weights' },
  },
  {
    id: 'weights',
    title: 'W, U and b',
    file: 'weights',
    scope: 'run',
    help: 'the RNN kernel W, recurrent kernel U and bias b',
    needs: (run) => !!run.weights,
    option: (run, ctx) => weightsOption(present(run.weights), ctx),
    board: { stage: 'result', height: 170, data: 'weights' },
  },
  {
    id: 'digit-scores',
    title: 'Digit scores',
    file: 'digit-scores',
    scope: 'run',
    help: 'Embedding·W + b per digit (overlaid for --run all)',
    needs: (run) => !!run.digitScores,
    option: (run, ctx) => digitScoresOption(present(run.digitScores), target(run), ctx),
    board: {
      stage: 'result',
      heading: 'Digit scores · Emb·W + b',
      height: 190,
      data: 'digit-scores',
      caption: 'top-digit',
    },
    overlay: { heading: 'Digit scores', height: 320, option: digitScoresOverlayOption },
  },
  {
    id: 'predictions',
    title: 'Predictions',
    file: 'predictions',
    scope: 'run',
    help: 'held-out rows and the probability given to each',
    needs: (run) => run.predictions.length > 0,
    option: (run, ctx) => predictionsOption(run.predictions, ctx),
    board: { stage: 'result', height: 0, view: 'prediction-table', showEmpty: true },
  },
];
