import { z } from 'zod';
import type { RunStatus } from '../schemas/run-result.js';

/** How far a sweep is: what the progress bar and the CLI's line show. */
export const sweepProgressSchema = z.object({
  done: z.number().int().min(0),
  failed: z.number().int().min(0),
  total: z.number().int().min(0),
  training: z.number().int().min(0),
  /** Runs finished per second since the sweep last started or resumed (0 until one has). */
  runsPerSecond: z.number().finite().min(0),
  /** Seconds left at that rate; null while there is no rate to go by, 0 once nothing is left. */
  etaSeconds: z.number().finite().min(0).nullable(),
});
export type SweepProgress = z.infer<typeof sweepProgressSchema>;

/** The counts of a sweep's runs by status (finished = done or failed: those a resume never trains again). */
export function countSweepRuns(
  statuses: readonly RunStatus[],
): Pick<SweepProgress, 'done' | 'failed' | 'total' | 'training'> {
  let done = 0;
  let failed = 0;
  let training = 0;
  for (const status of statuses) {
    if (status === 'done') done++;
    else if (status === 'failed') failed++;
    else if (status === 'training') training++;
  }
  return { done, failed, total: statuses.length, training };
}

/** Counts plus a rate: `finishedSince` runs ended in `seconds` since the sweep (re)started. */
export function sweepProgress(
  statuses: readonly RunStatus[],
  rate: { finishedSince: number; seconds: number },
): SweepProgress {
  const counts = countSweepRuns(statuses);
  const runsPerSecond = rate.seconds > 0 ? rate.finishedSince / rate.seconds : 0;
  const left = counts.total - counts.done - counts.failed;
  const etaSeconds = left === 0 ? 0 : runsPerSecond > 0 ? left / runsPerSecond : null;
  return { ...counts, runsPerSecond, etaSeconds };
}
