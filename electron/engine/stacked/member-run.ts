import type { Progress } from '../../../shared/schemas/progress.js';
import type { RunConfig } from '../../../shared/schemas/run-config.js';
import type { EpochRecord, WeightSnapshot } from '../../../shared/schemas/run-result.js';
import { deriveSeed, mulberry32, shuffledIndices } from '../../../shared/rng.js';
import type { Dataset } from '../dataset.js';
import { SEED_STREAMS } from '../initial-weights.js';
import { DIVERGED, range, RunRecords, type TrainOptions } from '../train-loop.js';
import { emptyStats, type StepStats } from '../trainer.js';
import { weightsAreFinite } from '../weights.js';
import type { StackedTrainer } from './stacked-trainer.js';

/**
 * One run's side of a stack: TrainLoop's bookkeeping (train-loop.ts) cut at step boundaries, so the stack can
 * step every run at once. The same records in the same order (snapshot 0, a shuffle per epoch from the run's
 * own stream, batch-loss windows, progress, snapshots every K batches, the epoch record after validation,
 * the same divergence checks, the same partial run on cancel), so a run's history, curves and snapshots are
 * those TrainLoop gives it alone. Throws DIVERGED as TrainLoop does; the stack turns that into a failed run.
 */
export class MemberRun {
  readonly records: RunRecords;
  private readonly validationRows: Int32Array;
  private readonly order: Int32Array;
  private readonly random: () => number;
  private sums: StepStats = emptyStats();
  private epoch = 1;
  private batch = 0;
  private step = 0;
  private at = { epoch: 0, batch: 0 };
  private finished = false;

  constructor(
    readonly config: RunConfig,
    readonly data: Dataset,
    private readonly trainer: StackedTrainer,
    readonly slot: number,
    readonly options: TrainOptions,
  ) {
    this.records = new RunRecords(config, options.keep);
    this.validationRows = range(data.trainSize, data.size);
    this.order = new Int32Array(data.trainSize);
    this.random = mulberry32(deriveSeed(config.training.seed, SEED_STREAMS.shuffle));
  }

  /** Snapshot 0 and the first epoch's order (TrainLoop.run's start). */
  begin(): void {
    this.snapshot(0, 0, 0);
    this.records.clock.start();
    if (this.config.training.epochs < 1) return this.end();
    shuffledIndices(this.order, this.random);
  }

  get done(): boolean {
    return this.finished;
  }

  /** This step's rows. */
  rows(): Int32Array {
    const { batchSize } = this.config.training;
    return this.order.subarray(this.batch * batchSize, Math.min(this.data.trainSize, (this.batch + 1) * batchSize));
  }

  /** After the stack stepped: TrainLoop.batch's records, then the epoch's end after its last batch. */
  afterStep(): void {
    const { snapshotEveryBatches } = this.config.training;
    const { batchLoss, clock, stepsPerEpoch } = this.records;
    const { epoch, batch, sums } = this;
    this.step++;
    this.at = { epoch, batch: batch + 1 };
    const last = batch === stepsPerEpoch - 1;
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
    this.batch++;
    if (!last) return;
    this.take(sums);
    this.endEpoch(epoch, sums);
    this.sums = emptyStats();
    this.batch = 0;
    this.epoch++;
    if (this.epoch > this.config.training.epochs) return this.end();
    shuffledIndices(this.order, this.random);
  }

  /** TrainLoop.cancelled: the loss curve to the last step and the weights the run stopped with. */
  cancel(): void {
    const s = this.trainer.drain(this.slot);
    if (Number.isFinite(s.lossSum)) this.records.batchLoss.add(s);
    if (weightsAreFinite(this.trainer.weights(this.slot))) this.snapshot(this.at.epoch, this.at.batch, this.step, true);
    this.records.batchLoss.close(this.step);
    this.finished = true;
  }

  private end(): void {
    this.records.batchLoss.close(this.step);
    this.finished = true;
  }

  private endEpoch(epoch: number, sums: StepStats): void {
    const { stepsPerEpoch } = this.records;
    const validation = this.trainer.evaluate(this.slot, this.validationRows);
    const record: EpochRecord = {
      epoch,
      loss: sums.lossSum / Math.max(sums.lossCount, 1),
      acc: sums.correct / Math.max(sums.rows, 1),
      valLoss: validation.loss,
      valAcc: validation.acc,
    };
    if (!Object.values(record).every(Number.isFinite)) throw new Error(DIVERGED);
    this.records.history.push(record);
    this.options.onEpoch?.(record);
    this.snapshot(epoch, stepsPerEpoch, this.step, epoch === this.config.training.epochs);
    this.options.onProgress?.(this.progress(epoch, stepsPerEpoch, sums));
  }

  private take(sums: StepStats): void {
    this.records.take(sums, this.trainer.drain(this.slot));
  }

  private progress(epoch: number, batch: number, sums: StepStats): Progress {
    return this.records.progress(this.config.training.epochs, this.step, epoch, batch, sums);
  }

  private snapshot(epoch: number, batch: number, step: number, final = false): void {
    const { snapshots, keepSnapshots, stepsPerEpoch } = this.records;
    const wanted = keepSnapshots ? snapshots.wants(step) : step === 0 || batch === stepsPerEpoch;
    if (!final && !wanted) return;
    const weights = this.trainer.weights(this.slot);
    if (!weightsAreFinite(weights)) throw new Error(DIVERGED);
    const s: WeightSnapshot = { epoch, batch, step, weights };
    if (keepSnapshots && final) snapshots.finish(s);
    else if (keepSnapshots) snapshots.add(s);
    this.records.lastWeights = weights;
    this.options.onSnapshot?.(s);
  }
}
