import type { EventPayload } from '../../shared/contract.js';
import { LabError } from '../../shared/errors.js';
import { MAX_QUEUED_RUNS, MAX_RUNS_PER_SESSION } from '../../shared/limits.js';
import type { RunConfig } from '../../shared/schemas/run-config.js';
import type { BackendInfo } from '../../shared/schemas/run-result.js';
import type { Run } from '../../shared/schemas/run.js';
import type { ViewState } from '../../shared/schemas/session.js';
import { Throttle } from './progress-throttle.js';
import { newRunId } from './run-id.js';
import { WorkerPool, type RunOutcome, type WorkerFactory, type WorkerPoolOptions } from './worker-pool.js';

const PROGRESS_INTERVAL_MS = 50; // ≤ 20 events per second per run
export const emptyView = (): ViewState => ({ order: [], layout: 'columns', hiddenInOverlay: [] });
/** The run without results: 'idle' until it is asked to train. */
export const untrained = (run: Run): Run => ({
  id: run.id, name: run.name, config: run.config, note: run.note, status: 'idle',
  history: [], batchLoss: [], predictions: [], snapshots: [],
});

type Progress = EventPayload<'run:progress'>;
export interface RunRegistryHooks {
  /** A run or the view changed (the session is dirty from here on). */
  changed(): void;
  progress(payload: Progress): void;
}

/** The runs, their board order, and which of them train in the worker pool. */
export class RunRegistry {
  private runs = new Map<string, Run>();
  private view: ViewState = emptyView();
  private readonly training = new Map<string, AbortController>();
  private readonly pool: WorkerPool;
  private readonly progress: Throttle<Progress['progress']>;
  private backendInfo: Promise<BackendInfo> | null = null;

  constructor(factory: WorkerFactory, poolOptions: WorkerPoolOptions, private readonly hooks: RunRegistryHooks) {
    this.pool = new WorkerPool(factory, poolOptions);
    this.progress = new Throttle(PROGRESS_INTERVAL_MS, (id, progress) => hooks.progress({ id, progress }));
  }

  list(): Run[] {
    return [...this.runs.values()];
  }

  currentView(): ViewState {
    return structuredClone(this.view);
  }

  /** The runs as a session keeps them: queued and training runs go in untrained, as 'idle'. */
  forSession(): { runs: Run[]; view: ViewState } {
    return { runs: this.list().map((run) => (this.training.has(run.id) ? untrained(run) : run)), view: this.view };
  }

  /** Replaces every run and the view with a loaded session's (refused whole when it holds too many runs). */
  load(runs: readonly Run[], view: ViewState): void {
    if (runs.length > MAX_RUNS_PER_SESSION) {
      throw new LabError('bad-file', `a session holds at most ${MAX_RUNS_PER_SESSION} runs (this one has ${runs.length})`);
    }
    // Nothing trains in a freshly loaded session: a run saved mid-flight (by an older build or another tool) is idle.
    this.runs = new Map(runs.map((run) => [run.id, run.status === 'training' || run.status === 'queued' ? untrained(run) : run]));
    this.view = this.normalizeView(view);
  }

  add(name: string, config: RunConfig, note = ''): Run {
    this.ensureRoom(1);
    const id = newRunId((x) => this.runs.has(x));
    const run: Run = untrained({ id, name, config, note, status: 'idle', history: [], batchLoss: [], predictions: [], snapshots: [] });
    this.runs.set(id, run);
    this.view.order.push(id);
    this.hooks.changed();
    return run;
  }

  /** Adds all or none (a preset's runs). */
  addAll(entries: readonly { name: string; config: RunConfig }[]): Run[] {
    this.ensureRoom(entries.length);
    return entries.map(({ name, config }) => this.add(name, config));
  }

  update({ id, name, config, note }: { id: string; name?: string; config?: RunConfig; note?: string }): Run {
    const run = this.idle(id);
    const configChanged = config !== undefined && JSON.stringify(config) !== JSON.stringify(run.config);
    const next: Run = configChanged ? untrained({ ...run, config }) : { ...run };
    if (name !== undefined) next.name = name;
    if (note !== undefined) next.note = note;
    return this.put(next);
  }

  /** A copy placed right after its original on the board. */
  duplicate(id: string): Run {
    const run = this.get(id);
    const copy = this.add(`${run.name} (copy)`.slice(0, 80), run.config, run.note);
    this.view.order = this.view.order.filter((x) => x !== copy.id);
    this.view.order.splice(this.view.order.indexOf(id) + 1, 0, copy.id);
    this.hooks.changed();
    return copy;
  }

  remove(id: string): void {
    this.idle(id);
    this.runs.delete(id);
    this.view.order = this.view.order.filter((x) => x !== id);
    this.view.hiddenInOverlay = this.view.hiddenInOverlay.filter((x) => x !== id);
    this.hooks.changed();
  }

  setView(partial: Partial<ViewState>): ViewState {
    this.view = this.normalizeView({ ...this.view, ...partial });
    this.hooks.changed();
    return this.currentView();
  }

  /** Trains the given runs (all when none are named); every id is checked before any run is queued. */
  async train(ids: string[] | undefined): Promise<Run[]> {
    const named = new Set<string>();
    for (const id of ids ?? []) {
      if (named.has(id)) throw new LabError('bad-request', `run ${id} is named twice`);
      named.add(id);
      this.get(id);
    }
    const targets = (ids ?? [...this.runs.keys()]).filter((id) => !this.training.has(id));
    if (this.training.size + targets.length > MAX_QUEUED_RUNS) {
      throw new LabError(
        'busy',
        `at most ${MAX_QUEUED_RUNS} runs may be queued or training at once (${this.training.size} are, ${targets.length} more asked)`,
      );
    }
    for (const id of targets) {
      this.training.set(id, new AbortController());
      this.runs.set(id, { ...untrained(this.get(id)), status: 'queued' });
    }
    if (targets.length) this.hooks.changed();
    await Promise.all(targets.map((id) => this.trainOne(id)));
    return targets.map((id) => this.get(id));
  }

  /** Cancels the given runs (all when none are named); counts those that were still going. */
  cancel(ids: string[] | undefined): number {
    let cancelled = 0;
    for (const id of ids ?? [...this.training.keys()]) {
      const controller = this.training.get(id);
      if (controller && !controller.signal.aborted) {
        controller.abort();
        cancelled++;
      }
    }
    return cancelled;
  }

  backend(): Promise<BackendInfo> {
    this.backendInfo ??= this.pool.probe().catch((err: unknown) => ({
      name: 'unknown',
      reason: `no worker could load tfjs: ${err instanceof Error ? err.message : String(err)}`,
    }));
    return this.backendInfo;
  }

  /** Refuses session-wide changes while anything trains. */
  ensureQuiet(what: string): void {
    if (this.training.size) throw new LabError('busy', `runs are training; cancel them before you ${what}`);
  }

  close(): void {
    for (const controller of this.training.values()) controller.abort();
    this.pool.close();
  }

  private async trainOne(id: string): Promise<void> {
    const controller = this.training.get(id)!;
    const patch = (change: Partial<Run>) => this.put({ ...this.get(id), ...change });
    let outcome: RunOutcome;
    try {
      outcome = await this.pool.run({
        config: this.get(id).config,
        signal: controller.signal,
        onStart: () => patch({ status: 'training' }),
        onProgress: (progress) => this.progress.push(id, progress),
        onEpoch: (record) => patch({ history: [...this.get(id).history, record] }),
      });
    } catch (err) {
      outcome = { kind: 'failed', reason: err instanceof Error ? err.message : String(err) };
    }
    this.training.delete(id);
    this.progress.clear(id);
    if (outcome.kind === 'result') {
      const { status, ...result } = outcome.result;
      patch({ ...result, status });
    } else if (outcome.kind === 'failed') {
      patch({ status: 'failed', error: outcome.reason });
    } else {
      patch({ status: 'cancelled' });
    }
  }

  /** Refuses to grow the session past its run limit (so it stays quick to handle and possible to save). */
  private ensureRoom(adding: number): void {
    const has = this.runs.size;
    if (has + adding <= MAX_RUNS_PER_SESSION) return;
    const more = adding === 1 ? '' : `, and ${adding} more would not fit`;
    throw new LabError('bad-request', `a session holds at most ${MAX_RUNS_PER_SESSION} runs (it has ${has}${more})`);
  }

  /** Order lists every run exactly once; hidden ids exist. */
  private normalizeView(view: ViewState): ViewState {
    const known = [...new Set(view.order)].filter((id) => this.runs.has(id));
    const missing = [...this.runs.keys()].filter((id) => !known.includes(id));
    return {
      order: [...known, ...missing],
      layout: view.layout,
      hiddenInOverlay: [...new Set(view.hiddenInOverlay)].filter((id) => this.runs.has(id)),
    };
  }

  private get(id: string): Run {
    const run = this.runs.get(id);
    if (!run) throw new LabError('not-found', `no run with id ${id}`);
    return run;
  }

  /** A run that may be changed: not training or waiting to train. */
  private idle(id: string): Run {
    const run = this.get(id);
    if (this.training.has(id)) throw new LabError('busy', `run "${run.name}" is training; cancel it first`);
    return run;
  }

  /** A run removed while it trained stays removed: its late results go nowhere. */
  private put(run: Run): Run {
    if (!this.runs.has(run.id)) return run;
    this.runs.set(run.id, run);
    this.hooks.changed();
    return run;
  }
}
