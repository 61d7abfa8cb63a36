import type { Run } from '../../../shared/schemas/run.js';

/**
 * Structural sharing for the lab mirror. The service pushes the whole state on
 * every change (29 pushes while the seed's four runs train), but usually only one
 * run changed. Keeping the previous object for every run whose change key is the
 * same lets Svelte's keyed blocks and deriveds downstream see "nothing changed"
 * by reference, so only the changed run's column and analysis re-render.
 */

/** The weights' own key: a run's result is a few hundred numbers, so this is cheap and exact. */
export function weightsKey(run: Pick<Run, 'weights'>): string {
  return run.weights ? JSON.stringify(run.weights) : '';
}

/**
 * Everything about a run that can change between pushes, cheaply: status and the
 * lengths of the growing arrays while it trains, the small fields exactly, and the
 * weights (which also stand for digit scores, predictions and summary) exactly.
 */
export function runKey(run: Run): string {
  const last = run.history.at(-1);
  return [
    run.status,
    run.name,
    run.note,
    run.error ?? '',
    run.trainSeconds ?? '',
    run.backend?.name ?? '',
    run.history.length,
    last ? `${last.loss},${last.acc},${last.valLoss},${last.valAcc}` : '',
    run.batchLoss.length,
    run.batchLoss.at(-1)?.loss ?? '',
    run.snapshots.length,
    run.snapshots.at(-1)?.step ?? '',
    run.predictions.length,
    JSON.stringify(run.config),
    weightsKey(run),
  ].join('|');
}

/**
 * The next runs array: a run whose key did not change keeps its previous object;
 * a changed run whose weights did not change keeps the previous weights object
 * (analysis memoises on it). When nothing changed at all the previous array itself
 * is returned, so readers of the array do not re-run either.
 */
export function mergeRuns(prev: Run[], next: readonly Run[], keys: WeakMap<Run, string>): Run[] {
  const byId = new Map(prev.map((r) => [r.id, r]));
  let same = prev.length === next.length;
  const merged = next.map((run, i) => {
    const old = byId.get(run.id);
    const key = runKey(run);
    if (old && keys.get(old) === key) {
      if (prev[i] !== old) same = false;
      return old;
    }
    same = false;
    const shared = old?.weights && run.weights && weightsKey(old) === weightsKey(run) ? { ...run, weights: old.weights } : run;
    keys.set(shared, key);
    return shared;
  });
  return same ? prev : merged;
}
