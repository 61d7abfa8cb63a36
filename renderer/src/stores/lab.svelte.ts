import type { LabEvent, LabState } from '../../../shared/contract.js';
import type { Run } from '../../../shared/schemas/run.js';
import { emptyView, type ViewState } from '../../../shared/schemas/session.js';
import type { Sweep } from '../../../shared/schemas/sweep.js';
import type { SweepProgress } from '../../../shared/sweeps/progress.js';
import { comparedRuns, orderRuns } from '../lib/run-order.js';
import { applyLabEvent, type LabMirror } from './lab-mirror.js';
import { notices } from './notices.svelte.js';

/** How often the views of many runs follow the runs while some train. */
const SETTLE_MS = 1000;

/**
 * A mirror of the lab service's state: the service is the truth, this only follows its events.
 * Runs are immutable ($state.raw: no deep proxies over weights and snapshots) and an event
 * replaces only the run it names, so a change to one run re-renders only that run.
 */
class LabStore {
  runs = $state.raw<Run[]>([]);
  view = $state.raw<ViewState>(emptyView());
  session = $state.raw<LabState['session']>({ path: null, title: 'Untitled', dirty: false, notices: [] });
  loaded = $state(false);
  /** Why unsaved work is not being copied to disk, while the host's last recovery write failed. */
  recoveryError = $state<string | null>(null);
  /** The session's sweeps and each one's progress (done / failed / total, runs per second, ETA) by id. */
  sweeps = $state.raw<Sweep[]>([]);
  sweepProgress = $state.raw<Record<string, SweepProgress>>({});
  ordered = $derived(orderRuns(this.runs, this.view.order));
  /** The runs the board, overlay and analysis show: the chosen ones (view.compare), else the first four. */
  compared = $derived(comparedRuns(this.ordered, this.view.compare));
  /** Some run is training: charts skip their animations while data streams in. */
  training = $derived(this.runs.some((r) => r.status === 'training'));
  /**
   * The runs as the views of many runs (the runs table, group views) read them: the same as `runs`, but
   * while runs train, at most once a second. A sweep finishes a run every few milliseconds; redrawing a
   * 1,000-row table and four group charts for each would block the page.
   */
  settledRuns = $state.raw<Run[]>([]);
  private settleTimer: ReturnType<typeof setTimeout> | undefined;

  /** A whole state (the snapshot a page asks for when it connects). */
  apply(state: LabState): void {
    this.handle(['lab:state', state]);
  }

  /** Applies one pushed event; parts it leaves alone keep their objects, so nothing else redraws. */
  handle(event: LabEvent): void {
    const { runs, view, session, recoveryError, sweeps, sweepProgress } = this;
    const current: LabMirror = { runs, view, session, recoveryError, sweeps, sweepProgress };
    const next = applyLabEvent(current, event);
    if (next.runs !== current.runs) {
      this.runs = next.runs;
      this.settle(event[0] === 'lab:state' || !next.runs.some((r) => r.status === 'training' || r.status === 'queued'));
    }
    if (next.sweeps !== current.sweeps) this.sweeps = next.sweeps;
    if (next.sweepProgress !== current.sweepProgress) this.sweepProgress = next.sweepProgress;
    if (next.view !== current.view) this.view = next.view;
    if (next.session !== current.session) this.session = next.session;
    this.recoveryError = next.recoveryError;
    if (event[0] === 'lab:state') {
      this.loaded = true;
      this.announce(next.session.notices);
    }
  }

  private settle(now: boolean): void {
    if (now) {
      clearTimeout(this.settleTimer);
      this.settleTimer = undefined;
      this.settledRuns = this.runs;
    } else
      this.settleTimer ??= setTimeout(() => {
        this.settleTimer = undefined;
        this.settledRuns = this.runs;
      }, SETTLE_MS);
  }

  /** What opening the file changed, told once per document (a page that reconnects is not told again). */
  private announced = '';
  private announce(lines: readonly string[]): void {
    const key = lines.join('\n');
    if (key === this.announced) return;
    this.announced = key;
    for (const line of lines) notices.push('info', line, 20_000);
  }

  /** Picks the run's colour everywhere; by service order so reordering the board keeps colours. */
  colorIndex(id: string): number {
    return Math.max(
      0,
      this.runs.findIndex((r) => r.id === id),
    );
  }
}

export const lab = new LabStore();
