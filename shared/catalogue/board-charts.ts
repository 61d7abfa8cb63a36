import type { Run } from '../schemas/run.js';
import type { RunConfig } from '../schemas/run-config.js';
import { curvesOption } from '../charts/curves.js';
import { batchLossOption } from '../charts/batch-loss.js';
import { embeddingOption } from '../charts/embedding.js';
import { weightsOption } from '../charts/weights.js';
import { digitScoresOption } from '../charts/digit-scores.js';
import { gateBiasOption, gateWeightsHeight, gateWeightsOption } from '../charts/gate-weights.js';
import { gateScoresHeight, gateScoresOption } from '../charts/gate-scores.js';
import { readoutOption } from '../charts/readout.js';
import { CELL_GATES, CELL_LABELS } from '../cells.js';
import { predictionsOption } from '../charts/predictions.js';
import { curvesOverlayOption, digitScoresOverlayOption } from '../charts/overlays.js';
import { present, type RunChartEntry } from './chart-entry.js';

/** Taller for a larger vocabulary, so each digit keeps a readable row. */
const embeddingHeight = (config: RunConfig) => Math.min(440, Math.max(170, 36 + 20 * config.task.vocabularySize));
const target = (run: Run) => run.config.task.targetDigit;
const gated = (config: RunConfig) => config.model.cell !== 'simple';
const gateKeys = (config: RunConfig) => CELL_GATES[config.model.cell].map((g) => g.key).join(', ');
/** The one line a SimpleRNN's column shows where gated runs have a gate chart. */
const noGates = (config: RunConfig) =>
  gated(config) ? null : 'a SimpleRNN has no gates; its W, U and b are one block (above)';

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
    help: 'the RNN kernel W, recurrent kernel U and bias b (SimpleRNN)',
    needs: (run) => !!run.weights && !gated(run.config),
    notFor: (config) =>
      gated(config)
        ? `drawn per gate for ${CELL_LABELS[config.model.cell]} cells (W and U per gate, b per gate)`
        : null,
    option: (run, ctx) => weightsOption(present(run.weights), ctx),
    board: { stage: 'result', height: 170, data: 'weights' },
  },
  {
    id: 'gate-weights',
    title: 'W and U per gate',
    file: 'gate-weights',
    scope: 'run',
    help: "a GRU's or LSTM's kernel W and recurrent kernel U, one heatmap per gate",
    needs: (run) => !!run.weights && gated(run.config),
    notFor: noGates,
    option: (run, ctx) => gateWeightsOption(present(run.weights), run.config.model.cell, ctx),
    board: {
      stage: 'result',
      heading: (config) => `W and U per gate (${gateKeys(config)})`,
      height: (config) => gateWeightsHeight(config.model.embeddingDim, config.model.rnnUnits),
      data: 'weights',
    },
  },
  {
    id: 'gate-bias',
    title: 'b per gate',
    file: 'gate-bias',
    scope: 'run',
    help: "a GRU's or LSTM's bias, grouped by gate",
    needs: (run) => !!run.weights && gated(run.config),
    notFor: noGates,
    option: (run, ctx) => gateBiasOption(present(run.weights), run.config.model.cell, ctx),
    board: { stage: 'result', height: 170, data: 'weights' },
  },
  {
    id: 'dense-readout',
    title: 'Dense readout',
    file: 'dense-readout',
    scope: 'run',
    help: 'the dense readout: a weight per unit and the bias (logit = h·v + c)',
    needs: (run) => !!run.weights?.readout,
    notFor: (config) =>
      config.model.readout === 'dense' ? null : 'reads its one unit through the Activation layer (no Dense weights)',
    option: (run, ctx) => readoutOption(present(run.weights?.readout), ctx),
    board: { stage: 'result', heading: 'Dense readout · logit = h·v + c', height: 150, data: 'weights' },
  },
  {
    id: 'digit-scores',
    title: 'Digit scores',
    file: 'digit-scores',
    scope: 'run',
    help: 'Embedding·W + b per digit, per gate for GRU and LSTM (overlaid for --run all)',
    needs: (run) => !!run.digitScores,
    option: (run, ctx) =>
      gated(run.config)
        ? gateScoresOption(present(run.digitScores), run.config.model.cell, target(run), ctx)
        : digitScoresOption(present(run.digitScores), target(run), ctx),
    board: {
      stage: 'result',
      heading: (config) => (gated(config) ? 'Digit scores per gate · Emb·W_g + b_g' : 'Digit scores · Emb·W + b'),
      height: (config) => (gated(config) ? gateScoresHeight(config.model.cell) : 190),
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
