import type { EventPayload, LabEvent } from '../../shared/contract.js';
import { LabError } from '../../shared/errors.js';
import { MAX_QUEUED_RUNS, MAX_RUNS_PER_SESSION } from '../../shared/limits.js';
import type { RunConfig } from '../../shared/schemas/run-config.js';
import type { BackendInfo } from '../../shared/schemas/run-result.js';
import type { Run } from '../../shared/schemas/run.js';
import type { KeepableSeries, RunSweepTag } from '../../shared/schemas/sweep.js';
import { diffRun } from '../../shared/schemas/run-patch.js';
import { emptyView, type ViewState } from '../../shared/schemas/session.js';
import { Throttle } from './workers/progress-throttle.js';
import { newRunId } from './run-id.js';
import { WorkerPool, type RunOutcome, type WorkerFactory, type WorkerPoolOptions } from './workers/worker-pool.js';

const PROGRESS_INTERVAL_MS = 50; // ≤ 20 events per second per run
/** The run without results: 'idle' until it is asked to train (a sweep's tag stays: it is what the run is). */
export const untrained = (run: Run): Run => ({
  id: run.id,
  name: run.name,
  config: run.config,
  note: run.note,
  ...(run.sweep ? { sweep: run.sweep } : {}),
  status: 'idle',
  history: [],
  batchLoss: [],
  predictions: [],
  snapshots: [],
});

type Progress = EventPayload<'run:progress'>;
/** What the registry reports: one event per change, naming the run (or the view) and only what changed. */
export type RunEvent = Extract<LabEvent, [`run:${string}` | 'view:changed', unknown]>;
export interface RunRegistryHooks {
  /** Every event but `run:progress` means the session is dirty from here on. */
  event(...event: RunEvent): void;
  /** The optional series a run collects (a sweep's light run lists fewer); absent: all of them. */
  keepOf?(run: Run): readonly KeepableSeries[] | undefined;
}

/** The runs, their board order, and which of them train in the worker pool. */
export class RunRegistry {
  private runs = new Map<string, Run>();
  private view: ViewState = emptyView();
  private readonly training = new Map<string, AbortController>();
  private readonly pool: WorkerPool;
  private readonly progress: Throttle<Progress['progress']>;
  private backendInfo: Promise<BackendInfo> | null = null;

  constructor(
    factory: WorkerFactory,
    poolOptions: WorkerPoolOptions,
    private readonly hooks: RunRegistryHooks,
  ) {
    this.pool = new WorkerPool(factory, poolOptions);
    this.progress = new Throttle(PROGRESS_INTERVAL_MS, (id, progress) => hooks.event('run:progress', { id, progress }));
  }

  list(): Run[] {
    return [...this.runs.values()];
  }

  /** The run with this id, if the session holds it. */
  find(id: string): Run | undefined {
    return this.runs.get(id);
  }

  /** Runs trained at once at most: the pool's workers, each with a full stack where its workers train stacks. */
  get parallel(): number {
    return this.pool.runsAtOnce;
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
      throw new LabError(
        'bad-file',
        `a session holds at most ${MAX_RUNS_PER_SESSION} runs (this one has ${runs.length})`,
      );
    }
    // Nothing trains in a freshly loaded session: a run saved mid-flight (by an older build or another tool) is idle.
    this.runs = new Map(
      runs.map((run) => [run.id, run.status === 'training' || run.status === 'queued' ? untrained(run) : run]),
    );
    this.view = this.normalizeView(view);
  }

  /** A new idle run, placed at `index` in the board order (default: last). */
  add(name: string, config: RunConfig, note = '', index = this.view.order.length, sweep?: RunSweepTag): Run {
    this.ensureRoom(1);
    const id = newRunId((x) => this.runs.has(x));
    const run: Run = untrained({
      ...(sweep ? { sweep } : {}),
      id,
      name,
      config,
      note,
      status: 'idle',
      history: [],
      batchLoss: [],
      predictions: [],
      snapshots: [],
    });
    this.runs.set(id, run);
    this.view.order.splice(index, 0, id);
    this.hooks.event('run:added', { run, index });
    // A run made by hand joins the runs the board compares (a sweep's runs are chosen in the runs table).
    if (!sweep && this.view.compare.length) {
      this.view.compare = [...this.view.compare, id];
      this.hooks.event('view:changed', this.currentView());
    }
    return run;
  }

  /** Adds all or none (a preset's runs, a sweep's). */
  addAll(entries: readonly { name: string; config: RunConfig; sweep?: RunSweepTag }[]): Run[] {
    this.ensureRoom(entries.length);
    return entries.map(({ name, config, sweep }) => this.add(name, config, '', this.view.order.length, sweep));
  }

  update({ id, name, config, note }: { id: string; name?: string; config?: RunConfig; note?: string }): Run {
    const run = this.idle(id);
    const configChanged = config !== undefined && JSON.stringify(config) !== JSON.stringify(run.config);
    // A new config is no longer the sweep's point: the run leaves its sweep (its tag would contradict the config).
    const next: Run = configChanged ? untrained({ ...run, config, sweep: undefined }) : { ...run };
    if (name !== undefined) next.name = name;
    if (note !== undefined) next.note = note;
    return this.put(next);
  }

  /** A copy placed right after its original on the board. */
  duplicate(id: string): Run {
    const run = this.get(id);
    return this.add(`${run.name} (copy)`.slice(0, 80), run.config, run.note, this.view.order.indexOf(id) + 1);
  }

  remove(id: string): void {
    this.idle(id);
    this.runs.delete(id);
    this.view.order = this.view.order.filter((x) => x !== id);
    this.view.hiddenInOverlay = this.view.hiddenInOverlay.filter((x) => x !== id);
    this.view.compare = this.view.compare.filter((x) => x !== id);
    this.hooks.event('run:removed', { id });
  }

  setView(partial: Partial<ViewState>): ViewState {
    const next = this.normalizeView({ ...this.view, ...partial });
    if (JSON.stringify(next) !== JSON.stringify(this.view)) {
      this.view = next;
      this.hooks.event('view:changed', this.currentView());
    }
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
      this.put({ ...untrained(this.get(id)), status: 'queued' });
    }
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
        keep: this.hooks.keepOf?.(this.get(id)),
        signal: controller.signal,
        onStart: () => patch({ status: 'training' }),
        onProgress: (progress) => this.progress.push(id, progress),
        onEpoch: (record) => this.addEpoch(id, record),
      });
    } catch (err) {
      outcome = { kind: 'failed', reason: err instanceof Error ? err.message : String(err) };
    }
    this.training.delete(id);
    this.progress.clear(id);
    this.finish(id, outcome);
  }

  /** One more history row: the run keeps it and the event carries that row alone. */
  private addEpoch(id: string, record: Run['history'][number]): void {
    const run = this.runs.get(id);
    if (!run) return;
    this.runs.set(id, { ...run, history: [...run.history, record] });
    this.hooks.event('run:epoch', { id, record });
  }

  /** The run's outcome, announced once as `run:finished` with what earlier events did not carry. */
  private finish(id: string, outcome: RunOutcome): void {
    const run = this.runs.get(id);
    if (!run) return;
    let next: Run;
    if (outcome.kind === 'result') {
      const { status, ...result } = outcome.result;
      next = { ...run, ...result, status };
    } else if (outcome.kind === 'failed') {
      next = { ...run, status: 'failed', error: outcome.reason };
    } else {
      next = { ...run, status: 'cancelled' };
    }
    this.runs.set(id, next);
    this.hooks.event('run:finished', diffRun(run, next) ?? { id, set: { status: next.status }, unset: [] });
  }

  /** Refuses to grow the session past its run limit (so it stays quick to handle and possible to save). */
  private ensureRoom(adding: number): void {
    const has = this.runs.size;
    if (has + adding <= MAX_RUNS_PER_SESSION) return;
    const more = adding === 1 ? '' : `, and ${adding} more would not fit`;
    throw new LabError('bad-request', `a session holds at most ${MAX_RUNS_PER_SESSION} runs (it has ${has}${more})`);
  }

  /** Order lists every run exactly once; hidden and compared ids exist. */
  private normalizeView(view: ViewState): ViewState {
    const known = [...new Set(view.order)].filter((id) => this.runs.has(id));
    const missing = [...this.runs.keys()].filter((id) => !known.includes(id));
    const existing = (ids: string[]) => [...new Set(ids)].filter((id) => this.runs.has(id));
    return {
      order: [...known, ...missing],
      layout: view.layout,
      hiddenInOverlay: existing(view.hiddenInOverlay),
      compare: existing(view.compare),
      tab: view.tab,
      table: view.table,
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
    const prev = this.runs.get(run.id);
    if (!prev) return run;
    this.runs.set(run.id, run);
    const patch = diffRun(prev, run);
    if (patch) this.hooks.event('run:changed', patch);
    return run;
  }
}
