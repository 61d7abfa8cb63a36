import type { Progress } from '../../../shared/schemas/progress.js';
import type { Run } from '../../../shared/schemas/run.js';
import { liveProgress } from '../lib/run-order.js';

/** Live training progress per run id; kept apart from the lab mirror because it changes 20× a second. */
class ProgressStore {
  byRun = $state<Record<string, Progress>>({});
  set(id: string, progress: Progress): void {
    this.byRun[id] = progress;
  }

  /** Only writes when an entry goes away, so a state push does not redraw every progress bar. */
  prune(runs: readonly Run[]): void {
    const live = liveProgress(this.byRun, runs);
    if (Object.keys(live).length !== Object.keys(this.byRun).length) this.byRun = live;
  }
}

export const progress = new ProgressStore();
