import type { RunJob, RunOutcome } from './worker-pool.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

export interface StackEntry {
  job: RunJob;
  resolve: (outcome: RunOutcome) => void;
}

interface StackRun extends StackEntry {
  runId: string;
  done: boolean;
  grace?: NodeJS.Timeout;
  onAbort: () => void;
}

/**
 * The runs of one stack on one worker, each with its own runId and its own outcome. A run's cancel ends that run
 * alone; one that does not answer within the grace time ends as cancelled without ending the worker (the other
 * runs of its stack still train there). A crash or a run that threw fails what is left, and the worker is not
 * trusted again (`onEnd(broken)`).
 */
export class StackRuns {
  private readonly runs: StackRun[];
  private readonly byId: Map<string, StackRun>;
  private left: number;
  private broken = false;

  constructor(
    entries: readonly StackEntry[],
    runIds: () => string,
    private readonly worker: number,
    private readonly graceMs: number,
    private readonly post: (message: ToWorker) => void,
    private readonly onEnd: (broken: boolean) => void,
  ) {
    this.runs = entries.map((entry) => ({ ...entry, runId: runIds(), done: false, onAbort: () => undefined }));
    this.byId = new Map(this.runs.map((run) => [run.runId, run]));
    this.left = this.runs.length;
  }

  /** Listens for each run's cancel and sends the stack. */
  start(): void {
    for (const run of this.runs) {
      run.onAbort = () => {
        this.post({ type: 'cancel', runId: run.runId });
        run.grace = setTimeout(() => this.settle(run, { kind: 'cancelled' }), this.graceMs);
      };
      run.job.signal?.addEventListener('abort', run.onAbort, { once: true });
    }
    this.post({
      type: 'start-stack',
      runs: this.runs.map(({ runId, job }) => ({
        runId,
        config: job.config,
        ...(job.keep ? { keep: [...job.keep] } : {}),
      })),
    });
  }

  message(message: FromWorker): void {
    const run = 'runId' in message && message.runId ? this.byId.get(message.runId) : undefined;
    if (!run || run.done) return; // a late message of an earlier run
    switch (message.type) {
      case 'progress':
        return run.job.onProgress?.(message.progress);
      case 'epoch':
        return run.job.onEpoch?.(message.record);
      case 'result':
        return this.settle(run, { kind: 'result', result: message.result, usage: message.usage, worker: this.worker });
      case 'error':
        this.broken = true;
        return this.settle(run, { kind: 'failed', reason: message.message });
    }
  }

  failed(reason: string): void {
    this.broken = true;
    for (const run of this.runs) this.settle(run, { kind: 'failed', reason });
  }

  private settle(run: StackRun, outcome: RunOutcome): void {
    if (run.done) return;
    run.done = true;
    clearTimeout(run.grace);
    run.job.signal?.removeEventListener('abort', run.onAbort);
    run.resolve(outcome);
    if (--this.left === 0) this.onEnd(this.broken);
  }
}
