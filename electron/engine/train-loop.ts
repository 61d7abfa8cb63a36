import type { Progress } from '../../shared/schemas/progress.js';
import type { RunConfig } from '../../shared/schemas/run-config.js';
import type { EpochRecord, Weights, WeightSnapshot } from '../../shared/schemas/run-result.js';
import type { KeepableSeries } from '../../shared/schemas/sweep.js';
import { deriveSeed, mulberry32, shuffledIndices } from '../../shared/rng.js';
import { stepsPerEpoch } from '../../shared/task-rule.js';
import type { Dataset } from './dataset.js';
import { paramLayout, SEED_STREAMS } from './initial-weights.js';
import { SnapshotLog, snapshotBudget } from './snapshot-log.js';
import { BatchLossLog, ProgressClock } from './train-log.js';
import { emptyStats, type StepStats, type Trainer } from './trainer.js';
import { weightsAreFinite } from './weights.js';

export interface TrainOptions {
  signal?: AbortSignal;
  /** Throttled to ≤ 20 per second, plus one at each epoch end. */
  onProgress?: (progress: Progress) => void;
  onEpoch?: (record: EpochRecord) => void;
  /** Each snapshot taken (those the bounded series keeps at the time; it may thin them later). */
  onSnapshot?: (snapshot: WeightSnapshot) => void;
  /**
   * The optional series this run keeps; absent: all of them. A light run (a sweep's) lists fewer, and what it
   * does not list is not even collected: no weights read between epoch ends, no predictions computed.
   */
  keep?: readonly KeepableSeries[];
}

export const DIVERGED = 'training diverged: the loss or the weights are not finite (try a smaller learning rate)';

/**
 * What a run records as it trains. Made before the trainer, so a run that fails
 * part-way (or before its trainer exists) still returns what it recorded.
 */
export class RunRecords {
  readonly history: EpochRecord[] = [];
  readonly snapshots: SnapshotLog;
  readonly batchLoss: BatchLossLog;
  readonly clock = new ProgressClock();
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
  /** The weights of the last snapshot taken. */
  lastWeights: Weights | undefined;
  readonly keepSnapshots: boolean;

  constructor(config: RunConfig, keep?: readonly KeepableSeries[]) {
    const { epochs, snapshotEveryBatches } = config.training;
    this.stepsPerEpoch = stepsPerEpoch(config);
    this.totalSteps = epochs * this.stepsPerEpoch;
    this.snapshots = new SnapshotLog({
      budget: snapshotBudget(paramLayout(config).size),
      stepsPerEpoch: this.stepsPerEpoch,
      everyBatches: snapshotEveryBatches,
    });
    this.batchLoss = new BatchLossLog(this.totalSteps, !keep || keep.includes('batchLoss'));
    this.keepSnapshots = !keep || keep.includes('snapshots');
  }

  /** Adds a trainer's figures since its last drain to the epoch's sums and the loss curve. */
  take(sums: StepStats, s: StepStats): void {
    if (!Number.isFinite(s.lossSum)) throw new Error(DIVERGED);
    sums.lossSum += s.lossSum;
    sums.lossCount += s.lossCount;
    sums.correct += s.correct;
    sums.rows += s.rows;
    this.batchLoss.add(s);
  }

  /** The run's progress after `step` of its steps, at `batch` of `epoch`, with the epoch's sums so far. */
  progress(epochs: number, step: number, epoch: number, batch: number, sums: StepStats): Progress {
    const fraction = this.totalSteps ? step / this.totalSteps : 1;
    const elapsedMs = this.clock.elapsedMs();
    return {
      epoch,
      epochs,
      batch,
      batchesPerEpoch: this.stepsPerEpoch,
      loss: sums.lossCount ? sums.lossSum / sums.lossCount : 0,
      acc: sums.rows ? sums.correct / sums.rows : 0,
      fraction,
      elapsedMs,
      etaMs: fraction > 0 ? (elapsedMs / fraction) * (1 - fraction) : 0,
    };
  }
}

/** Drives one trainer through every epoch, recording into a run's records. */
export class TrainLoop {
  private readonly config: RunConfig;
  private readonly data: Dataset;
  private readonly trainer: Trainer;
  private readonly records: RunRecords;
  private readonly options: TrainOptions;
  private readonly validationRows: Int32Array;
  private step = 0;
  /** Where a cancelled run stopped: its epoch and the batches done in it. */
  private at = { epoch: 0, batch: 0 };

  constructor(config: RunConfig, data: Dataset, trainer: Trainer, records: RunRecords, options: TrainOptions) {
    this.config = config;
    this.data = data;
    this.trainer = trainer;
    this.records = records;
    this.options = options;
    this.validationRows = range(data.trainSize, data.size);
  }

  /** Trains to the last epoch, or until the signal aborts; throws when training diverges. */
  async run(): Promise<'done' | 'cancelled'> {
    const { epochs, seed } = this.config.training;
    this.snapshot(0, 0, 0);
    const random = mulberry32(deriveSeed(seed, SEED_STREAMS.shuffle));
    const order = new Int32Array(this.data.trainSize);
    this.records.clock.start();
    for (let epoch = 1; epoch <= epochs; epoch++) {
      shuffledIndices(order, random);
      if (!(await this.epoch(epoch, order))) return this.cancelled();
    }
    this.records.batchLoss.close(this.step);
    return 'done';
  }

  /** One epoch's batches, then its record; false when cancelled part-way. */
  private async epoch(epoch: number, order: Int32Array): Promise<boolean> {
    const { clock } = this.records;
    const sums = emptyStats();
    for (let batch = 0; batch < this.records.stepsPerEpoch; batch++) {
      if (clock.shouldYield()) await clock.yield();
      if (this.options.signal?.aborted) return false;
      this.batch(epoch, batch, order, sums);
    }
    this.take(sums);
    this.endEpoch(epoch, sums);
    return true;
  }

  private batch(epoch: number, batch: number, order: Int32Array, sums: StepStats): void {
    const { batchSize, snapshotEveryBatches } = this.config.training;
    const { batchLoss, clock } = this.records;
    this.trainer.step(order.subarray(batch * batchSize, Math.min(this.data.trainSize, (batch + 1) * batchSize)));
    this.step++;
    this.at = { epoch, batch: batch + 1 };
    const last = batch === this.records.stepsPerEpoch - 1;
    if (batchLoss.windowEndsAt(this.step)) {
      this.take(sums);
      batchLoss.close(this.step);
    }
    if (!last && this.options.onProgress && clock.progressDue()) {
      this.take(sums);
      this.options.onProgress(this.progress(epoch, batch + 1, sums));
    }
    if (!last && snapshotEveryBatches > 0 && (batch + 1) % snapshotEveryBatches === 0) {
      this.snapshot(epoch, batch + 1, this.step);
    }
  }

  private endEpoch(epoch: number, sums: StepStats): void {
    const { stepsPerEpoch } = this.records;
    const validation = this.trainer.evaluate(this.validationRows);
    const record: EpochRecord = {
      epoch,
      loss: sums.lossSum / Math.max(sums.lossCount, 1),
      acc: sums.correct / Math.max(sums.rows, 1),
      valLoss: validation.loss,
      valAcc: validation.acc,
    };
    if (!Object.values(record).every(Number.isFinite)) {
      throw new Error(DIVERGED);
    }
    this.records.history.push(record);
    this.options.onEpoch?.(record);
    this.snapshot(epoch, stepsPerEpoch, this.step, epoch === this.config.training.epochs);
    this.options.onProgress?.(this.progress(epoch, stepsPerEpoch, sums));
  }

  private cancelled(): 'cancelled' {
    // Keep the cancelled run's loss curve up to the last step taken.
    const s = this.trainer.drain();
    if (Number.isFinite(s.lossSum)) this.records.batchLoss.add(s);
    // The timeline ends at the weights the run stopped with.
    if (weightsAreFinite(this.trainer.weights())) this.snapshot(this.at.epoch, this.at.batch, this.step, true);
    this.records.batchLoss.close(this.step);
    return 'cancelled';
  }

  private take(sums: StepStats): void {
    this.records.take(sums, this.trainer.drain());
  }

  private progress(epoch: number, batch: number, sums: StepStats): Progress {
    return this.records.progress(this.config.training.epochs, this.step, epoch, batch, sums);
  }

  // Weights are read only for a snapshot the series keeps: a snapshot every batch then costs nothing
  // between kept steps.
  // A light run reads them only at the start and at epoch ends (the last read is its result) and keeps no series.
  private snapshot(epoch: number, batch: number, step: number, final = false): void {
    const { snapshots, keepSnapshots, stepsPerEpoch } = this.records;
    const wanted = keepSnapshots ? snapshots.wants(step) : step === 0 || batch === stepsPerEpoch;
    if (!final && !wanted) return;
    const weights = this.trainer.weights();
    if (!weightsAreFinite(weights)) throw new Error(DIVERGED);
    const s: WeightSnapshot = { epoch, batch, step, weights };
    if (keepSnapshots && final) snapshots.finish(s);
    else if (keepSnapshots) snapshots.add(s);
    this.records.lastWeights = weights;
    this.options.onSnapshot?.(s);
  }
}

export function range(from: number, to: number): Int32Array {
  const out = new Int32Array(Math.max(0, to - from));
  for (let i = 0; i < out.length; i++) out[i] = from + i;
  return out;
}
