import type { LabEvent, LabState } from '../../../shared/contract.js';
import type { Run } from '../../../shared/schemas/run.js';
import { emptyView, type ViewState } from '../../../shared/schemas/session.js';
import type { Sweep } from '../../../shared/schemas/sweep.js';
import type { SweepProgress } from '../../../shared/sweeps/progress.js';
import { comparedRuns, orderRuns } from '../lib/run-order.js';
import { applyLabEvent, type LabMirror } from './lab-mirror.js';
import { notices } from './notices.svelte.js';

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

  /** A whole state (the snapshot a page asks for when it connects). */
  apply(state: LabState): void {
    this.handle(['lab:state', state]);
  }

  /** Applies one pushed event; parts it leaves alone keep their objects, so nothing else redraws. */
  handle(event: LabEvent): void {
    const { runs, view, session, recoveryError, sweeps, sweepProgress } = this;
    const current: LabMirror = { runs, view, session, recoveryError, sweeps, sweepProgress };
    const next = applyLabEvent(current, event);
    if (next.runs !== current.runs) this.runs = next.runs;
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
