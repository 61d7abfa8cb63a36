import type { LabState } from '../../../shared/contract.js';
import type { Run } from '../../../shared/schemas/run.js';
import type { ViewState } from '../../../shared/schemas/session.js';
import { orderRuns } from '../lib/run-order.js';
import { mergeRuns } from './run-merge.js';

/**
 * A mirror of the lab service's state: the service is the truth, this only follows its pushes.
 * Runs are immutable ($state.raw: no deep proxies over weights and snapshots) and shared
 * structurally between pushes, so a push that changes one run re-renders only that run.
 */
class LabStore {
  runs = $state.raw<Run[]>([]);
  view = $state.raw<ViewState>({ order: [], layout: 'columns', hiddenInOverlay: [] });
  session = $state.raw<LabState['session']>({ path: null, title: 'Untitled', dirty: false });
  loaded = $state(false);
  /** Why unsaved work is not being copied to disk, while the host's last recovery write failed. */
  recoveryError = $state<string | null>(null);
  ordered = $derived(orderRuns(this.runs, this.view.order));
  /** Some run is training: charts skip their animations while data streams in. */
  training = $derived(this.runs.some((r) => r.status === 'training'));
  /** Change keys of the runs currently held (see run-merge.ts). */
  private keys = new WeakMap<Run, string>();

  apply(state: LabState): void {
    this.runs = mergeRuns(this.runs, state.runs, this.keys);
    if (JSON.stringify(state.view) !== JSON.stringify(this.view)) this.view = state.view;
    if (JSON.stringify(state.session) !== JSON.stringify(this.session)) this.session = state.session;
    this.recoveryError = state.recoveryError ?? null;
    this.loaded = true;
  }

  /** Replaces one run as soon as a call returns it, before the next push arrives. */
  upsert(run: Run): void {
    const i = this.runs.findIndex((r) => r.id === run.id);
    const next = i >= 0 ? this.runs.map((r, j) => (j === i ? run : r)) : [...this.runs, run];
    this.runs = mergeRuns(this.runs, next, this.keys);
  }

  /** Picks the run's colour everywhere; by service order so reordering the board keeps colours. */
  colorIndex(id: string): number {
    return Math.max(0, this.runs.findIndex((r) => r.id === id));
  }
}

export const lab = new LabStore();
