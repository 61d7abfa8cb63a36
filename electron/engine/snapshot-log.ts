import { snapshotBudget } from '../../shared/limits.js';
import type { WeightSnapshot } from '../../shared/schemas/run-result.js';

export { snapshotBudget };

export interface SnapshotLogOptions {
  /** Snapshots kept at most (see snapshotBudget). */
  budget: number;
  stepsPerEpoch: number;
  /** The config's "snapshot every K batches" (0: epoch ends only). */
  everyBatches: number;
}

/**
 * A run's weight snapshots as a bounded series thinned while training goes, so
 * a run of any length stays covered from its first step to its last in at most
 * `budget` snapshots (budget + 1 for a moment while thinning).
 *
 * TensorBoard keeps a long series by reservoir sampling; this is a deterministic
 * equivalent on a grid that only ever gets coarser. Within an epoch, the offered
 * positions ("slots": every K batches, slot 0 being the epoch end) are kept on a
 * grid of `segments` evenly spread slots; each thinning halves the segments,
 * and once only epoch ends remain it keeps every 2nd, 4th, … epoch end. A
 * coarser grid is a subset of the finer one, so which steps survive depends only
 * on the config and how far the run got: the same config keeps the same steps.
 * Epoch ends are the last to go. Step 0 is on every grid; the final weights are
 * pinned by `finish`.
 */
export class SnapshotLog {
  readonly budget: number;
  private kept: WeightSnapshot[] = [];
  private final: WeightSnapshot | null = null;
  private readonly stepsPerEpoch: number;
  private readonly every: number;
  /** Offered slots per epoch, the epoch end included. */
  private readonly slots: number;
  /** Grid slots per epoch; null while every offered slot is kept. */
  private segments: number | null = null;
  private epochStride = 1;

  constructor({ budget, stepsPerEpoch, everyBatches }: SnapshotLogOptions) {
    this.budget = Math.max(2, budget);
    this.stepsPerEpoch = Math.max(1, stepsPerEpoch);
    this.every = everyBatches > 0 && everyBatches < this.stepsPerEpoch ? everyBatches : this.stepsPerEpoch;
    this.slots = Math.ceil(this.stepsPerEpoch / this.every);
  }

  /** Whether a snapshot at `step` would be kept now: the caller reads no weights for one that would not. */
  wants(step: number): boolean {
    return this.final === null && this.onGrid(step);
  }

  /** Keeps `snapshot` if it is on the grid, then thins to the budget; false when it was not kept. */
  add(snapshot: WeightSnapshot): boolean {
    if (!this.wants(snapshot.step)) return false;
    this.kept.push(snapshot);
    this.fit();
    return true;
  }

  /** The run's last weights: always kept (replacing a snapshot at the same step); nothing is added after it. */
  finish(snapshot: WeightSnapshot): void {
    this.kept = this.kept.filter((s) => s.step !== snapshot.step);
    this.kept.push(snapshot);
    this.final = snapshot;
    this.fit();
  }

  /** The kept snapshots in step order. */
  get snapshots(): WeightSnapshot[] {
    return [...this.kept];
  }

  get size(): number {
    return this.kept.length;
  }

  private fit(): void {
    while (this.kept.length > this.budget) {
      this.coarsen();
      this.kept = this.kept.filter((s) => s === this.final || this.onGrid(s.step));
    }
  }

  private onGrid(step: number): boolean {
    const offset = step % this.stepsPerEpoch;
    if (offset === 0) return (step / this.stepsPerEpoch) % this.epochStride === 0;
    if (this.segments === null) return true;
    // Slot i is on a grid of n segments when floor(j·slots/n) = i for some j; the smallest j that reaches i decides.
    const slot = Math.floor(offset / this.every);
    const n = this.segments;
    const j = Math.ceil((slot * n) / this.slots);
    return Math.floor((j * this.slots) / n) === slot;
  }

  /** One level coarser: every slot → the largest power of two of them → half … → the epoch end only → every 2nd epoch end … */
  private coarsen(): void {
    if (this.segments === null && this.slots > 1) {
      const power = 2 ** Math.floor(Math.log2(this.slots));
      // A power-of-two slot count is that grid already: go one further so this level drops something.
      this.segments = power === this.slots ? power / 2 : power;
    } else if (this.segments !== null && this.segments > 1) {
      this.segments /= 2;
    } else {
      this.segments = 1;
      this.epochStride *= 2;
    }
  }
}
