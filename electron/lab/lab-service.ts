import { mkdir } from 'node:fs/promises';
import type { z } from 'zod';
import { APP_VERSION } from '../../shared/app-version.js';
import {
  type AppInfo,
  type EventPayload,
  type InvokeChannel,
  type InvokeResponse,
  type LabState,
  invokeContract,
} from '../../shared/contract.js';
import { LabError } from '../../shared/errors.js';
import { PRESETS } from '../../shared/presets.js';
import { runConfigSchema, type RunConfig } from '../../shared/schemas/run-config.js';
import type { BackendInfo } from '../../shared/schemas/run-result.js';
import type { Run } from '../../shared/schemas/run.js';
import { type Session, type ViewState } from '../../shared/schemas/session.js';
import { Throttle } from './progress-throttle.js';
import { RecoveryCopy, type RecoveryInfo } from './recovery-copy.js';
import { newRunId } from './run-id.js';
import { makeSession, parseSession, readSessionFile, serializeSession, writeSessionFile } from './session-file.js';
import { listSessions, resolveSessionPath, titleOf, type SessionPathPolicy } from './session-paths.js';
import { WorkerPool, type RunOutcome, type WorkerFactory } from './worker-pool.js';

export type LabRequest<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['request']>;
type Handlers = { [C in InvokeChannel]: (request: LabRequest<C>) => Promise<InvokeResponse<C>> };

/** (event, payload) pairs the service pushes; hosts forward them to the page. */
export type LabEvent =
  | [event: 'lab:state', payload: EventPayload<'lab:state'>]
  | [event: 'run:progress', payload: EventPayload<'run:progress'>];
export type LabListener = (...event: LabEvent) => void;

export interface LabServiceOptions {
  workerFactory: WorkerFactory;
  /** Runs trained at once; default: the number of cores. */
  maxParallel?: number;
  /** 'electron' takes absolute paths; 'browser' takes names inside `sessionsDir`. */
  host: AppInfo['host'];
  /** Required in browser mode: the only folder sessions are read from and written to. */
  sessionsDir?: string;
  /** Where unsaved work is copied while dirty; none when absent. */
  recoveryPath?: string;
  recoveryDelayMs?: number;
  /** Extra entries for app:info (e.g. electron, chrome). */
  versions?: Record<string, string>;
  cancelGraceMs?: number;
}

const PROGRESS_INTERVAL_MS = 50; // ≤ 20 events per second per run
const emptyView = (): ViewState => ({ order: [], layout: 'columns', hiddenInOverlay: [] });
/** The run without results: 'idle' until it is asked to train. */
const untrained = (run: Run): Run => ({
  id: run.id, name: run.name, config: run.config, note: run.note, status: 'idle',
  history: [], batchLoss: [], predictions: [], snapshots: [],
});

/**
 * The host side's only state: runs, what trains, the view and the open
 * session. Electron IPC, the browser-mode server and the CLI are thin
 * adapters over `handle` (through dispatch.ts) and `subscribe`.
 */
export class LabService {
  private runs = new Map<string, Run>();
  private view: ViewState = emptyView();
  private session = { path: null as string | null, title: 'Untitled', dirty: false, createdAt: new Date().toISOString() };
  private readonly training = new Map<string, AbortController>();
  private readonly listeners = new Set<LabListener>();
  private readonly pool: WorkerPool;
  private readonly policy: SessionPathPolicy;
  private readonly recoveryCopy: RecoveryCopy | null;
  private readonly progress: Throttle<EventPayload<'run:progress'>['progress']>;
  private backendInfo: Promise<BackendInfo> | null = null;
  /** The copy a previous process left behind, read once at start; offered until restored or discarded. */
  private readonly leftover: Promise<RecoveryInfo | null>;
  private leftoverSettled = false;

  constructor(private readonly options: LabServiceOptions) {
    this.pool = new WorkerPool(options.workerFactory, { maxParallel: options.maxParallel, cancelGraceMs: options.cancelGraceMs });
    if (options.host === 'browser' && !options.sessionsDir) throw new Error('browser mode needs a sessionsDir');
    this.policy = options.host === 'browser' ? { kind: 'folder', dir: options.sessionsDir! } : { kind: 'absolute' };
    this.recoveryCopy = options.recoveryPath ? new RecoveryCopy(options.recoveryPath, options.recoveryDelayMs ?? 2000) : null;
    this.progress = new Throttle(PROGRESS_INTERVAL_MS, (id, progress) => this.emit('run:progress', { id, progress }));
    this.leftover = (this.recoveryCopy?.info() ?? Promise.resolve(null)).then((info) => {
      if (!info) {
        this.settleLeftover();
        if (this.session.dirty) this.scheduleRecovery();
      }
      return info;
    });
  }

  subscribe(listener: LabListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  handle<C extends InvokeChannel>(channel: C, request: LabRequest<C>): Promise<InvokeResponse<C>> {
    const handler = this.handlers[channel] as (r: LabRequest<C>) => Promise<InvokeResponse<C>>;
    return handler(request);
  }

  state(): LabState {
    return {
      runs: [...this.runs.values()],
      view: structuredClone(this.view),
      session: { path: this.session.path, title: this.session.title, dirty: this.session.dirty },
    };
  }

  /** The session as it would be saved now (queued and training runs go in untrained, as 'idle'). */
  snapshot(): Session {
    const runs = [...this.runs.values()].map((run) => (this.training.has(run.id) ? untrained(run) : run));
    return makeSession({ runs, view: this.view, createdAt: this.session.createdAt });
  }

  /**
   * The recovery copy a previous process left, until it is restored or
   * discarded; null otherwise. This process's own copies are never offered.
   * While the offer stands, this process writes no copy of its own, so work
   * the user has not decided about is never overwritten.
   */
  async recovery(): Promise<RecoveryInfo | null> {
    const info = await this.leftover;
    return this.leftoverSettled ? null : info;
  }

  /** Loads the offered recovery copy as an unsaved, untitled session. */
  async restoreRecovery(): Promise<LabState> {
    this.ensureQuiet('restore unsaved work');
    const copy = (await this.recovery()) ? await this.recoveryCopy?.read() : null;
    if (!copy) throw new LabError('not-found', 'there is no recovery copy to restore');
    this.settleLeftover();
    this.load(copy, { path: null, title: 'Untitled', dirty: true });
    return this.state();
  }

  /** Deletes the recovery copy (the offered one, or this process's own when the user closes without saving). */
  async discardRecovery(): Promise<void> {
    await this.leftover;
    this.settleLeftover();
    await this.recoveryCopy?.discard();
  }

  /** Cancels every run, ends the pool's workers and waits for pending recovery writes (host shutdown, tests). */
  async close(): Promise<void> {
    for (const controller of this.training.values()) controller.abort();
    this.pool.close();
    this.recoveryCopy?.dispose();
    await this.recoveryCopy?.idle();
  }

  private readonly handlers: Handlers = {
    'app:info': async () => ({
      name: 'RNN Lab',
      version: APP_VERSION,
      host: this.options.host,
      backend: await this.backend(),
      versions: { node: process.versions.node, v8: process.versions.v8, ...this.options.versions },
    }),
    'lab:state': async () => this.state(),
    'runs:add': async ({ name, config }) => this.addRun(name, config),
    'runs:addPreset': async ({ preset, samples }) =>
      PRESETS[preset].map(({ name, config }) =>
        this.addRun(name, runConfigSchema.parse(samples ? { ...config, task: { ...config.task, samples } } : config)),
      ),
    'runs:update': async ({ id, name, config, note }) => {
      const run = this.idle(id);
      const configChanged = config !== undefined && JSON.stringify(config) !== JSON.stringify(run.config);
      const next: Run = configChanged ? untrained({ ...run, config }) : { ...run };
      if (name !== undefined) next.name = name;
      if (note !== undefined) next.note = note;
      return this.put(next);
    },
    'runs:duplicate': async ({ id }) => {
      const run = this.get(id);
      const copy = this.addRun(`${run.name} (copy)`.slice(0, 80), run.config, run.note);
      this.view.order = this.view.order.filter((x) => x !== copy.id);
      this.view.order.splice(this.view.order.indexOf(id) + 1, 0, copy.id);
      this.changed();
      return copy;
    },
    'runs:remove': async ({ id }) => {
      this.idle(id);
      this.runs.delete(id);
      this.view.order = this.view.order.filter((x) => x !== id);
      this.view.hiddenInOverlay = this.view.hiddenInOverlay.filter((x) => x !== id);
      this.changed();
      return { ok: true as const };
    },
    'runs:train': async ({ ids }) => this.train(ids),
    'runs:cancel': async ({ ids }) => {
      let cancelled = 0;
      for (const id of ids ?? [...this.training.keys()]) {
        const controller = this.training.get(id);
        if (controller && !controller.signal.aborted) {
          controller.abort();
          cancelled++;
        }
      }
      return { cancelled };
    },
    'view:set': async (partial) => {
      this.view = this.normalizeView({ ...this.view, ...partial });
      this.changed();
      return structuredClone(this.view);
    },
    'session:new': async () => {
      this.ensureQuiet('start a new session');
      this.load(makeSession({ runs: [], view: emptyView() }), { path: null, title: 'Untitled', dirty: false });
      await this.dropOwnRecovery();
      return this.state();
    },
    'session:open': async ({ path }) => {
      this.ensureQuiet('open a session');
      if (!path) throw new LabError('bad-request', 'session:open needs a path');
      const target = resolveSessionPath(this.policy, path);
      const session = await readSessionFile(target.file, titleOf(target.label));
      this.load(session, { path: target.label, title: titleOf(target.label), dirty: false });
      await this.dropOwnRecovery();
      return this.state();
    },
    'session:openText': async ({ name, text }) => {
      this.ensureQuiet('open a session');
      this.load(parseSession(text, name), { path: null, title: name, dirty: false });
      await this.dropOwnRecovery();
      return this.state();
    },
    'session:save': async ({ path }) => {
      const requested = path ?? this.session.path ?? (this.policy.kind === 'folder' ? this.suggestedName() : null);
      if (!requested) throw new LabError('bad-request', 'this session has no file yet: give a path to save it to');
      const target = resolveSessionPath(this.policy, requested);
      const session = this.snapshot();
      // The sessions folder is the app's own: recreate it if it went away while the app ran.
      if (this.policy.kind === 'folder') await mkdir(this.policy.dir, { recursive: true });
      await writeSessionFile(target.file, session);
      this.session = { ...this.session, path: target.label, title: titleOf(target.label), dirty: false };
      await this.dropOwnRecovery();
      this.emitState();
      return this.state();
    },
    'session:list': async () => (this.policy.kind === 'folder' ? listSessions(this.policy.dir) : []),
    'session:serialize': async () => ({ name: this.suggestedName(), text: serializeSession(this.snapshot()) }),
    'session:recovery': async () => {
      const info = await this.recovery();
      return info && { savedAt: info.modifiedAt, runs: info.runs };
    },
    'session:restoreRecovery': async () => this.restoreRecovery(),
    'session:discardRecovery': async () => {
      await this.discardRecovery();
      // The work open now is unsaved too: from here on it has a copy of its own.
      if (this.session.dirty) this.scheduleRecovery();
      return { ok: true as const };
    },
    'export:save': async () => {
      throw new LabError('bad-request', 'export:save is handled by the host, not the lab service');
    },
  };

  private addRun(name: string, config: RunConfig, note = ''): Run {
    const id = newRunId((x) => this.runs.has(x));
    const run: Run = untrained({ id, name, config, note, status: 'idle', history: [], batchLoss: [], predictions: [], snapshots: [] });
    this.runs.set(id, run);
    this.view.order.push(id);
    this.changed();
    return run;
  }

  private async train(ids: string[] | undefined): Promise<Run[]> {
    for (const id of ids ?? []) this.get(id);
    const targets = (ids ?? [...this.runs.keys()]).filter((id) => !this.training.has(id));
    for (const id of targets) {
      this.training.set(id, new AbortController());
      this.runs.set(id, { ...untrained(this.get(id)), status: 'queued' });
    }
    if (targets.length) this.changed();
    await Promise.all(targets.map((id) => this.trainOne(id)));
    return targets.map((id) => this.get(id));
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

  private backend(): Promise<BackendInfo> {
    this.backendInfo ??= this.pool.probe().catch((err: unknown) => ({
      name: 'unknown',
      reason: `no worker could load tfjs: ${err instanceof Error ? err.message : String(err)}`,
    }));
    return this.backendInfo;
  }

  private load(session: Session, meta: { path: string | null; title: string; dirty: boolean }): void {
    // Nothing trains in a freshly loaded session: a run saved mid-flight (by an older build or another tool) is idle.
    this.runs = new Map(session.runs.map((run) => [run.id, run.status === 'training' || run.status === 'queued' ? untrained(run) : run]));
    this.view = this.normalizeView(session.view);
    this.session = { ...meta, createdAt: session.createdAt };
    if (meta.dirty) this.changed();
    else this.emitState();
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

  private suggestedName(): string {
    const title = this.session.title === 'Untitled' ? 'untitled' : this.session.title;
    return title.endsWith('.rnnlab') ? title : `${title}.rnnlab`;
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

  private ensureQuiet(what: string): void {
    if (this.training.size) throw new LabError('busy', `runs are training; cancel them before you ${what}`);
  }

  private put(run: Run): Run {
    if (!this.runs.has(run.id)) return run;
    this.runs.set(run.id, run);
    this.changed();
    return run;
  }

  private changed(): void {
    this.session.dirty = true;
    this.scheduleRecovery();
    this.emitState();
  }

  private scheduleRecovery(): void {
    if (this.leftoverSettled) this.recoveryCopy?.schedule(() => this.snapshot(), () => this.session.dirty);
  }

  private settleLeftover(): void {
    this.leftoverSettled = true;
  }

  /** The session was saved or replaced: this process's copy goes; an offered one stays until the user decides. */
  private async dropOwnRecovery(): Promise<void> {
    await this.leftover;
    if (this.leftoverSettled) await this.recoveryCopy?.discard();
  }

  private emitState(): void {
    this.emit('lab:state', this.state());
  }

  private emit(...event: LabEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(...event);
      } catch {
        // A broken subscriber (closed window, dropped socket) must not stop the lab.
      }
    }
  }
}
