import { z } from 'zod';

/** A finite number: NaN and ±Infinity never enter a result or a session file. */
export const finite = z.number().finite();
export const matrixSchema = z.array(z.array(finite));

export const epochRecordSchema = z.object({
  epoch: z.number().int().min(1),
  loss: finite,
  acc: finite,
  valLoss: finite,
  valAcc: finite,
});

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

/** The seed's weights: embedding (vocab × E), W kernel (E × units), U (units × units), b (units). */
export const weightsSchema = z.object({
  embedding: matrixSchema,
  kernel: matrixSchema,
  recurrentKernel: matrixSchema,
  bias: z.array(finite),
});

export const predictionSchema = z.object({
  input: z.array(z.number().int().min(0)),
  label: z.union([z.literal(0), z.literal(1)]),
  probability: finite,
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

/** What a worker returns when a run ends (also for cancelled runs: a consistent partial result). */
export const runResultSchema = z.object({
  status: z.enum(['done', 'cancelled', 'failed']),
  backend: backendInfoSchema,
  history: z.array(epochRecordSchema),
  /** Mean training loss per logged batch window, in step order. */
  batchLoss: z.array(z.object({ step: z.number().int().min(0), loss: finite })),
  summary: modelSummarySchema,
  weights: weightsSchema,
  /** embedding · kernel + bias: vocab × units. */
  digitScores: matrixSchema,
  predictions: z.array(predictionSchema),
  snapshots: z.array(weightSnapshotSchema),
  trainSeconds: finite.min(0),
  error: z.string().optional(),
});

export type EpochRecord = z.infer<typeof epochRecordSchema>;
export type LayerSummary = z.infer<typeof layerSummarySchema>;
export type ModelSummary = z.infer<typeof modelSummarySchema>;
export type Weights = z.infer<typeof weightsSchema>;
export type Prediction = z.infer<typeof predictionSchema>;
export type WeightSnapshot = z.infer<typeof weightSnapshotSchema>;
export type BackendInfo = z.infer<typeof backendInfoSchema>;
export type RunStatus = z.infer<typeof runStatusSchema>;
export type RunResult = z.infer<typeof runResultSchema>;
