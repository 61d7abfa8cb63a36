import type { Run } from '../../../../shared/schemas/run.js';
import { snapshotBudget, weightValueCount } from '../../../../shared/limits.js';
import { stepsPerEpoch } from '../../../../shared/task-rule.js';

/** Steps (batches) of the whole run, as the engine counts them. */
function runSteps(run: Run): { perEpoch: number; total: number } {
  const perEpoch = stepsPerEpoch(run.config);
  return { perEpoch, total: perEpoch * run.config.training.epochs };
}

/** The batch-loss curve's steps strictly increase and stay inside the run. */
export function checkBatchLoss(run: Run, at: string): string | null {
  const { total } = runSteps(run);
  let previous = -1;
  for (const [i, point] of run.batchLoss.entries()) {
    const where = `${at}.batchLoss.${i}.step`;
    if (point.step > total) return `${where}: step ${point.step} is beyond the run's ${total} steps`;
    if (point.step <= previous) return `${where}: step ${point.step} after step ${previous} (steps must increase)`;
    previous = point.step;
  }
  return null;
}

/**
 * Snapshots sit inside the run (epoch 0…epochs, batch 0…batches per epoch,
 * step 0…all steps) in training order. Steps may repeat but never go back:
 * the engine thins snapshots as it trains, so kept steps are irregular.
 */
export function checkSnapshots(run: Run, at: string): string | null {
  const { perEpoch, total } = runSteps(run);
  const epochs = run.config.training.epochs;
  const budget = snapshotBudget(weightValues(run));
  if (run.snapshots.length > budget) {
    return `${at}.snapshots: ${run.snapshots.length} snapshots of ${weightValues(run)} weights each, more than the limit of ${budget} for this model`;
  }
  let previous = 0;
  for (const [i, snapshot] of run.snapshots.entries()) {
    const where = `${at}.snapshots.${i}`;
    if (snapshot.epoch > epochs) return `${where}.epoch: epoch ${snapshot.epoch} is beyond the run's ${epochs} epochs`;
    if (snapshot.batch > perEpoch)
      return `${where}.batch: batch ${snapshot.batch} is beyond the ${perEpoch} batches of an epoch`;
    if (snapshot.step > total) return `${where}.step: step ${snapshot.step} is beyond the run's ${total} steps`;
    if (snapshot.step < previous)
      return `${where}.step: step ${snapshot.step} after step ${previous} (steps must not go back)`;
    // Epoch 0 is the initial weights; after it, a step counts the batches of the epochs before plus this epoch's.
    const expected = snapshot.epoch === 0 ? 0 : (snapshot.epoch - 1) * perEpoch + snapshot.batch;
    if (snapshot.step !== expected || (snapshot.epoch === 0 && snapshot.batch !== 0)) {
      return `${where}.step: step ${snapshot.step} does not match epoch ${snapshot.epoch}, batch ${snapshot.batch} (expected step ${expected})`;
    }
    previous = snapshot.step;
  }
  return null;
}

/** Values in one weight snapshot of this run's model. */
function weightValues(run: Run): number {
  return weightValueCount(run.config.task.vocabularySize, run.config.model);
}
