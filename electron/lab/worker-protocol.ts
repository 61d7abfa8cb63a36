import { z } from 'zod';
import { runConfigSchema } from '../../shared/schemas/run-config.js';
import { progressSchema } from '../../shared/schemas/progress.js';
import { backendInfoSchema, epochRecordSchema, runResultSchema } from '../../shared/schemas/run-result.js';

/**
 * Messages between the lab service's worker pool and one run worker
 * (a Node worker thread or an Electron utilityProcess). Both ends validate:
 * a worker is another process/thread, so nothing it sends is trusted blindly.
 */
export const toWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), config: runConfigSchema }),
  z.object({ type: z.literal('cancel') }),
  /** Load the tfjs backend and report which one (for app:info), without training. */
  z.object({ type: z.literal('probe') }),
]);

export const fromWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), progress: progressSchema }),
  z.object({ type: z.literal('epoch'), record: epochRecordSchema }),
  z.object({ type: z.literal('result'), result: runResultSchema }),
  z.object({ type: z.literal('backend'), backend: backendInfoSchema }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);

export type ToWorker = z.input<typeof toWorkerSchema>;
export type FromWorker = z.infer<typeof fromWorkerSchema>;
