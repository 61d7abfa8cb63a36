import type { LabState } from '../../../shared/contract.js';
import type { Run } from '../../../shared/schemas/run.js';
import type { ViewState } from '../../../shared/schemas/session.js';
import { orderRuns } from '../lib/run-order.js';

/** A mirror of the lab service's state: the service is the truth, this only follows its pushes. */
class LabStore {
  runs = $state<Run[]>([]);
  view = $state<ViewState>({ order: [], layout: 'columns', hiddenInOverlay: [] });
  session = $state<LabState['session']>({ path: null, title: 'Untitled', dirty: false });
  loaded = $state(false);
  ordered = $derived(orderRuns(this.runs, this.view.order));

  apply(state: LabState): void {
    this.runs = state.runs;
    this.view = state.view;
    this.session = state.session;
    this.loaded = true;
  }

  /** Replaces one run as soon as a call returns it, before the next push arrives. */
  upsert(run: Run): void {
    const i = this.runs.findIndex((r) => r.id === run.id);
    if (i >= 0) this.runs[i] = run;
    else this.runs = [...this.runs, run];
  }

  /** Picks the run's colour everywhere; by service order so reordering the board keeps colours. */
  colorIndex(id: string): number {
    return Math.max(0, this.runs.findIndex((r) => r.id === id));
  }
}

export const lab = new LabStore();
