import { z } from 'zod';
import { MAX_BATCH_LOSS_POINTS_PER_RUN, MAX_PREDICTIONS_PER_RUN, MAX_SNAPSHOTS_PER_RUN } from '../limits.js';

/** A finite number: NaN and ±Infinity never enter a result or a session file. */
export const finite = z.number().finite();
export const matrixSchema = z.array(z.array(finite));

/** A number in [0, 1]; the message names the value and what it should be. */
const unitInterval = (what: string) => {
  const error = (iss: { input?: unknown }) => `${String(iss.input)} is not ${what} (0…1)`;
  return finite.min(0, { error }).max(1, { error });
};
export const probabilitySchema = unitInterval('a probability');
export const accuracySchema = unitInterval('an accuracy');
/** Cross-entropy is never negative. */
export const lossSchema = finite.min(0, { error: (iss) => `${String(iss.input)} is not a loss (a loss is ≥ 0)` });

/** An array of at most `max` items, refused with "N things, more than the limit of M". */
export function capped<T extends z.ZodType>(item: T, max: number, what: string) {
  return z.array(item).max(max, {
    error: (iss) =>
      `${Array.isArray(iss.input) ? iss.input.length : 'too many'} ${what}, more than the limit of ${max}`,
  });
}

export const epochRecordSchema = z.object({
  epoch: z.number().int().min(1),
  loss: lossSchema,
  acc: accuracySchema,
  valLoss: lossSchema,
  valAcc: accuracySchema,
});

export const batchLossPointSchema = z.object({ step: z.number().int().min(0), loss: lossSchema });

export const layerSummarySchema = z.object({
  name: z.string(),
  type: z.string(),
  /** Keras style, e.g. "(None, 3, 10)". */
  outputShape: z.string(),
  params: z.number().int().min(0),
});

export const modelSummarySchema = z.object({
  layers: z.array(layerSummarySchema),
  totalParams: z.number().int().min(0),
  trainableParams: z.number().int().min(0),
});

/** The dense readout's Dense(1): kernel (units × 1) and bias (1). */
export const readoutWeightsSchema = z.object({ kernel: matrixSchema, bias: z.array(finite) });

/**
 * embedding (vocab × E), kernel W (E × G·units), recurrent kernel U (units × G·units), bias b (G·units),
 * with G gates side by side along the last axis as tfjs stores them (shared/cells.ts); G = 1 for SimpleRNN.
 * `readout` only with the dense readout.
 */
export const weightsSchema = z.object({
  embedding: matrixSchema,
  kernel: matrixSchema,
  recurrentKernel: matrixSchema,
  bias: z.array(finite),
  readout: readoutWeightsSchema.optional(),
});

export const predictionSchema = z.object({
  input: z.array(z.number().int().min(0)),
  label: z.union([z.literal(0), z.literal(1)]),
  probability: probabilitySchema,
});

export const weightSnapshotSchema = z.object({
  epoch: z.number().int().min(0),
  /** Batches done within this epoch (0 with epoch 0 = the initial weights). */
  batch: z.number().int().min(0),
  /** Global step: batches done since the start. */
  step: z.number().int().min(0),
  weights: weightsSchema,
});

export const backendInfoSchema = z.object({
  /** tfjs backend name: "tensorflow" (tfjs-node) or "cpu". */
  name: z.string(),
  /** Why this backend: e.g. "tfjs-node not installed". */
  reason: z.string(),
});

/**
 * 'idle': not trained (new, or its config changed so its results were cleared);
 * 'queued': asked to train, waiting for a worker; 'training': a worker has it.
 */
export const runStatuses = ['idle', 'queued', 'training', 'done', 'cancelled', 'failed'] as const;
export const runStatusSchema = z.enum(runStatuses);

/** The per-run series, each bounded (the engine thins to these; a file may not hold more). */
export const batchLossSeriesSchema = capped(batchLossPointSchema, MAX_BATCH_LOSS_POINTS_PER_RUN, 'batch-loss points');
export const predictionsSchema = capped(predictionSchema, MAX_PREDICTIONS_PER_RUN, 'predictions');
export const snapshotsSchema = capped(weightSnapshotSchema, MAX_SNAPSHOTS_PER_RUN, 'snapshots');

/** What a worker returns when a run ends (also for cancelled runs: a consistent partial result). */
export const runResultSchema = z.object({
  status: z.enum(['done', 'cancelled', 'failed']),
  backend: backendInfoSchema,
  history: z.array(epochRecordSchema),
  /** Mean training loss per logged batch window, in step order. */
  batchLoss: batchLossSeriesSchema,
  summary: modelSummarySchema,
  weights: weightsSchema,
  /** embedding · kernel + bias: vocab × G·units (one score per digit, gate and unit). */
  digitScores: matrixSchema,
  predictions: predictionsSchema,
  snapshots: snapshotsSchema,
  trainSeconds: finite.min(0),
  error: z.string().optional(),
});

export type EpochRecord = z.infer<typeof epochRecordSchema>;
export type LayerSummary = z.infer<typeof layerSummarySchema>;
export type ModelSummary = z.infer<typeof modelSummarySchema>;
export type Weights = z.infer<typeof weightsSchema>;
export type ReadoutWeights = z.infer<typeof readoutWeightsSchema>;
export type Prediction = z.infer<typeof predictionSchema>;
export type WeightSnapshot = z.infer<typeof weightSnapshotSchema>;
export type BackendInfo = z.infer<typeof backendInfoSchema>;
export type RunStatus = z.infer<typeof runStatusSchema>;
export type RunResult = z.infer<typeof runResultSchema>;
