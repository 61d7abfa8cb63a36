import type { Progress } from '../../../shared/schemas/progress.js';
import type { Run } from '../../../shared/schemas/run.js';
import { liveProgress } from '../lib/run-order.js';

/** Live training progress per run id; kept apart from the lab mirror because it changes 20× a second. */
class ProgressStore {
  byRun = $state<Record<string, Progress>>({});
  set(id: string, progress: Progress): void {
    this.byRun[id] = progress;
  }

  prune(runs: readonly Run[]): void {
    this.byRun = liveProgress(this.byRun, runs);
  }
}

export const progress = new ProgressStore();
