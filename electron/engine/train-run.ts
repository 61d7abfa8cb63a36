import { LabError } from '../../shared/errors.js';
import { formatZodError } from '../../shared/format-zod-error.js';
import type { Progress } from '../../shared/schemas/progress.js';
import { runConfigSchema, type RunConfig, type RunConfigInput } from '../../shared/schemas/run-config.js';
import type { EpochRecord, RunResult, Weights, WeightSnapshot } from '../../shared/schemas/run-result.js';
import { initBackend } from './backend.js';
import { makeDataset, type Dataset } from './dataset.js';
import { FusedTrainer } from './fused-trainer.js';
import { paramLayout, SEED_STREAMS } from './initial-weights.js';
import { deriveSeed, mulberry32, shuffledIndices } from '../../shared/rng.js';
import { SnapshotLog, snapshotBudget } from './snapshot-log.js';
import { summarizeModel } from './summary.js';
import { BatchLossLog, ProgressClock } from './train-log.js';
import { emptyStats, type Trainer } from './trainer.js';
import { digitScores, weightsAreFinite } from './weights.js';

export interface TrainOptions {
  signal?: AbortSignal;
  /** Throttled to ≤ 20 per second, plus one at each epoch end. */
  onProgress?: (progress: Progress) => void;
  onEpoch?: (record: EpochRecord) => void;
  /** Each snapshot taken (those the bounded series keeps at the time; it may thin them later). */
  onSnapshot?: (snapshot: WeightSnapshot) => void;
}

const DIVERGED = 'training diverged: the loss or the weights are not finite (try a smaller learning rate)';

/** How many of the last data-set rows the result predicts (the seed's `all_feat[-10:]`). */
const PREDICTION_ROWS = 10;

export function parseRunConfig(input: unknown): RunConfig {
  const parsed = runConfigSchema.safeParse(input);
  if (!parsed.success) throw new LabError('bad-request', formatZodError(parsed.error, 'run config'));
  return parsed.data;
}

/**
 * Trains one run to the end, to cancellation (status 'cancelled', completed epochs only,
 * current weights) or to a failure (status 'failed'). Throws only for an invalid config.
 */
export async function trainRun(input: RunConfig | RunConfigInput, options: TrainOptions = {}): Promise<RunResult> {
  const config = parseRunConfig(input);
  const backend = await initBackend();
  const data = makeDataset(config.task);
  const summary = summarizeModel(config);
  const { epochs, batchSize, snapshotEveryBatches } = config.training;
  const stepsPerEpoch = Math.ceil(data.trainSize / batchSize);
  const totalSteps = epochs * stepsPerEpoch;
  const history: EpochRecord[] = [];
  const snapshots = new SnapshotLog({
    budget: snapshotBudget(paramLayout(config).size),
    stepsPerEpoch,
    everyBatches: snapshotEveryBatches,
  });
  const batchLoss = new BatchLossLog(totalSteps);
  const clock = new ProgressClock();
  const validationRows = range(data.trainSize, data.size);
  const predictionRows = range(Math.max(0, data.size - PREDICTION_ROWS), data.size);
  let status: RunResult['status'] = 'done';
  let error: string | undefined;
  let lastWeights: Weights | undefined;
  let trainer: Trainer | undefined;

  // Weights are read only for a snapshot the series keeps: a snapshot every batch then costs nothing between kept steps.
  const snapshot = (epoch: number, batch: number, step: number, final = false) => {
    if (!final && !snapshots.wants(step)) return;
    const weights = trainer!.weights();
    if (!weightsAreFinite(weights)) throw new Error(DIVERGED);
    const s: WeightSnapshot = { epoch, batch, step, weights };
    if (final) snapshots.finish(s);
    else snapshots.add(s);
    lastWeights = weights;
    options.onSnapshot?.(s);
  };

  try {
    trainer = config.training.engine === 'reference' ? await referenceTrainer(config, data) : new FusedTrainer(config, data);
    snapshot(0, 0, 0);
    const random = mulberry32(deriveSeed(config.training.seed, SEED_STREAMS.shuffle));
    const order = new Int32Array(data.trainSize);
    let step = 0;
    /** Where a cancelled run stopped: its epoch and the batches done in it. */
    let at = { epoch: 0, batch: 0 };
    clock.start();
    outer: for (let epoch = 1; epoch <= epochs; epoch++) {
      shuffledIndices(order, random);
      const sums = emptyStats();
      const take = () => {
        const s = trainer!.drain();
        if (!Number.isFinite(s.lossSum)) throw new Error(DIVERGED);
        sums.lossSum += s.lossSum;
        sums.lossCount += s.lossCount;
        sums.correct += s.correct;
        sums.rows += s.rows;
        batchLoss.add(s);
      };
      const progress = (batch: number): Progress => {
        const fraction = totalSteps ? step / totalSteps : 1;
        const elapsedMs = clock.elapsedMs();
        return {
          epoch, epochs, batch, batchesPerEpoch: stepsPerEpoch,
          loss: sums.lossCount ? sums.lossSum / sums.lossCount : 0,
          acc: sums.rows ? sums.correct / sums.rows : 0,
          fraction,
          elapsedMs,
          etaMs: fraction > 0 ? (elapsedMs / fraction) * (1 - fraction) : 0,
        };
      };
      for (let batch = 0; batch < stepsPerEpoch; batch++) {
        if (clock.shouldYield()) await clock.yield();
        if (options.signal?.aborted) {
          status = 'cancelled';
          break outer;
        }
        trainer.step(order.subarray(batch * batchSize, Math.min(data.trainSize, (batch + 1) * batchSize)));
        step++;
        at = { epoch, batch: batch + 1 };
        const last = batch === stepsPerEpoch - 1;
        if (batchLoss.windowEndsAt(step)) {
          take();
          batchLoss.close(step);
        }
        if (!last && options.onProgress && clock.progressDue()) {
          take();
          options.onProgress(progress(batch + 1));
        }
        if (!last && snapshotEveryBatches > 0 && (batch + 1) % snapshotEveryBatches === 0) {
          snapshot(epoch, batch + 1, step);
        }
      }
      take();
      const validation = trainer.evaluate(validationRows);
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
      history.push(record);
      options.onEpoch?.(record);
      snapshot(epoch, stepsPerEpoch, step, epoch === epochs);
      options.onProgress?.(progress(stepsPerEpoch));
    }
    if (status === 'cancelled') {
      // Keep the cancelled run's loss curve up to the last step taken.
      const s = trainer.drain();
      if (Number.isFinite(s.lossSum)) batchLoss.add(s);
      // The timeline ends at the weights the run stopped with.
      if (weightsAreFinite(trainer.weights())) snapshot(at.epoch, at.batch, step, true);
    }
    batchLoss.close(step);
  } catch (err) {
    status = 'failed';
    error = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  }
  const trainSeconds = clock.elapsedMs() / 1000;
  let predictions: RunResult['predictions'] = [];
  try {
    if (trainer && status !== 'failed') {
      const probabilities = trainer.probabilities(predictionRows);
      predictions = Array.from(predictionRows, (row, i) => ({
        input: Array.from(data.xs.subarray(row * data.sequenceLength, (row + 1) * data.sequenceLength)),
        label: data.labels[row] as 0 | 1,
        probability: probabilities[i],
      }));
    }
  } finally {
    trainer?.dispose();
  }
  const weights = lastWeights ?? zeroWeights(config);
  return {
    status,
    backend,
    history,
    batchLoss: batchLoss.points,
    summary,
    weights,
    digitScores: digitScores(weights),
    predictions,
    snapshots: snapshots.snapshots,
    trainSeconds,
    ...(error ? { error } : {}),
  };
}

/** tfjs-layers loads only for the reference engine (a separate chunk in the bundles): the fused path needs tfjs-core alone. */
async function referenceTrainer(config: RunConfig, data: Dataset): Promise<Trainer> {
  const { ReferenceTrainer } = await import('./reference-trainer.js');
  return new ReferenceTrainer(config, data);
}

function range(from: number, to: number): Int32Array {
  const out = new Int32Array(Math.max(0, to - from));
  for (let i = 0; i < out.length; i++) out[i] = from + i;
  return out;
}

/** Only when a run fails before its first weights exist: a result still needs well-formed weights. */
function zeroWeights(config: RunConfig): Weights {
  const { vocabularySize: V } = config.task;
  const { embeddingDim: E, rnnUnits: H } = config.model;
  const zeros = (r: number, c: number) => Array.from({ length: r }, () => new Array<number>(c).fill(0));
  return { embedding: zeros(V, E), kernel: zeros(E, H), recurrentKernel: zeros(H, H), bias: new Array<number>(H).fill(0) };
}
