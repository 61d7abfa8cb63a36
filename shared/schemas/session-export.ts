import { z } from 'zod';
import { SESSION_FORMAT, SESSION_VERSION } from './session.js';
import {
  runStatusSchema,
  epochRecordSchema,
  matrixSchema,
  modelSummarySchema,
  predictionSchema,
  weightsSchema,
  finite,
} from './run-result.js';
import { modelSchema, taskSchema } from './run-config.js';
import { runIdSchema } from './run.js';
import { runHealthSchema } from './run-health.js';

/**
 * The scripting contract of `rnn-lab show FILE --json`: one JSON object on stdout.
 * Narrower than the session file; tests hold the CLI to it.
 */
export const showRunSchema = z.object({
  id: runIdSchema,
  name: z.string(),
  status: runStatusSchema,
  /** tfjs backend that trained the run: "tensorflow" or "cpu" (absent fields are null for untrained runs). */
  backend: z.string().nullable(),
  backendReason: z.string().nullable(),
  config: z.object({
    task: taskSchema,
    model: modelSchema,
    training: z
      .object({
        optimizer: z.literal('adam'),
        learningRate: finite,
        batchSize: z.number().int(),
        epochs: z.number().int(),
        seed: z.number().int(),
      })
      .loose(),
  }),
  summary: modelSummarySchema.nullable(),
  history: z.array(epochRecordSchema),
  weights: weightsSchema.nullable(),
  digitScores: matrixSchema.nullable(),
  predictions: z.array(predictionSchema),
  trainSeconds: finite.nullable(),
  /** The majority-class share of the run's validation split: the val accuracy of learning nothing. */
  baseline: finite.min(0).max(1),
  /** The finished run's verdict and one-line reason at the session's success threshold; null before it finishes. */
  health: runHealthSchema.nullable(),
});

export const showOutputSchema = z.object({
  format: z.literal(SESSION_FORMAT),
  version: z.literal(SESSION_VERSION),
  runs: z.array(showRunSchema),
});

export type ShowOutput = z.infer<typeof showOutputSchema>;
