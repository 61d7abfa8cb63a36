import type { AnalysisModel, ExhaustiveResult, LengthResult } from '../../../shared/analysis/index.js';
import type { ComputeJob, ComputeReply, ComputeRequest } from './compute-protocol.js';
import { runJob } from './run-job.js';

export type Computed<R> = { state: 'pending' } | { state: 'ok'; value: R } | { state: 'error'; error: string };

/**
 * Heavy analyses, memoised per model object and computed off the main thread.
 * A model object stands for one run's weights (and what-if edits): the Analysis
 * panel keeps the same object while those do not change, so a state push never
 * recomputes anything. Results land asynchronously; `version` tells readers.
 */
class AnalysisCompute {
  /** Bumped whenever a job settles: deriveds that read an entry re-read it. */
  version = $state(0);
  private cache = new WeakMap<AnalysisModel, Map<string, Computed<unknown>>>();
  private worker: Worker | null | undefined;
  private waiting = new Map<number, Pending>();
  private backlog: Pending[] = [];
  private sending = false;
  private nextId = 1;

  lengths(model: AnalysisModel, maxLength: number): Computed<LengthResult> {
    return this.get(model, { kind: 'lengths', maxLength }) as Computed<LengthResult>;
  }

  exhaustive(model: AnalysisModel): Computed<ExhaustiveResult> {
    return this.get(model, { kind: 'exhaustive' }) as Computed<ExhaustiveResult>;
  }

  private get(model: AnalysisModel, job: ComputeJob): Computed<unknown> {
    void this.version; // the caller re-runs when any job settles
    let jobs = this.cache.get(model);
    if (!jobs) this.cache.set(model, (jobs = new Map()));
    const key = JSON.stringify(job);
    const hit = jobs.get(key);
    if (hit) return hit;
    const pending: Computed<unknown> = { state: 'pending' };
    jobs.set(key, pending);
    void this.run(model, job).then((reply) => {
      jobs.set(key, reply.ok ? { state: 'ok', value: reply.value } : { state: 'error', error: reply.error });
      this.version++;
    });
    return pending;
  }

  /**
   * Jobs go to the worker one at a time, each sent when the page is idle: a run that just finished
   * brings new charts and tables to draw first, and the two cores are shared with training.
   */
  private run(model: AnalysisModel, job: ComputeJob): Promise<ComputeReply> {
    if (!this.start()) return local(model, job);
    return new Promise((resolve) => {
      this.backlog.push({ model, job, resolve });
      this.dispatch();
    });
  }

  private dispatch(): void {
    if (this.sending || this.waiting.size || !this.backlog.length) return;
    this.sending = true;
    whenIdle(() => {
      this.sending = false;
      const worker = this.worker;
      const next = this.backlog.shift();
      if (!next) return;
      if (!worker) return void local(next.model, next.job).then(next.resolve);
      const id = this.nextId++;
      this.waiting.set(id, next);
      try {
        worker.postMessage({ id, model: next.model, job: next.job } satisfies ComputeRequest);
      } catch {
        this.waiting.delete(id); // not cloneable: compute here instead
        void local(next.model, next.job).then(next.resolve);
        this.dispatch();
      }
    });
  }

  private start(): Worker | null {
    if (this.worker !== undefined) return this.worker;
    try {
      const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), {
        type: 'module',
        name: 'rnn-lab-analysis',
      });
      worker.onmessage = (e: MessageEvent<ComputeReply>) => {
        const waiting = this.waiting.get(e.data.id);
        this.waiting.delete(e.data.id);
        waiting?.resolve(e.data);
        this.dispatch();
      };
      worker.onerror = (e) => {
        // A worker that cannot load (e.g. a stricter CSP): finish its jobs here and use no worker from now on.
        console.warn(`RNN Lab: analysis worker failed (${e.message || 'no message'}); computing on the main thread`);
        this.worker = null;
        worker.terminate();
        const stranded = [...this.waiting.values(), ...this.backlog.splice(0)];
        this.waiting.clear();
        for (const w of stranded) void local(w.model, w.job).then(w.resolve);
      };
      this.worker = worker;
    } catch {
      this.worker = null;
    }
    return this.worker;
  }
}

type Pending = { model: AnalysisModel; job: ComputeJob; resolve: (reply: ComputeReply) => void };

function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 1000 });
  else setTimeout(fn, 0);
}

/** Without a worker: the same job on the main thread, in a task of its own. */
function local(model: AnalysisModel, job: ComputeJob): Promise<ComputeReply> {
  return new Promise((resolve) =>
    setTimeout(() => {
      try {
        resolve({ id: 0, ok: true, value: runJob(model, job) });
      } catch (err) {
        resolve({ id: 0, ok: false, error: err instanceof Error ? err.message : String(err) });
      }
    }, 0),
  );
}

export const compute = new AnalysisCompute();
