import type { SweepValue } from '../schemas/sweep.js';

/**
 * How a sweep run is named from its varied values: short, so a table of hundreds of runs and a board
 * column both show the whole name ("E4 · linear · s3"). Numbers get a one- or two-letter prefix
 * saying which field they are; choices (cell, activation, task…) read on their own.
 */
const PREFIX: Record<string, string> = {
  'model.embeddingDim': 'E',
  'model.rnnUnits': 'H',
  'training.learningRate': 'lr',
  'training.batchSize': 'b',
  'training.epochs': 'ep',
  'training.seed': 's',
  'task.targetDigit': 't',
  'task.otherDigit': 'o',
  'task.sequenceLength': 'L',
  'task.vocabularySize': 'V',
  'task.samples': 'n',
  'task.validationSplit': 'val',
  'task.dataSeed': 'd',
};

const NAME_MAX = 80;

function part(path: string, value: SweepValue): string {
  if (typeof value === 'boolean')
    return path === 'task.balanced' ? (value ? 'balanced' : 'unbalanced') : `${path.split('.').at(-1)}=${value}`;
  const prefix = PREFIX[path];
  if (prefix !== undefined) return `${prefix}${String(value)}`;
  return String(value);
}

/**
 * The run's name from its varied values in their order, its variant's label (when the sweep has variants)
 * and its seed last: "E4 · linear · s3". At most 80 characters.
 */
export function sweepRunName(values: Readonly<Record<string, SweepValue>>, variant?: string): string {
  const { 'training.seed': seed, ...rest } = values;
  const parts = Object.entries(rest).map(([path, value]) => part(path, value));
  if (variant) parts.push(variant);
  if (seed !== undefined) parts.push(part('training.seed', seed));
  const name = parts.join(' · ');
  return name.length <= NAME_MAX ? name : `${name.slice(0, NAME_MAX - 1)}…`;
}
