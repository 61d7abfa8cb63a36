import { availableParallelism } from 'node:os';
import { formatZodError } from '../../shared/format-zod-error.js';
import type { RunConfig } from '../../shared/schemas/run-config.js';
import type { Progress } from '../../shared/schemas/progress.js';
import type { BackendInfo, EpochRecord, RunResult } from '../../shared/schemas/run-result.js';
import { fromWorkerSchema, type FromWorker, type ToWorker } from './worker-protocol.js';

/** One started worker, whatever runs it (worker thread, utilityProcess, a test double). */
export interface RunWorkerHandle {
  post(message: ToWorker): void;
  onMessage(callback: (message: unknown) => void): void;
  onExit(callback: (code: number | null, reason: string) => void): void;
  terminate(): void;
}
export type WorkerFactory = () => RunWorkerHandle;

export interface RunJob {
  config: RunConfig;
  signal?: AbortSignal;
  /** Called when a worker picks the job up (queued → training). */
  onStart?: () => void;
  onProgress?: (progress: Progress) => void;
  onEpoch?: (record: EpochRecord) => void;
}

/** How a job ended. Crashes and cancellations before a result carry no result. */
export type RunOutcome =
  | { kind: 'result'; result: RunResult }
  | { kind: 'failed'; reason: string }
  | { kind: 'cancelled' };

type Exchange = RunOutcome | { kind: 'backend'; backend: BackendInfo };

export interface WorkerPoolOptions {
  maxParallel?: number;
  /** After a cancel, how long a worker may take to return its partial result before it is ended. */
  cancelGraceMs?: number;
}

/**
 * Runs jobs one worker each, at most `maxParallel` at once (default: the
 * number of cores). A worker that dies fails only its own job.
 */
export class WorkerPool {
  readonly maxParallel: number;
  private readonly cancelGraceMs: number;
  private readonly waiting: Array<() => void> = [];
  private active = 0;

  constructor(
    private readonly factory: WorkerFactory,
    options: WorkerPoolOptions = {},
  ) {
    this.maxParallel = Math.max(1, options.maxParallel ?? availableParallelism());
    this.cancelGraceMs = options.cancelGraceMs ?? 10_000;
  }

  async run(job: RunJob): Promise<RunOutcome> {
    if (job.signal?.aborted) return { kind: 'cancelled' };
    const released = await this.acquire(job.signal);
    if (!released) return { kind: 'cancelled' };
    try {
      job.onStart?.();
      const outcome = await this.exchange({ type: 'start', config: job.config }, job);
      return outcome.kind === 'backend' ? { kind: 'failed', reason: 'the worker answered a probe, not a run' } : outcome;
    } finally {
      this.release();
    }
  }

  /** Starts a worker only to learn which tfjs backend it loads. */
  async probe(): Promise<BackendInfo> {
    const outcome = await this.exchange({ type: 'probe' }, {});
    if (outcome.kind === 'failed') throw new Error(outcome.reason);
    if (outcome.kind !== 'backend') throw new Error('the worker did not report a backend');
    return outcome.backend;
  }

  private exchange(first: ToWorker, job: Omit<RunJob, 'config'>): Promise<Exchange> {
    return new Promise((resolve) => {
      let settled = false;
      let graceTimer: NodeJS.Timeout | undefined;
      const worker = this.factory();
      const settle = (outcome: Exchange) => {
        if (settled) return;
        settled = true;
        clearTimeout(graceTimer);
        job.signal?.removeEventListener('abort', onAbort);
        worker.terminate();
        resolve(outcome);
      };
      const onAbort = () => {
        worker.post({ type: 'cancel' });
        graceTimer = setTimeout(() => settle({ kind: 'cancelled' }), this.cancelGraceMs);
      };
      worker.onMessage((raw) => {
        const parsed = fromWorkerSchema.safeParse(raw);
        if (!parsed.success) {
          settle({ kind: 'failed', reason: formatZodError(parsed.error, 'a worker message') });
          return;
        }
        this.handle(parsed.data, job, settle);
      });
      worker.onExit((code, reason) => settle({ kind: 'failed', reason: reason || `the worker exited with code ${code}` }));
      job.signal?.addEventListener('abort', onAbort, { once: true });
      worker.post(first);
    });
  }

  private handle(
    message: FromWorker,
    job: Omit<RunJob, 'config'>,
    settle: (outcome: Exchange) => void,
  ): void {
    switch (message.type) {
      case 'progress':
        return job.onProgress?.(message.progress);
      case 'epoch':
        return job.onEpoch?.(message.record);
      case 'result':
        return settle({ kind: 'result', result: message.result });
      case 'backend':
        return settle({ kind: 'backend', backend: message.backend });
      case 'error':
        return settle({ kind: 'failed', reason: message.message });
    }
  }

  /** Waits for a free slot; false when the job was cancelled while waiting. */
  private acquire(signal?: AbortSignal): Promise<boolean> {
    if (this.active < this.maxParallel) {
      this.active++;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        this.active++;
        resolve(true);
      };
      const onAbort = () => {
        const index = this.waiting.indexOf(grant);
        if (index >= 0) this.waiting.splice(index, 1);
        resolve(false);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(grant);
    });
  }

  private release(): void {
    this.active--;
    this.waiting.shift()?.();
  }
}
