import type { TaskConfig } from '../../shared/schemas/run-config.js';
import { mulberry32 } from '../../shared/rng.js';
import { labelOf, trainRows } from '../../shared/task-rule.js';
import { balancedLabels, fillBalancedRows } from './balanced-rows.js';

/**
 * A task's data set: rows of `sequenceLength` uniform digits labelled by the task's rule or, balanced,
 * exactly ⌈n/2⌉ positive rows (each uniform among the positive rows) and ⌊n/2⌋ negative ones, the labels
 * in an order shuffled by the data seed. Flat typed arrays so the training loop reads rows without allocating.
 */
export interface Dataset {
  readonly size: number;
  readonly sequenceLength: number;
  readonly vocabularySize: number;
  /** Row-major digits: row i is xs[i*sequenceLength .. (i+1)*sequenceLength). */
  readonly xs: Int32Array;
  readonly labels: Uint8Array;
  /** Keras `validation_split`: the first trainSize rows train, the last validationSize rows validate. */
  readonly trainSize: number;
  readonly validationSize: number;
}

export function makeDataset(task: TaskConfig): Dataset {
  const { samples, sequenceLength, vocabularySize } = task;
  const random = mulberry32(task.dataSeed);
  const xs = new Int32Array(samples * sequenceLength);
  const trainSize = trainRows(task);
  const shape = { size: samples, sequenceLength, vocabularySize, xs, trainSize, validationSize: samples - trainSize };
  if (task.balanced) {
    const labels = balancedLabels(samples, random);
    fillBalancedRows(task, labels, xs, random);
    return { ...shape, labels };
  }
  // Unbalanced: the seed's stream, digit by digit, exactly as before balancing existed.
  const labels = new Uint8Array(samples);
  for (let i = 0; i < samples; i++) {
    for (let t = 0; t < sequenceLength; t++) xs[i * sequenceLength + t] = Math.floor(random() * vocabularySize);
    // The task's rule, shared with the session loader that checks stored labels against it.
    labels[i] = labelOf(xs.subarray(i * sequenceLength, (i + 1) * sequenceLength), task);
  }
  return { ...shape, labels };
}

/** Rows [from, to) as plain arrays (for results and predict). */
export function datasetRows(dataset: Dataset, from: number, to: number): number[][] {
  const rows: number[][] = [];
  const T = dataset.sequenceLength;
  for (let i = Math.max(0, from); i < Math.min(to, dataset.size); i++) {
    rows.push(Array.from(dataset.xs.subarray(i * T, (i + 1) * T)));
  }
  return rows;
}
