import { z } from 'zod';
import { finite } from './run-result.js';

/** Pushed while a run trains; throttled by the engine (≤ 20 per second per run). */
export const progressSchema = z.object({
  epoch: z.number().int().min(1),
  epochs: z.number().int().min(1),
  batch: z.number().int().min(0),
  batchesPerEpoch: z.number().int().min(1),
  /** Running mean of the training loss in this epoch. */
  loss: finite,
  acc: finite,
  /** 0..1 over the whole run. */
  fraction: z.number().min(0).max(1),
  elapsedMs: finite.min(0),
  etaMs: finite.min(0),
});

export type Progress = z.infer<typeof progressSchema>;
