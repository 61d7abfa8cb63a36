import type { RunConfig, RunConfigInput } from '../../../shared/schemas/run-config.js';
import type { BackendInfo, RunResult } from '../../../shared/schemas/run-result.js';
import { initBackend } from '../backend.js';
import { makeDataset } from '../dataset.js';
import { paramLayout } from '../initial-weights.js';
import { summarizeModel } from '../summary.js';
import { ProgressClock } from '../train-log.js';
import { range, type TrainOptions } from '../train-loop.js';
import { parseRunConfig, trainRun } from '../train-run.js';
import { digitScores, flatToWeights } from '../weights.js';
import { MemberRun } from './member-run.js';
import { stackCapacity } from './run-memory.js';
import { StackedTrainer } from './stacked-trainer.js';

/** How many of the last data-set rows a result predicts (train-run.ts: the seed's `all_feat[-10:]`). */
const PREDICTION_ROWS = 10;

export interface StackJob {
  config: RunConfig | RunConfigInput;
  /** The run's own signal, callbacks and kept series, as trainRun takes them. */
  options?: TrainOptions;
}

export interface StackOptions {
  /** Runs in a stack at once at most (default: as many as its memory budget holds); the rest join as runs leave. */
  capacity?: number;
  /** Each run's result as soon as it leaves the stack (index into the jobs). */
  onResult?: (index: number, result: RunResult) => void;
}

/**
 * Trains many runs as stacked computations (StackedTrainer; runs of similar sizes in one, stacks side by side) and
 * returns their results in job order, each the result trainRun gives the same run alone: done, cancelled by its own signal (it leaves the stack, the others go
 * on), or failed (a run whose loss or weights stop being finite leaves as failed). Runs of the reference engine do
 * not stack: they train alone, one after another, after the stack. Throws only for an invalid config.
 */
export async function trainStack(jobs: readonly StackJob[], options: StackOptions = {}): Promise<RunResult[]> {
  const configs = jobs.map((job) => parseRunConfig(job.config));
  const backend = await initBackend();
  const results = new Array<RunResult | undefined>(jobs.length);
  const settle = (index: number, result: RunResult) => {
    results[index] = result;
    options.onResult?.(index, result);
  };
  // Stacks by width: a row is as wide as its stack's widest run, the update costs per element, so runs of very
  // different sizes go to different stacks (widths within 2× of each other share one, zero-padded).
  const fused = configs.flatMap((config, i) => (config.training.engine === 'fused' ? [i] : []));
  const byWidth = new Map<number, number[]>();
  for (const i of [...fused].sort((a, b) => paramLayout(configs[a]).size - paramLayout(configs[b]).size)) {
    const width = paramLayout(configs[i]).size;
    const bucket = [...byWidth.keys()].find((w) => width <= 2 * w) ?? width;
    byWidth.set(bucket, [...(byWidth.get(bucket) ?? []), i]);
  }
  // The stacks take turns (each yields to the event loop every 25 ms), so they train side by side.
  await Promise.all(
    [...byWidth.values()].map((indices) => new Stack(configs, jobs, indices, backend, settle, options.capacity).run()),
  );
  for (const [i, config] of configs.entries()) {
    if (config.training.engine !== 'fused') settle(i, await trainRun(config, jobs[i].options));
  }
  return results as RunResult[];
}

/** One stack's life: fill its slots, step every run in it, let runs leave and waiting ones take their place. */
class Stack {
  private readonly trainer: StackedTrainer;
  private readonly waiting: number[];
  private readonly active = new Map<number, MemberRun>();
  private readonly clock = new ProgressClock();

  constructor(
    private readonly configs: RunConfig[],
    private readonly jobs: readonly StackJob[],
    indices: number[],
    private readonly backend: BackendInfo,
    private readonly settle: (index: number, result: RunResult) => void,
    capacity?: number,
  ) {
    const width = Math.max(...indices.map((i) => paramLayout(configs[i]).size));
    // Bounded memory: no more runs at once than the budget holds (a big run's buffers are ~100 MB).
    const fits = stackCapacity(indices.map((i) => configs[i]));
    this.trainer = new StackedTrainer(Math.max(1, Math.min(capacity ?? fits, fits)), width);
    this.waiting = [...indices];
  }

  async run(): Promise<void> {
    try {
      this.clock.start();
      this.fill();
      while (this.active.size > 0) {
        // A synchronous loop would never see an abort sent by another event.
        if (this.clock.shouldYield()) await this.clock.yield();
        for (const [index, member] of this.active) {
          if (member.options.signal?.aborted) this.leave(index, member, () => member.cancel());
        }
        if (this.active.size === 0) {
          this.fill();
          continue;
        }
        const rows = new Array<Int32Array | null>(this.trainer.capacity).fill(null);
        for (const member of this.active.values()) rows[member.slot] = member.rows();
        this.trainer.step(rows);
        for (const [index, member] of this.active) {
          try {
            member.afterStep();
            if (member.done) this.leave(index, member);
          } catch (err) {
            this.fail(index, member, err);
          }
        }
        this.fill();
      }
    } finally {
      this.trainer.dispose();
    }
  }

  /** Waiting runs into free slots. */
  private fill(): void {
    while (this.waiting.length && this.trainer.occupied < this.trainer.capacity) {
      const index = this.waiting.shift()!;
      const config = this.configs[index];
      const data = makeDataset(config.task);
      const slot = this.trainer.place(config, data);
      const member = new MemberRun(config, data, this.trainer, slot, this.jobs[index].options ?? {});
      this.active.set(index, member);
      try {
        member.begin();
        if (member.done) this.leave(index, member);
      } catch (err) {
        this.fail(index, member, err);
      }
    }
  }

  private fail(index: number, member: MemberRun, err: unknown): void {
    const error = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    this.finish(index, member, 'failed', error);
  }

  /** A run leaves done, or cancelled after `before` wrote its partial records. */
  private leave(index: number, member: MemberRun, before?: () => void): void {
    if (!before) return this.finish(index, member, 'done');
    try {
      before();
      this.finish(index, member, 'cancelled');
    } catch (err) {
      this.fail(index, member, err);
    }
  }

  /** The run's result as trainRun builds it, then its slot goes free. */
  private finish(index: number, member: MemberRun, status: RunResult['status'], error?: string): void {
    const { config, data, records, slot } = member;
    const trainSeconds = records.clock.elapsedMs() / 1000;
    const keep = member.options.keep;
    const keepPredictions = !keep || keep.includes('predictions');
    let predictions: RunResult['predictions'] = [];
    if (status !== 'failed' && keepPredictions) {
      const rows = range(Math.max(0, data.size - PREDICTION_ROWS), data.size);
      const probabilities = this.trainer.probabilities(slot, rows);
      predictions = Array.from(rows, (row, i) => ({
        input: Array.from(data.xs.subarray(row * data.sequenceLength, (row + 1) * data.sequenceLength)),
        label: data.labels[row] as 0 | 1,
        probability: probabilities[i],
      }));
    }
    const layout = paramLayout(config);
    const weights = records.lastWeights ?? flatToWeights(new Float32Array(layout.size), layout);
    this.active.delete(index);
    this.trainer.remove(slot);
    this.settle(index, {
      status,
      backend: this.backend,
      history: records.history,
      batchLoss: records.batchLoss.points,
      summary: summarizeModel(config),
      weights,
      digitScores: digitScores(weights),
      predictions,
      snapshots: records.snapshots.snapshots,
      trainSeconds,
      ...(error ? { error } : {}),
    });
  }
}
