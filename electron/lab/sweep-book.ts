import type { EventPayload } from '../../shared/contract.js';
import { LabError } from '../../shared/errors.js';
import type { RunConfig } from '../../shared/schemas/run-config.js';
import type { Run } from '../../shared/schemas/run.js';
import type { KeepableSeries, RunSweepTag, Sweep, SweepSpec } from '../../shared/schemas/sweep.js';
import { expandSweep } from '../../shared/sweeps/expand.js';
import { sweepProgress } from '../../shared/sweeps/progress.js';
import { sweepRunName } from '../../shared/sweeps/run-name.js';
import { newRunId } from './run-id.js';
import { Throttle } from './workers/progress-throttle.js';

/** At most this often a sweep's progress is pushed while it trains (state changes go at once). */
const SWEEP_EVENT_MS = 250;

/** What the sweeps need of the lab: its runs, adding and training them, and a way to tell the pages. */
export interface SweepHost {
  runs(): Run[];
  find(id: string): Run | undefined;
  addAll(entries: { name: string; config: RunConfig; sweep: RunSweepTag }[]): Run[];
  /** Resolves when the run has ended (done, failed or cancelled). */
  train(id: string): Promise<unknown>;
  cancel(ids: string[]): number;
  /** Runs trained at once at most: a sweep keeps no more than this many of its runs in the pool. */
  parallel(): number;
  changed(payload: EventPayload<'sweep:changed'>): void;
  /** The sweeps' definitions or states changed: the session has unsaved changes. */
  dirty(): void;
}

const finished = (run: Run | undefined) => run?.status === 'done' || run?.status === 'failed';

/**
 * The session's sweeps and the feeding of their runs to the worker pool. A running sweep keeps at most
 * `parallel` of its runs training and starts the next as one ends, so pausing is simply not starting more
 * (the runs waiting stay idle, untouched), and a resume picks every run not yet done or failed: a finished
 * run is never trained again.
 */
export class SweepBook {
  private sweeps = new Map<string, Sweep>();
  /** Run ids a running sweep will start, in order. */
  private readonly pending = new Map<string, string[]>();
  private readonly inFlight = new Map<string, Set<string>>();
  /** Runs finished since the sweep last started or resumed, and when that was: the rate and the ETA. */
  private readonly rate = new Map<string, { since: number; finished: number }>();
  private readonly settled = new Map<string, Array<() => void>>();
  private readonly throttle: Throttle<null>;

  constructor(private readonly host: SweepHost) {
    this.throttle = new Throttle(SWEEP_EVENT_MS, (id) => this.announce(id));
  }

  list(): Sweep[] {
    return [...this.sweeps.values()];
  }

  /** A loaded session's sweeps: one saved (or recovered) while running comes back paused, offered to resume. */
  load(sweeps: readonly Sweep[]): void {
    this.pending.clear();
    this.inFlight.clear();
    this.rate.clear();
    this.sweeps = new Map(sweeps.map((s) => [s.id, s.state === 'running' ? { ...s, state: 'paused' } : s]));
  }

  /** The optional series a sweep's run collects: those its spec keeps. */
  keepOf(run: Run): readonly KeepableSeries[] | undefined {
    return run.sweep ? this.sweeps.get(run.sweep.id)?.spec.keep : undefined;
  }

  start(name: string, spec: SweepSpec): { sweep: Sweep; runIds: string[] } {
    const points = expandSweep(spec);
    const id = newRunId((x) => this.sweeps.has(x), 'w');
    // Only what varies names a run: an axis of one value is the same for every run of the sweep (a variant
    // names itself by its label).
    const varied = new Set([...spec.axes.filter((a) => a.values.length > 1).map((a) => a.path), 'training.seed']);
    const entries = points.map(({ config, values, variant }) => ({
      name: sweepRunName(Object.fromEntries(Object.entries(values).filter(([path]) => varied.has(path))), variant),
      config,
      sweep: { id, values },
    }));
    const sweep: Sweep = { id, name, spec, state: 'running', createdAt: new Date().toISOString() };
    this.sweeps.set(id, sweep);
    let runIds: string[];
    try {
      runIds = this.host.addAll(entries).map((r) => r.id);
    } catch (err) {
      this.sweeps.delete(id);
      throw err;
    }
    this.host.dirty();
    this.run(id, runIds);
    return { sweep, runIds };
  }

  pause(id: string): Sweep {
    const sweep = this.get(id);
    if (sweep.state !== 'running') return sweep;
    this.pending.delete(id);
    return this.setState(id, 'paused');
  }

  /** Queues every run of the sweep not yet done or failed (those training go on); a finished sweep stays done. */
  resume(id: string): Sweep {
    this.get(id);
    const busy = this.inFlight.get(id) ?? new Set<string>();
    const left = this.runsOf(id).filter((r) => !finished(r) && !busy.has(r.id));
    this.run(
      id,
      left.map((r) => r.id),
    );
    return this.get(id);
  }

  /** Starts no more of its runs and cancels those training (they end 'cancelled'; a resume trains them again). */
  cancel(id: string): Sweep {
    this.get(id);
    this.pending.delete(id);
    this.host.cancel([...(this.inFlight.get(id) ?? [])]);
    return this.setState(id, this.runsOf(id).every(finished) ? 'done' : 'cancelled');
  }

  /** Resolves when none of the sweep's runs trains and none will start until it is resumed (or it is done). */
  whenSettled(id: string): Promise<Sweep> {
    return new Promise((resolve) => {
      const check = () => resolve(this.get(id));
      if (this.isSettled(id)) return check();
      this.settled.set(id, [...(this.settled.get(id) ?? []), check]);
    });
  }

  /** A run changed (started, ended): its sweep's progress is due, throttled. */
  runChanged(runId: string): void {
    const tag = this.host.find(runId)?.sweep;
    if (tag && this.sweeps.has(tag.id)) this.throttle.push(tag.id, null);
  }

  /** The sweep's progress now: counts of its runs and the rate since it last (re)started. */
  progress(id: string): EventPayload<'sweep:changed'>['progress'] {
    const rate = this.rate.get(id);
    const seconds = rate ? (Date.now() - rate.since) / 1000 : 0;
    return sweepProgress(
      this.runsOf(id).map((r) => r.status),
      { finishedSince: rate?.finished ?? 0, seconds },
    );
  }

  private run(id: string, runIds: string[]): void {
    this.pending.set(id, [...runIds]);
    this.rate.set(id, { since: Date.now(), finished: 0 });
    this.setState(id, 'running');
    this.feed(id);
  }

  /** Starts the sweep's next runs while it runs and has fewer than `parallel` in the pool; ends it when all are. */
  private feed(id: string): void {
    const queue = this.pending.get(id) ?? [];
    const busy = this.inFlight.get(id) ?? new Set<string>();
    this.inFlight.set(id, busy);
    while (this.get(id).state === 'running' && busy.size < this.host.parallel() && queue.length) {
      const runId = queue.shift()!;
      const run = this.host.find(runId);
      // Removed since, finished, or trained by hand meanwhile: not this sweep's to start.
      if (!run || finished(run) || run.status === 'queued' || run.status === 'training') continue;
      busy.add(runId);
      void this.host.train(runId).then(
        () => this.ended(id, runId),
        () => this.ended(id, runId),
      );
    }
    if (this.get(id).state === 'running' && busy.size === 0 && queue.length === 0) {
      this.pending.delete(id);
      this.setState(id, this.runsOf(id).every(finished) ? 'done' : 'paused');
    }
    if (this.isSettled(id)) this.release(id);
  }

  private ended(id: string, runId: string): void {
    if (!this.sweeps.has(id)) return; // another session was loaded meanwhile
    this.inFlight.get(id)?.delete(runId);
    const rate = this.rate.get(id);
    const run = this.host.find(runId);
    if (rate && finished(run)) rate.finished++;
    this.throttle.push(id, null);
    // Cancelled from outside the sweep (Cancel all, or the run's own cancel): the person wants training to
    // stop, so the sweep pauses rather than start the next run behind their back.
    if (run?.status === 'cancelled' && this.get(id).state === 'running') this.pause(id);
    this.feed(id);
  }

  private isSettled(id: string): boolean {
    const sweep = this.sweeps.get(id);
    return !sweep || (sweep.state !== 'running' && (this.inFlight.get(id)?.size ?? 0) === 0);
  }

  private release(id: string): void {
    const waiting = this.settled.get(id) ?? [];
    this.settled.delete(id);
    for (const resolve of waiting) resolve();
  }

  private setState(id: string, state: Sweep['state']): Sweep {
    const sweep = { ...this.get(id), state };
    const changed = sweep.state !== this.get(id).state;
    this.sweeps.set(id, sweep);
    if (changed) this.host.dirty();
    // A state change is news at once; progress alone waits its turn.
    this.throttle.clear(id);
    this.announce(id);
    if (this.isSettled(id)) this.release(id);
    return sweep;
  }

  private announce(id: string): void {
    const sweep = this.sweeps.get(id);
    if (sweep) this.host.changed({ sweep, progress: this.progress(id) });
  }

  private runsOf(id: string): Run[] {
    return this.host.runs().filter((r) => r.sweep?.id === id);
  }

  private get(id: string): Sweep {
    const sweep = this.sweeps.get(id);
    if (!sweep) throw new LabError('not-found', `no sweep with id ${id}`);
    return sweep;
  }
}
