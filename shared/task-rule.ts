import type { RunConfig, TaskConfig } from './schemas/run-config.js';

/**
 * The task, written once: what a row's label is and how many rows train.
 * The engine's data set builds from it and the session loader checks files
 * against it, so a file cannot claim a label the task would not give.
 */

export { labelOf } from './tasks.js';

/** Rows that train, as Keras/tfjs split them: floor(n · (1 − validation_split)); the rest validate. */
export function trainRows(task: Pick<TaskConfig, 'samples' | 'validationSplit'>): number {
  return Math.floor(task.samples * (1 - task.validationSplit));
}

/** Batches per epoch as the engine steps: the last batch may be short. */
export function stepsPerEpoch(config: Pick<RunConfig, 'task' | 'training'>): number {
  return Math.ceil(trainRows(config.task) / config.training.batchSize);
}
