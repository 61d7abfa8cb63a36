import { valueKind } from '../../../shared/value-kind.js';
import { MAX_BATCH_LOSS_POINTS_PER_RUN, snapshotBudget, weightValueCount } from '../../../shared/limits.js';
import { SESSION_VERSION } from '../../../shared/schemas/session.js';
import { migrateV2Cells } from './migrate-v2-cells.js';
import { migrateV3Sweeps } from './migrate-v3-sweeps.js';
import { thinEvenly } from './thin-evenly.js';

/**
 * Forward migrations: `migrations[N]` turns a version-N document into version
 * N+1. They run before the schema, so they touch only what has the expected
 * shape and leave anything else for the schema to report. A migration that
 * has to drop something says so in one line pushed to `notices`.
 */
export type Migration = (doc: Record<string, unknown>, notices: string[]) => Record<string, unknown>;

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const count = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null);

/**
 * Version 1 files may hold a snapshot every batch of a long run (before runs
 * kept a bounded series): thin them, and the batch-loss curve, to the bounds
 * a version-2 run keeps, evenly over the run with its first and last kept, so
 * an old session still opens and nothing of its span is lost.
 */
function boundSeries(run: unknown): unknown {
  if (!isObject(run)) return run;
  const next: Loose = { ...run };
  const task = isObject(run.config) && isObject(run.config.task) ? run.config.task : {};
  const model = isObject(run.config) && isObject(run.config.model) ? run.config.model : {};
  const [vocab, dim, units] = [count(task.vocabularySize), count(model.embeddingDim), count(model.rnnUnits)];
  if (Array.isArray(run.snapshots) && vocab && dim && units) {
    next.snapshots = thinEvenly(
      run.snapshots,
      snapshotBudget(weightValueCount(vocab, { embeddingDim: dim, rnnUnits: units })),
    );
  }
  if (Array.isArray(run.batchLoss)) next.batchLoss = thinEvenly(run.batchLoss, MAX_BATCH_LOSS_POINTS_PER_RUN);
  return next;
}

export const migrations: Readonly<Record<number, Migration>> = {
  1: (doc) => ({ ...doc, version: 2, runs: Array.isArray(doc.runs) ? doc.runs.map(boundSeries) : doc.runs }),
  2: migrateV2Cells,
  3: migrateV3Sweeps,
};

/**
 * Brings a parsed document to SESSION_VERSION or throws a sentence saying why not;
 * what a step had to drop is pushed to `notices` (one line each).
 */
export function migrate(
  doc: Record<string, unknown>,
  table: Readonly<Record<number, Migration>> = migrations,
  target = SESSION_VERSION,
  notices: string[] = [],
): Record<string, unknown> {
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw new Error(`$.version: expected an integer version, received ${valueKind(version)}`);
  }
  if (version > target) throw new Error(`it was made by a newer RNN Lab (version ${version})`);
  let current = doc;
  for (let v = version; v < target; v++) {
    const step = table[v];
    if (!step) throw new Error(`$.version: unknown session version ${version}`);
    current = step(current, notices);
  }
  return current;
}
