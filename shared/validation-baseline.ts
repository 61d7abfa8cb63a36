import { mulberry32, shuffledIndices } from './rng.js';
import type { TaskConfig } from './schemas/run-config.js';
import { labelOf, trainRows } from './task-rule.js';

/**
 * The labels of the validation rows a run trained against, drawn exactly as the engine draws its data set
 * (electron/engine/dataset.ts): the same generator from `task.dataSeed`, the same order of draws, the last
 * rows after Keras's split. Only the labels are kept, so no row is stored.
 * - Unbalanced: each row is `sequenceLength` uniform digits labelled by the task's rule.
 * - Balanced: the labels come first, ⌈n/2⌉ ones and ⌊n/2⌋ zeros in a shuffled order; the rows drawn after
 *   them do not change a label, so the shuffle alone decides the validation labels.
 */
export function validationLabels(task: TaskConfig): Uint8Array {
  const { samples, sequenceLength: T, vocabularySize: V } = task;
  const from = trainRows(task);
  const random = mulberry32(task.dataSeed);
  const out = new Uint8Array(samples - from);
  if (task.balanced) {
    const positives = Math.ceil(samples / 2);
    const order = shuffledIndices(new Int32Array(samples), random);
    for (let i = from; i < samples; i++) out[i - from] = order[i] < positives ? 1 : 0;
    return out;
  }
  const row = new Int32Array(T);
  for (let i = 0; i < samples; i++) {
    for (let t = 0; t < T; t++) row[t] = Math.floor(random() * V);
    if (i >= from) out[i - from] = labelOf(row, task);
  }
  return out;
}

/** The majority-class baseline: the accuracy of always answering the validation split's commoner label. */
export function majorityBaseline(task: TaskConfig): number {
  const key = baselineKey(task);
  const known = cache.get(key);
  if (known !== undefined) return known;
  const labels = validationLabels(task);
  let ones = 0;
  for (const l of labels) ones += l;
  const share = labels.length ? Math.max(ones, labels.length - ones) / labels.length : 1;
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, share);
  return share;
}

// Drawing 200,000 rows of 60 digits takes a while; the board asks for every run on each change, and many
// runs share one data set (a sweep over seeds), so each data set is drawn once.
const CACHE_SIZE = 256;
const cache = new Map<string, number>();

/** Every task field the labels depend on (any other field, e.g. a display name, would only split the cache). */
function baselineKey(t: TaskConfig): string {
  return [
    t.kind,
    t.targetDigit,
    t.otherDigit,
    t.samples,
    t.sequenceLength,
    t.vocabularySize,
    t.validationSplit,
    t.dataSeed,
    t.balanced,
  ].join('|');
}
