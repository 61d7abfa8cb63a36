import { z } from 'zod';
import { runConfigSchema } from './run-config.js';
import {
  backendInfoSchema,
  epochRecordSchema,
  finite,
  matrixSchema,
  modelSummarySchema,
  predictionSchema,
  runStatusSchema,
  weightSnapshotSchema,
  weightsSchema,
} from './run-result.js';

export const runIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'run id: letters, digits, - and _ only');
export const runNameSchema = z.string().trim().min(1, 'name is empty').max(80, 'name is longer than 80 characters');

/**
 * One run as the lab service holds it and a session file stores it.
 * Result fields are absent until the run has trained (or was cancelled/failed).
 */
export const runSchema = z.object({
  id: runIdSchema,
  name: runNameSchema,
  config: runConfigSchema,
  status: runStatusSchema,
  note: z.string().max(10_000).default(''),
  backend: backendInfoSchema.optional(),
  history: z.array(epochRecordSchema).default([]),
  batchLoss: z.array(z.object({ step: z.number().int().min(0), loss: finite })).default([]),
  summary: modelSummarySchema.optional(),
  weights: weightsSchema.optional(),
  digitScores: matrixSchema.optional(),
  predictions: z.array(predictionSchema).default([]),
  snapshots: z.array(weightSnapshotSchema).default([]),
  trainSeconds: finite.min(0).optional(),
  error: z.string().optional(),
});

export type Run = z.infer<typeof runSchema>;
