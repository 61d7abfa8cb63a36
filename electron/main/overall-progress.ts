import type { EventPayload, LabState } from '../../shared/contract.js';

/**
 * The taskbar/dock bar: the mean fraction over the runs that are queued or
 * training, or -1 (no bar) when nothing trains.
 */
export class OverallProgress {
  private readonly fractions = new Map<string, number>();

  onState(state: LabState): number {
    const active = state.runs.filter((r) => r.status === 'queued' || r.status === 'training');
    for (const id of [...this.fractions.keys()]) {
      if (!active.some((r) => r.id === id)) this.fractions.delete(id);
    }
    for (const run of active) if (!this.fractions.has(run.id)) this.fractions.set(run.id, 0);
    return this.value();
  }

  onProgress(event: EventPayload<'run:progress'>): number {
    if (this.fractions.has(event.id)) this.fractions.set(event.id, event.progress.fraction);
    return this.value();
  }

  value(): number {
    if (this.fractions.size === 0) return -1;
    let sum = 0;
    for (const f of this.fractions.values()) sum += f;
    return sum / this.fractions.size;
  }
}
