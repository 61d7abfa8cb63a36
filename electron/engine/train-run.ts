import { LabError } from '../../shared/errors.js';
import { formatZodError } from '../../shared/format-zod-error.js';
import { runConfigSchema, type RunConfig, type RunConfigInput } from '../../shared/schemas/run-config.js';
import type { RunResult, Weights } from '../../shared/schemas/run-result.js';
import { initBackend } from './backend.js';
import { makeDataset, type Dataset } from './dataset.js';
import { FusedTrainer } from './fused-trainer.js';
import { summarizeModel } from './summary.js';
import { range, RunRecords, TrainLoop, type TrainOptions } from './train-loop.js';
import type { Trainer } from './trainer.js';
import { digitScores, flatToWeights } from './weights.js';
import { paramLayout } from './initial-weights.js';

export type { TrainOptions };

/** How many of the last data-set rows the result predicts (the seed's `all_feat[-10:]`). */
const PREDICTION_ROWS = 10;

export function parseRunConfig(input: unknown): RunConfig {
  const parsed = runConfigSchema.safeParse(input);
  if (!parsed.success) throw new LabError('bad-request', formatZodError(parsed.error, 'run config'));
  return parsed.data;
}

/**
 * Trains one run to the end, to cancellation (status 'cancelled', completed epochs only,
 * current weights) or to a failure (status 'failed'). Throws only for an invalid config.
 */
export async function trainRun(input: RunConfig | RunConfigInput, options: TrainOptions = {}): Promise<RunResult> {
  const config = parseRunConfig(input);
  const backend = await initBackend();
  const data = makeDataset(config.task);
  const summary = summarizeModel(config);
  const records = new RunRecords(config, options.keep);
  let status: RunResult['status'];
  let error: string | undefined;
  let trainer: Trainer | undefined;
  try {
    trainer =
      config.training.engine === 'reference' ? await referenceTrainer(config, data) : new FusedTrainer(config, data);
    status = await new TrainLoop(config, data, trainer, records, options).run();
  } catch (err) {
    status = 'failed';
    error = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  }
  const trainSeconds = records.clock.elapsedMs() / 1000;
  const keepPredictions = !options.keep || options.keep.includes('predictions');
  const predictions = finalPredictions(trainer, status === 'failed' || !keepPredictions, data);
  const weights = records.lastWeights ?? zeroWeights(config);
  return {
    status,
    backend,
    history: records.history,
    batchLoss: records.batchLoss.points,
    summary,
    weights,
    digitScores: digitScores(weights),
    predictions,
    snapshots: records.snapshots.snapshots,
    trainSeconds,
    ...(error ? { error } : {}),
  };
}

/** Predictions for the data set's last rows (none for a failed or light run); disposes of the trainer either way. */
function finalPredictions(trainer: Trainer | undefined, none: boolean, data: Dataset): RunResult['predictions'] {
  try {
    if (!trainer || none) return [];
    const rows = range(Math.max(0, data.size - PREDICTION_ROWS), data.size);
    const probabilities = trainer.probabilities(rows);
    return Array.from(rows, (row, i) => ({
      input: Array.from(data.xs.subarray(row * data.sequenceLength, (row + 1) * data.sequenceLength)),
      label: data.labels[row] as 0 | 1,
      probability: probabilities[i],
    }));
  } finally {
    trainer?.dispose();
  }
}

/** tfjs-layers loads only for the reference engine (a separate chunk in the bundles): the fused path needs tfjs-core alone. */
async function referenceTrainer(config: RunConfig, data: Dataset): Promise<Trainer> {
  const { ReferenceTrainer } = await import('./reference-trainer.js');
  return new ReferenceTrainer(config, data);
}

/** Only when a run fails before its first weights exist: a result still needs well-formed weights. */
function zeroWeights(config: RunConfig): Weights {
  const layout = paramLayout(config);
  return flatToWeights(new Float32Array(layout.size), layout);
}
