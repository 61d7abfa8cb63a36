import type { LabEvent, LabState } from '../../../shared/contract.js';
import type { Run } from '../../../shared/schemas/run.js';
import { applyRunPatch } from '../../../shared/schemas/run-patch.js';
import type { ViewState } from '../../../shared/schemas/session.js';
import type { Sweep } from '../../../shared/schemas/sweep.js';
import { sweepProgress, type SweepProgress } from '../../../shared/sweeps/progress.js';

/** The renderer's copy of the lab state, rebuilt from the host's events alone. */
export interface LabMirror {
  runs: Run[];
  view: ViewState;
  session: LabState['session'];
  recoveryError: string | null;
  /** The session's sweeps, as the host last announced them. */
  sweeps: Sweep[];
  /**
   * Each sweep's progress by id: from its last `sweep:changed`, or counted from the runs when a whole state
   * arrives (no rate then: it is measured by the host while the sweep trains).
   */
  sweepProgress: Record<string, SweepProgress>;
}

export function mirrorOf(state: LabState): LabMirror {
  return {
    runs: state.runs,
    view: state.view,
    session: state.session,
    recoveryError: state.recoveryError ?? null,
    sweeps: state.sweeps,
    sweepProgress: countedProgress(state.runs, state.sweeps),
  };
}

/** Every sweep's counts from the runs that carry its tag. */
function countedProgress(runs: readonly Run[], sweeps: readonly Sweep[]): Record<string, SweepProgress> {
  const statuses = new Map<string, Run['status'][]>(sweeps.map((s) => [s.id, []]));
  for (const run of runs as readonly (Run & { sweep?: { id: string } })[]) {
    if (run.sweep) statuses.get(run.sweep.id)?.push(run.status);
  }
  return Object.fromEntries(
    [...statuses].map(([id, list]) => [id, sweepProgress(list, { finishedSince: 0, seconds: 0 })]),
  );
}

/** The sweep replaced (or added, when it is new) and its progress set; other sweeps keep their objects. */
function changeSweep(mirror: LabMirror, sweep: Sweep, progress: SweepProgress): LabMirror {
  const known = mirror.sweeps.some((s) => s.id === sweep.id);
  const sweeps = known ? mirror.sweeps.map((s) => (s.id === sweep.id ? sweep : s)) : [...mirror.sweeps, sweep];
  return { ...mirror, sweeps, sweepProgress: { ...mirror.sweepProgress, [sweep.id]: progress } };
}

/**
 * The mirror after one event. Only what the event names is replaced: every other run keeps its
 * object (and the runs array is kept when no run changed), so Svelte redraws only what changed.
 * Events about a run the mirror does not hold (sent before its first snapshot arrived) are dropped:
 * the snapshot already includes them.
 */
export function applyLabEvent(mirror: LabMirror, event: LabEvent): LabMirror {
  switch (event[0]) {
    case 'lab:state':
      return mirrorOf(event[1]);
    case 'run:added':
      return addRun(mirror, event[1].run, event[1].index);
    case 'run:changed':
    case 'run:finished': {
      const patch = event[1];
      return updateRun(mirror, patch.id, (run) => applyRunPatch(run, patch));
    }
    case 'run:epoch': {
      const { id, record } = event[1];
      return updateRun(mirror, id, (run) => ({ ...run, history: [...run.history, record] }));
    }
    case 'run:removed':
      return removeRun(mirror, event[1].id);
    case 'view:changed':
      return { ...mirror, view: event[1] };
    case 'session:changed':
      return { ...mirror, session: event[1] };
    case 'recovery:changed':
      return { ...mirror, recoveryError: event[1].error };
    case 'sweep:changed':
      return changeSweep(mirror, event[1].sweep, event[1].progress);
    case 'run:progress':
      // Live figures live in their own store; the runs themselves did not change.
      return mirror;
  }
}

/** Appends the run (or replaces it, should the same run be announced twice) and places its id in the order. */
function addRun(mirror: LabMirror, run: Run, index: number): LabMirror {
  const known = mirror.runs.some((r) => r.id === run.id);
  const runs = known ? mirror.runs.map((r) => (r.id === run.id ? run : r)) : [...mirror.runs, run];
  if (mirror.view.order.includes(run.id)) return { ...mirror, runs };
  const order = [...mirror.view.order];
  order.splice(index, 0, run.id);
  return { ...mirror, runs, view: { ...mirror.view, order } };
}

function updateRun(mirror: LabMirror, id: string, change: (run: Run) => Run): LabMirror {
  const i = mirror.runs.findIndex((r) => r.id === id);
  if (i < 0) return mirror;
  const runs = [...mirror.runs];
  runs[i] = change(runs[i]);
  return { ...mirror, runs };
}

/** Drops the run and its id from the order and the overlay's hidden list, as the host does. */
function removeRun(mirror: LabMirror, id: string): LabMirror {
  if (!mirror.runs.some((r) => r.id === id)) return mirror;
  const { view } = mirror;
  return {
    ...mirror,
    runs: mirror.runs.filter((r) => r.id !== id),
    view: {
      ...view,
      order: view.order.filter((x) => x !== id),
      hiddenInOverlay: view.hiddenInOverlay.filter((x) => x !== id),
      compare: view.compare.filter((x) => x !== id),
    },
  };
}
