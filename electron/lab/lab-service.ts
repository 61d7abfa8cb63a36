import type { z } from 'zod';
import { APP_VERSION } from '../../shared/app-version.js';
import {
  type AppInfo,
  type InvokeChannel,
  type InvokeResponse,
  type LabState,
  invokeContract,
} from '../../shared/contract.js';
import { LabError } from '../../shared/errors.js';
import type { LabChannel } from '../../shared/channels.js';
import { PRESETS } from '../../shared/presets.js';
import { runConfigSchema } from '../../shared/schemas/run-config.js';
import type { Session } from '../../shared/schemas/session.js';
import type { Sweep } from '../../shared/schemas/sweep.js';
import { LabEvents, type LabListener } from './lab-events.js';
import type { RecoveryOffer } from '../../shared/schemas/recovery.js';
import { RecoveryGuard } from './recovery/recovery-guard.js';
import { RunRegistry, type RunEvent } from './run-registry.js';
import { emptyView } from '../../shared/schemas/session.js';
import { SweepBook } from './sweep-book.js';
import { SessionDocument, type SessionMeta } from './sessions/session-document.js';
import type { SessionPathPolicy } from './sessions/session-paths.js';
import { makeSession, parseSessionWithNotices, serializeSession } from './sessions/session-file.js';
import { sessionReport } from '../report/write-report.js';
import type { WorkerFactory } from './workers/worker-pool.js';
import { escapeUnsafe } from '../../shared/text-safety.js';
import { MAX_LOAD_NOTICES } from '../../shared/limits.js';

export type { LabEvent, LabListener } from './lab-events.js';

export type LabRequest<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['request']>;
type Handlers = { [C in LabChannel]: (request: LabRequest<C>) => Promise<InvokeResponse<C>> };

export interface LabServiceOptions {
  workerFactory: WorkerFactory;
  /** Runs trained at once; default: the number of cores. */
  maxParallel?: number;
  /** Who runs the service, as app:info reports it; nothing else depends on it. */
  host: AppInfo['host'];
  /**
   * Where session files may be: absolute paths (the user picked them in a dialog or on the command line),
   * or only names inside one folder (browser mode: a page must never reach outside it).
   */
  paths: SessionPathPolicy;
  /** The folder unsaved work is copied to while dirty (one file per process); no copies when absent. */
  recoveryDir?: string;
  /** The single copy older versions kept: moved into `recoveryDir` at start, so an upgrade loses nothing. */
  legacyRecoveryFile?: string;
  recoveryDelayMs?: number;
  /** Copies of unsaved work started failing (once per spell of failures): hosts log it. */
  onRecoveryError?: (reason: string, detail: string) => void;
  /** Extra entries for app:info (e.g. electron, chrome). */
  versions?: Record<string, string>;
  cancelGraceMs?: number;
}

/**
 * The host side's only state: runs, what trains, the view and the open
 * session. Electron IPC, the browser-mode server and the CLI are thin
 * adapters over `handle` (through dispatch.ts) and `subscribe`.
 * The parts: RunRegistry (runs, view, training), SessionDocument (the file),
 * RecoveryGuard (the unsaved-work copy) and LabEvents (subscribers).
 */
export class LabService {
  private readonly events = new LabEvents();
  private readonly document: SessionDocument;
  private readonly registry: RunRegistry;
  private readonly sweeps: SweepBook;
  private readonly recoveryGuard: RecoveryGuard;

  constructor(private readonly options: LabServiceOptions) {
    this.document = new SessionDocument(options.paths);
    this.registry = new RunRegistry(
      options.workerFactory,
      { maxParallel: options.maxParallel, cancelGraceMs: options.cancelGraceMs },
      { event: (...event) => this.runEvent(event), keepOf: (run) => this.sweeps.keepOf(run) },
    );
    this.sweeps = new SweepBook({
      runs: () => this.registry.list(),
      find: (id) => this.registry.find(id),
      addAll: (entries) => this.registry.addAll(entries),
      train: (id) => this.registry.train([id]),
      cancel: (ids) => this.registry.cancel(ids),
      parallel: () => this.registry.parallel,
      changed: (payload) => this.events.emit('sweep:changed', payload),
      dirty: () => this.markDirty(),
    });
    const { recoveryDir, legacyRecoveryFile, recoveryDelayMs } = options;
    this.recoveryGuard = new RecoveryGuard(
      recoveryDir ? { dir: recoveryDir, legacyFile: legacyRecoveryFile, delayMs: recoveryDelayMs ?? 2000 } : null,
      { snapshot: () => this.snapshot(), dirty: () => this.document.dirty },
      {
        changed: () => this.events.emit('recovery:changed', { error: this.recoveryGuard.error }),
        failed: (reason, detail) => options.onRecoveryError?.(reason, detail),
      },
    );
  }

  subscribe(listener: LabListener): () => void {
    return this.events.subscribe(listener);
  }

  handle<C extends LabChannel>(channel: C, request: LabRequest<C>): Promise<InvokeResponse<C>> {
    const handler = this.handlers[channel] as (r: LabRequest<C>) => Promise<InvokeResponse<C>>;
    return handler(request);
  }

  state(): LabState {
    const recoveryError = this.recoveryGuard.error;
    return {
      runs: this.registry.list(),
      view: this.registry.currentView(),
      session: this.document.summary(),
      ...(recoveryError === null ? {} : { recoveryError }),
      sweeps: this.sweeps.list(),
    };
  }

  /** Resolves when none of the sweep's runs trains and none will start until it is resumed (the CLI waits on it). */
  sweepSettled(id: string): Promise<Sweep> {
    return this.sweeps.whenSettled(id);
  }

  /** A sweep's progress now (counts of its runs, the rate since it last started). */
  sweepProgress(id: string): ReturnType<SweepBook['progress']> {
    return this.sweeps.progress(id);
  }

  /** The session as it would be saved now (queued and training runs go in untrained, as 'idle'). */
  snapshot(): Session {
    return this.document.make({ ...this.registry.forSession(), sweeps: this.sweeps.list() });
  }

  /**
   * The copies of unsaved work on offer, newest first: those earlier processes
   * left, and work this process set aside to restore another. Its own copy is never offered.
   */
  recovery(): Promise<RecoveryOffer> {
    return this.recoveryGuard.offered();
  }

  /** Loads an offered copy as an unsaved, untitled session; unsaved work open now keeps its own copy, offered in turn. */
  async restoreRecovery(id: string): Promise<LabState> {
    this.registry.ensureQuiet('restore unsaved work');
    const copy = await this.recoveryGuard.take(id);
    this.load(copy, { path: null, title: 'Untitled', dirty: true, notices: [] });
    return this.state();
  }

  /** Deletes one offered copy; the others stay offered. */
  discardRecovery(id: string): Promise<void> {
    return this.recoveryGuard.discard(id);
  }

  /** The user closes without saving: this process's copy goes (offered copies stay until decided). */
  discardOwnRecovery(): Promise<void> {
    return this.recoveryGuard.dropOwn();
  }

  /** Cancels every run, ends the pool's workers and waits for pending recovery writes (host shutdown, tests). */
  async close(): Promise<void> {
    this.registry.close();
    await this.recoveryGuard.close();
  }

  private readonly handlers: Handlers = {
    'app:info': async () => ({
      name: 'RNN Lab',
      version: APP_VERSION,
      host: this.options.host,
      backend: await this.registry.backend(),
      versions: { node: process.versions.node, v8: process.versions.v8, ...this.options.versions },
    }),
    'lab:state': async () => this.state(),
    'runs:add': async ({ name, config }) => this.registry.add(name, config),
    'runs:addPreset': async ({ preset, samples }) =>
      this.registry.addAll(
        PRESETS[preset].runs.map(({ name, config }) => ({
          name,
          config: runConfigSchema.parse(samples ? { ...config, task: { ...config.task, samples } } : config),
        })),
      ),
    'runs:update': async (request) => this.registry.update(request),
    'runs:duplicate': async ({ id }) => this.registry.duplicate(id),
    'runs:remove': async ({ id }) => {
      this.registry.remove(id);
      return { ok: true as const };
    },
    // "Train all" leaves a sweep's runs to their sweep (resume it): it would retrain the finished ones.
    'runs:train': async ({ ids }) =>
      this.registry.train(ids ?? this.registry.list().flatMap((r) => (r.sweep ? [] : [r.id]))),
    'runs:cancel': async ({ ids }) => ({ cancelled: this.registry.cancel(ids) }),
    'sweeps:start': async ({ name, spec }) => this.sweeps.start(name, spec),
    'sweeps:pause': async ({ id }) => this.sweeps.pause(id),
    'sweeps:resume': async ({ id }) => this.sweeps.resume(id),
    'sweeps:cancel': async ({ id }) => this.sweeps.cancel(id),
    'view:set': async (partial) => this.registry.setView(partial),
    'session:new': async () => {
      this.registry.ensureQuiet('start a new session');
      this.load(makeSession({ runs: [], view: emptyView() }), {
        path: null,
        title: 'Untitled',
        dirty: false,
        notices: [],
      });
      await this.recoveryGuard.dropOwn();
      return this.state();
    },
    'session:open': async ({ path }) => {
      this.registry.ensureQuiet('open a session');
      if (!path) throw new LabError('bad-request', 'session:open needs a path');
      const { session, meta } = await this.document.read(path);
      this.load(session, meta);
      await this.recoveryGuard.dropOwn();
      return this.state();
    },
    'session:openText': async ({ name: picked, text }) => {
      this.registry.ensureQuiet('open a session');
      // The picked file's name becomes the title and appears in errors: a control or bidi character in it is shown escaped, never obeyed.
      const name = escapeUnsafe(picked, true);
      const { session, notices } = parseSessionWithNotices(text, name);
      this.load(session, { path: null, title: name, dirty: false, notices: notices.slice(0, MAX_LOAD_NOTICES) });
      await this.recoveryGuard.dropOwn();
      return this.state();
    },
    'session:save': async ({ path }) => {
      await this.document.write(path, this.snapshot());
      await this.recoveryGuard.dropOwn();
      this.events.emit('session:changed', this.document.summary());
      return this.state();
    },
    'session:list': async () => this.document.list(),
    'session:serialize': async () => ({ name: this.document.suggestedName(), text: serializeSession(this.snapshot()) }),
    'report:build': async (request) => sessionReport(this.snapshot(), this.document.suggestedName(), request),
    'session:recovery': async () => this.recovery(),
    'session:restoreRecovery': async ({ id }) => this.restoreRecovery(id),
    'session:discardRecovery': async ({ id }) => {
      await this.discardRecovery(id);
      return { ok: true as const };
    },
  };

  /** A whole new document: everything changed, so the pages get one snapshot. */
  private load(session: Session, meta: SessionMeta): void {
    this.registry.load(session.runs, session.view);
    this.sweeps.load(session.sweeps);
    this.document.adopt(session, meta);
    if (meta.dirty) this.recoveryGuard.schedule();
    this.events.emit('lab:state', this.state());
  }

  /** Passes a run or view event on; all but progress make the session dirty (announced when it becomes so). */
  private runEvent(event: RunEvent): void {
    this.events.emit(...event);
    if (event[0] === 'run:progress') return;
    if (event[0] === 'run:changed' || event[0] === 'run:finished') this.sweeps.runChanged(event[1].id);
    this.markDirty();
  }

  /** The session has unsaved changes from here on (announced when it becomes so). */
  private markDirty(): void {
    const wasDirty = this.document.dirty;
    this.document.markDirty();
    this.recoveryGuard.schedule();
    if (!wasDirty) this.events.emit('session:changed', this.document.summary());
  }
}
