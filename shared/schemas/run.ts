import { z } from 'zod';
import { unsafeCharacterIn } from '../text-safety.js';
import { runConfigSchema } from './run-config.js';
import { runSweepTagSchema } from './sweep.js';
import {
  backendInfoSchema,
  batchLossSeriesSchema,
  epochRecordSchema,
  finite,
  matrixSchema,
  modelSummarySchema,
  predictionsSchema,
  runStatusSchema,
  snapshotsSchema,
  weightsSchema,
} from './run-result.js';

export const runIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'run id: letters, digits, - and _ only');

/**
 * Names and notes are shown in the app, in exports and on terminals: no control
 * or bidirectional-text characters (notes may hold tabs and newlines). The same
 * rule for a file's runs and for the app's add and rename, with the same message.
 */
const safeText = (what: string, multiline: boolean) => (text: string, ctx: z.RefinementCtx) => {
  const problem = unsafeCharacterIn(text, multiline);
  if (problem) ctx.addIssue({ code: 'custom', message: `${what} holds ${problem}` });
};

export const runNameSchema = z
  .string()
  .trim()
  .min(1, 'name is empty')
  .max(80, 'name is longer than 80 characters')
  .superRefine(safeText('name', false));
export const runNoteSchema = z
  .string()
  .max(10_000, 'note is longer than 10000 characters')
  .superRefine(safeText('note', true));

/**
 * One run as the lab service holds it and a session file stores it.
 * Result fields are absent until the run has trained (or was cancelled/failed).
 */
export const runSchema = z.object({
  id: runIdSchema,
  name: runNameSchema,
  config: runConfigSchema,
  status: runStatusSchema,
  note: runNoteSchema.default(''),
  backend: backendInfoSchema.optional(),
  history: z.array(epochRecordSchema).default([]),
  batchLoss: batchLossSeriesSchema.default([]),
  summary: modelSummarySchema.optional(),
  weights: weightsSchema.optional(),
  digitScores: matrixSchema.optional(),
  predictions: predictionsSchema.default([]),
  snapshots: snapshotsSchema.default([]),
  trainSeconds: finite.min(0).optional(),
  error: z.string().optional(),
  /** The sweep that made this run and its varied values; absent on a run added by hand. Since version 4. */
  sweep: runSweepTagSchema.optional(),
});

export type Run = z.infer<typeof runSchema>;

/** Every field a run gets from training; a run that never trained (idle) holds none of them. */
export const RUN_RESULT_FIELDS = [
  'backend',
  'history',
  'batchLoss',
  'summary',
  'weights',
  'digitScores',
  'predictions',
  'snapshots',
  'trainSeconds',
  'error',
] as const satisfies readonly (keyof Run)[];
