import { MAX_BATCH_LOSS_POINTS_PER_RUN } from '../../shared/limits.js';
import type { StepStats } from './trainer.js';

/**
 * Points a run's batch-loss curve keeps at most (a window of steps per point):
 * 400 draw a smooth curve; the per-run limit a session file may hold is far above.
 */
export const MAX_BATCH_LOSS_POINTS = Math.min(400, MAX_BATCH_LOSS_POINTS_PER_RUN);

/**
 * The batch-loss curve: mean training loss per window of steps. Windows are sized
 * from the run's total steps before it starts, so however long it trains (or
 * wherever it is cancelled) it never holds more than MAX_BATCH_LOSS_POINTS.
 */
export class BatchLossLog {
  readonly points: { step: number; loss: number }[] = [];
  readonly window: number;
  private lossSum = 0;
  private count = 0;

  /** `keep` false: a light run's curve, never collected (every point is dropped). */
  constructor(
    totalSteps: number,
    private readonly keep = true,
  ) {
    this.window = Math.max(1, Math.ceil(totalSteps / MAX_BATCH_LOSS_POINTS));
  }

  windowEndsAt(step: number): boolean {
    return step % this.window === 0;
  }

  add(stats: StepStats): void {
    this.lossSum += stats.lossSum;
    this.count += stats.lossCount;
  }

  /** Ends the current window at `step` (no point when it saw no steps). */
  close(step: number): void {
    if (this.count === 0) return;
    if (this.keep) this.points.push({ step, loss: this.lossSum / this.count });
    this.lossSum = 0;
    this.count = 0;
  }
}

/** Throttle for progress events (≤ 20/s) and for yielding to the event loop so aborts get through. */
export class ProgressClock {
  static readonly PROGRESS_MS = 50;
  /** A synchronous loop would never see an abort sent by another event; yield this often. */
  static readonly YIELD_MS = 25;
  private t0 = performance.now();
  private lastProgress = -Infinity;
  private lastYield = 0;

  start(): void {
    this.t0 = performance.now();
    this.lastYield = this.t0;
    this.lastProgress = -Infinity;
  }

  elapsedMs(): number {
    return performance.now() - this.t0;
  }

  progressDue(): boolean {
    const now = performance.now();
    if (now - this.lastProgress < ProgressClock.PROGRESS_MS) return false;
    this.lastProgress = now;
    return true;
  }

  shouldYield(): boolean {
    return performance.now() - this.lastYield >= ProgressClock.YIELD_MS;
  }

  async yield(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.lastYield = performance.now();
  }
}
