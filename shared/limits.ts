import { gateCount, type CellKind, type ReadoutKind } from './cells.js';

/**
 * The lab's bounds, in one place: whatever the config, a run's series, a
 * session's runs and the queue stay within these, so memory stays bounded
 * and a session can always be saved. Schemas, engine, service and UI import
 * them; a limit is written once.
 */

/** Runs one session may hold (a sweep of a few hundred runs fits). */
export const MAX_RUNS_PER_SESSION = 1000;
/** Runs waiting for or holding a worker at once. */
export const MAX_QUEUED_RUNS = 1000;

/** Weight snapshots a run keeps at most: thinned evenly as training goes, the first and last always kept. */
export const MAX_SNAPSHOTS_PER_RUN = 500;
/**
 * Weight values (embedding + W + U + b, summed over kept snapshots) a run keeps at most:
 * a large model keeps fewer snapshots so its share of a session file stays a few MB.
 */
export const MAX_SNAPSHOT_VALUES_PER_RUN = 200_000;
/** What sizes a model's weights: the cell sets the gates G side by side in W, U and b. */
export interface WeightShape {
  embeddingDim: number;
  rnnUnits: number;
  cell?: CellKind;
  readout?: ReadoutKind;
}

/**
 * Weight values in one snapshot of a model: embedding (vocab × E), W (E × G·H), U (H × G·H), b (G·H),
 * and the dense readout's kernel (H × 1) and bias (1).
 */
export function weightValueCount(vocab: number, model: WeightShape): number {
  const { embeddingDim: e, rnnUnits: h } = model;
  const g = gateCount(model.cell ?? 'simple');
  const readout = model.readout === 'dense' ? h + 1 : 0;
  return vocab * e + e * g * h + h * g * h + g * h + readout;
}

/**
 * Snapshots a run keeps at most: the count cap, fewer when one snapshot holds many
 * weight values (the values cap), and never fewer than two (the first and the last).
 */
export function snapshotBudget(valuesPerSnapshot: number): number {
  const byValues = Math.floor(MAX_SNAPSHOT_VALUES_PER_RUN / Math.max(1, valuesPerSnapshot));
  return Math.max(2, Math.min(MAX_SNAPSHOTS_PER_RUN, byValues));
}

/** Points of a run's per-batch loss curve at most (the engine keeps far fewer; files may not hold more). */
export const MAX_BATCH_LOSS_POINTS_PER_RUN = 10_000;
/** Prediction rows a run stores at most (the engine stores the last 10 rows of its data set). */
export const MAX_PREDICTIONS_PER_RUN = 1000;

/** Lines a page is told about what opening a file changed (one per cleared run, then a summary line). */
export const MAX_LOAD_NOTICES = 20;

/** A session file name in the sessions folder, in UTF-8 bytes (file systems count bytes, not characters). */
export const MAX_SESSION_NAME_BYTES = 200;
