import { z } from 'zod';
import { runConfigSchema } from '../../../shared/schemas/run-config.js';
import { KEEPABLE_SERIES } from '../../../shared/schemas/sweep.js';
import { progressSchema } from '../../../shared/schemas/progress.js';
import { backendInfoSchema, epochRecordSchema, runResultSchema } from '../../../shared/schemas/run-result.js';

/**
 * Messages between the lab service's worker pool and one run worker
 * (a Node worker thread or an Electron utilityProcess). Both ends validate:
 * a worker is another process/thread, so nothing it sends is trusted blindly.
 *
 * A worker lives for many runs, one at a time. Every run-scoped message carries
 * the pool's `runId`, so a late message of an earlier run can never be taken
 * for the current one.
 */
const runId = z.string().min(1).max(64);
/** Runs one `start-stack` may carry (the pool sends far fewer: WorkerPoolOptions.stackRuns). */
export const MAX_STACK_RUNS = 256;

export const toWorkerSchema = z.discriminatedUnion('type', [
  /**
   * Sent once, first, to every new worker: load tfjs and answer `backend`.
   * `jit`: then train a tiny throw-away run so V8 has optimised the hot paths
   * before the first real run (a later `start` aborts it at once).
   */
  z.object({ type: z.literal('warm'), jit: z.boolean() }),
  /** `keep`: the optional series the run collects (a sweep's light run); absent: all of them. */
  z.object({
    type: z.literal('start'),
    runId,
    config: runConfigSchema,
    keep: z.array(z.enum(KEEPABLE_SERIES)).max(KEEPABLE_SERIES.length).optional(),
  }),
  /**
   * Several runs trained as one stacked computation (engine/stacked): each run answers with its own `progress`,
   * `epoch` and `result` messages as if started alone, and `cancel` ends one run of the stack.
   */
  z.object({
    type: z.literal('start-stack'),
    runs: z
      .array(
        z.object({
          runId,
          config: runConfigSchema,
          keep: z.array(z.enum(KEEPABLE_SERIES)).max(KEEPABLE_SERIES.length).optional(),
        }),
      )
      .min(1)
      .max(MAX_STACK_RUNS),
  }),
  z.object({ type: z.literal('cancel'), runId }),
]);

/** What the worker measured at the end of a run (for the bench; worker threads share the process's RSS). */
export const workerUsageSchema = z.object({
  /** Peak resident set size of the worker's process so far (all threads of it for a worker thread). */
  maxRssBytes: z.number().nonnegative(),
  /** The worker's JavaScript heap in use (per isolate, also for a worker thread). */
  heapUsedBytes: z.number().nonnegative(),
  /** tfjs tensors alive after the run: flat across runs when nothing leaks. */
  numTensors: z.number().int().nonnegative(),
  /** Runs this worker has trained, this one included. */
  runsTrained: z.number().int().positive(),
});

export const fromWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), runId, progress: progressSchema }),
  z.object({ type: z.literal('epoch'), runId, record: epochRecordSchema }),
  z.object({ type: z.literal('result'), runId, result: runResultSchema, usage: workerUsageSchema.optional() }),
  z.object({ type: z.literal('backend'), backend: backendInfoSchema }),
  /** After `warm`: tfjs is loaded and, with `jit`, the warm-up run has ended. */
  z.object({ type: z.literal('warmed') }),
  /** A run that could not train (no runId: the worker itself is broken). */
  z.object({ type: z.literal('error'), runId: runId.optional(), message: z.string() }),
]);

export type ToWorker = z.input<typeof toWorkerSchema>;
export type FromWorker = z.infer<typeof fromWorkerSchema>;
export type WorkerUsage = z.infer<typeof workerUsageSchema>;
