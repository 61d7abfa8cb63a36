import { availableParallelism } from 'node:os';
import { formatZodError } from '../../../shared/format-zod-error.js';
import type { RunConfig } from '../../../shared/schemas/run-config.js';
import type { KeepableSeries } from '../../../shared/schemas/sweep.js';
import type { Progress } from '../../../shared/schemas/progress.js';
import type { BackendInfo, EpochRecord, RunResult } from '../../../shared/schemas/run-result.js';
import { fromWorkerSchema, type FromWorker, type ToWorker, type WorkerUsage } from './worker-protocol.js';
import { StackRuns } from './stack-runs.js';

/** One started worker, whatever runs it (worker thread, utilityProcess, a test double). */
export interface RunWorkerHandle {
  post(message: ToWorker): void;
  onMessage(callback: (message: unknown) => void): void;
  onExit(callback: (code: number | null, reason: string) => void): void;
  terminate(): void;
  /** Idle workers must not keep a CLI process alive (worker threads: unref). Optional. */
  setIdle?(idle: boolean): void;
}
/** `stacks`: its workers train many runs at once (start-stack); the pool then groups the runs it is given. */
export type WorkerFactory = (() => RunWorkerHandle) & { stacks?: boolean };

export interface RunJob {
  config: RunConfig;
  signal?: AbortSignal;
  /** The optional series the run collects (a sweep's light run); absent: all of them. */
  keep?: readonly KeepableSeries[];
  /** Called when a worker picks the job up (queued → training). */
  onStart?: () => void;
  onProgress?: (progress: Progress) => void;
  onEpoch?: (record: EpochRecord) => void;
}

/** How a job ended. Crashes and cancellations before a result carry no result. */
export type RunOutcome =
  | { kind: 'result'; result: RunResult; usage?: WorkerUsage; worker: number }
  | { kind: 'failed'; reason: string }
  | { kind: 'cancelled' };

export interface WorkerPoolOptions {
  maxParallel?: number;
  /** Most runs one worker trains as a stack, when the factory's workers can (default DEFAULT_STACK_RUNS). */
  stackRuns?: number;
  /** After a cancel, how long a worker may take to return its partial result before it is ended. */
  cancelGraceMs?: number;
}

/**
 * A stack's runs share each step's tfjs dispatch, so more runs per stack is cheaper per run; 40 keeps a worker's
 * memory near 60 MB (each run holds its data set and its kernels' buffers) and halves an 80-run sweep over 2 cores.
 */
export const DEFAULT_STACK_RUNS = 40;
/**
 * Runs asked for together split into more stacks than one only when each gets at least this many: a short job
 * (the seed's four runs, a single run) trains in one worker, which saves starting another (tfjs load, cold JIT).
 */
const MIN_STACK_RUNS = 8;

interface Queued {
  job: RunJob;
  resolve: (outcome: RunOutcome) => void;
  /** Drops the job from the queue when it is cancelled while it waits. */
  onAbort: () => void;
}

interface Slot {
  id: number;
  handle: RunWorkerHandle;
  dead: boolean;
  backend: Promise<BackendInfo>;
  /** Settles when the worker has loaded tfjs and finished any JIT warm-up. */
  warmed: Promise<void>;
  /** The job this worker trains now; null while idle. */
  job: { message(m: FromWorker): void; failed(reason: string): void } | null;
}

/**
 * Trains jobs on at most `maxParallel` workers at once (default: the number of
 * cores), one job per worker at a time. Workers are kept for the next queued job,
 * so only the first run on each pays for loading tfjs and warming V8's JIT.
 * A worker that dies, sends an invalid message or outlives a cancel is ended and
 * fails only its own job; the next job starts a fresh one.
 */
export class WorkerPool {
  readonly maxParallel: number;
  private readonly cancelGraceMs: number;
  private readonly waiting: Array<() => void> = [];
  private readonly slots = new Set<Slot>();
  private readonly idle: Slot[] = [];
  private active = 0;
  private nextWorker = 1;
  private nextRun = 1;
  private closed = false;
  /** Most runs per worker: 1 when the factory's workers train one run at a time. */
  readonly stackRuns: number;
  private readonly queued: Queued[] = [];
  private dispatchDue = false;

  constructor(
    private readonly factory: WorkerFactory,
    options: WorkerPoolOptions = {},
  ) {
    this.maxParallel = Math.max(1, options.maxParallel ?? availableParallelism());
    this.cancelGraceMs = options.cancelGraceMs ?? 10_000;
    this.stackRuns = factory.stacks ? Math.max(1, options.stackRuns ?? DEFAULT_STACK_RUNS) : 1;
  }

  /** Runs trained at once at most: every worker with a full stack. */
  get runsAtOnce(): number {
    return this.maxParallel * this.stackRuns;
  }

  /** Workers alive now (idle or training). */
  get size(): number {
    return this.slots.size;
  }

  async run(job: RunJob): Promise<RunOutcome> {
    if (job.signal?.aborted) return { kind: 'cancelled' };
    if (this.stackRuns > 1) return this.queue(job);
    const granted = await this.acquire(job.signal);
    if (!granted) return { kind: 'cancelled' };
    try {
      // A cancel that landed while the grant was on its way would find no listener in exchange().
      if (job.signal?.aborted) return { kind: 'cancelled' };
      job.onStart?.();
      return await this.exchange(this.idle.shift() ?? this.spawn(false), job);
    } finally {
      this.release();
    }
  }

  /**
   * Starts workers up to `maxParallel` so they load tfjs (and warm the JIT) before
   * the first run; resolves with the backend the first of them loaded.
   */
  warm(): Promise<BackendInfo> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    while (this.slots.size < this.maxParallel) {
      const slot = this.spawn(true);
      this.idle.push(slot);
      // Busy while it warms up; then an idle worker that must not hold a process open.
      void slot.warmed.then(() => {
        if (!slot.job && !slot.dead) slot.handle.setIdle?.(true);
      });
    }
    return Promise.any([...this.slots].map((slot) => slot.backend)).catch((err: unknown) => {
      const reasons = err instanceof AggregateError ? err.errors : [err];
      throw new Error(reasons.map((e) => (e instanceof Error ? e.message : String(e))).join('; '));
    });
  }

  /** Settles when every worker alive has loaded tfjs and finished its JIT warm-up (bench). */
  async settled(): Promise<void> {
    await Promise.all([...this.slots].map((slot) => slot.warmed));
  }

  /** The backend the workers load (warms the pool as a side effect). */
  probe(): Promise<BackendInfo> {
    return this.warm();
  }

  /** Ends idle workers now and busy ones when their job ends (cancel them first). */
  close(): void {
    this.closed = true;
    for (const slot of this.idle.splice(0)) this.kill(slot);
  }

  private spawn(jit: boolean): Slot {
    const handle = this.factory();
    let reportBackend!: (b: BackendInfo) => void;
    let failBackend!: (e: Error) => void;
    const backend = new Promise<BackendInfo>((resolve, reject) => {
      reportBackend = resolve;
      failBackend = reject;
    });
    backend.catch(() => undefined); // nobody may ask; a dead worker is reported through its job
    let reportWarmed!: () => void;
    const warmed = new Promise<void>((resolve) => (reportWarmed = resolve));
    const slot: Slot = { id: this.nextWorker++, handle, dead: false, backend, warmed, job: null };
    this.slots.add(slot);
    handle.onMessage((raw) => {
      const parsed = fromWorkerSchema.safeParse(raw);
      if (!parsed.success) {
        const reason = formatZodError(parsed.error, 'a worker message');
        failBackend(new Error(reason));
        reportWarmed();
        if (slot.job) slot.job.failed(reason);
        else this.kill(slot);
        return;
      }
      const message = parsed.data;
      if (message.type === 'backend') return reportBackend(message.backend);
      if (message.type === 'warmed') return reportWarmed();
      if (message.type === 'error' && message.runId === undefined) failBackend(new Error(message.message));
      slot.job?.message(message);
    });
    handle.onExit((code, reason) => {
      const why = reason || `the worker exited with code ${code}`;
      failBackend(new Error(why));
      reportWarmed();
      const job = slot.job;
      this.kill(slot);
      job?.failed(why);
    });
    handle.post({ type: 'warm', jit });
    return slot;
  }

  private kill(slot: Slot): void {
    if (slot.dead) return;
    slot.dead = true;
    this.slots.delete(slot);
    const index = this.idle.indexOf(slot);
    if (index >= 0) this.idle.splice(index, 1);
    slot.handle.terminate();
  }

  private exchange(slot: Slot, job: RunJob): Promise<RunOutcome> {
    const runId = `r${this.nextRun++}`;
    slot.handle.setIdle?.(false);
    return new Promise((resolve) => {
      let graceTimer: NodeJS.Timeout | undefined;
      const finish = (outcome: RunOutcome, reusable: boolean) => {
        if (slot.job !== current) return;
        slot.job = null;
        clearTimeout(graceTimer);
        job.signal?.removeEventListener('abort', onAbort);
        if (reusable && !this.closed && !slot.dead) {
          slot.handle.setIdle?.(true);
          this.idle.push(slot);
        } else {
          this.kill(slot);
        }
        resolve(outcome);
      };
      const current: NonNullable<Slot['job']> = {
        message: (message) => {
          if (!('runId' in message) || message.runId !== runId) return; // a late message of an earlier run
          switch (message.type) {
            case 'progress':
              return job.onProgress?.(message.progress);
            case 'epoch':
              return job.onEpoch?.(message.record);
            case 'result':
              return finish({ kind: 'result', result: message.result, usage: message.usage, worker: slot.id }, true);
            case 'error':
              // The run threw inside the worker: replace the worker rather than trust its state.
              return finish({ kind: 'failed', reason: message.message }, false);
          }
        },
        failed: (reason) => finish({ kind: 'failed', reason }, false),
      };
      const onAbort = () => {
        slot.handle.post({ type: 'cancel', runId });
        graceTimer = setTimeout(() => finish({ kind: 'cancelled' }, false), this.cancelGraceMs);
      };
      slot.job = current;
      if (slot.dead) return finish({ kind: 'failed', reason: 'the worker exited before the run started' }, false);
      job.signal?.addEventListener('abort', onAbort, { once: true });
      slot.handle.post({ type: 'start', runId, config: job.config, ...(job.keep ? { keep: [...job.keep] } : {}) });
    });
  }

  /** A job for a stack: it waits until a worker is free and the runs asked for with it are grouped. */
  private queue(job: RunJob): Promise<RunOutcome> {
    return new Promise((resolve) => {
      const entry: Queued = {
        job,
        resolve,
        onAbort: () => {
          const index = this.queued.indexOf(entry);
          if (index < 0) return;
          this.queued.splice(index, 1);
          resolve({ kind: 'cancelled' });
        },
      };
      job.signal?.addEventListener('abort', entry.onAbort, { once: true });
      this.queued.push(entry);
      this.scheduleDispatch();
    });
  }

  /** Runs asked for in one go (Train all, a sweep's feed) arrive in one tick: they are grouped after it. */
  private scheduleDispatch(): void {
    if (this.dispatchDue) return;
    this.dispatchDue = true;
    setImmediate(() => {
      this.dispatchDue = false;
      this.dispatch();
    });
  }

  /** The waiting jobs into as many stacks as there are free workers (fewer for a short job), in order. */
  private dispatch(): void {
    while (this.queued.length && this.active < this.maxParallel) {
      const stacks = Math.min(this.maxParallel - this.active, Math.ceil(this.queued.length / MIN_STACK_RUNS));
      const group = this.queued.splice(0, Math.min(this.stackRuns, Math.ceil(this.queued.length / stacks)));
      this.active++;
      void this.trainGroup(group).finally(() => {
        this.active--;
        this.scheduleDispatch();
      });
    }
  }

  private async trainGroup(group: Queued[]): Promise<void> {
    for (const entry of group) entry.job.signal?.removeEventListener('abort', entry.onAbort);
    const live = group.filter((entry) => !entry.job.signal?.aborted);
    for (const entry of group) if (!live.includes(entry)) entry.resolve({ kind: 'cancelled' });
    if (!live.length) return;
    for (const entry of live) entry.job.onStart?.();
    await this.exchangeStack(this.idle.shift() ?? this.spawn(false), live);
  }

  /** One stack on one worker (StackRuns); the worker is kept for the next job unless the stack broke it. */
  private exchangeStack(slot: Slot, entries: Queued[]): Promise<void> {
    slot.handle.setIdle?.(false);
    return new Promise((resolve) => {
      const stack = new StackRuns(
        entries,
        () => `r${this.nextRun++}`,
        slot.id,
        this.cancelGraceMs,
        (message) => slot.handle.post(message),
        (broken) => {
          slot.job = null;
          if (!broken && !this.closed && !slot.dead) {
            slot.handle.setIdle?.(true);
            this.idle.push(slot);
          } else {
            this.kill(slot);
          }
          resolve();
        },
      );
      slot.job = stack;
      if (slot.dead) return stack.failed('the worker exited before the run started');
      stack.start();
    });
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
