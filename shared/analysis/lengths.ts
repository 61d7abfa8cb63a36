import { LabError } from '../errors.js';
import { digitScoresOf, predict, predictsPositive } from './forward.js';
import type { AnalysisModel } from './model.js';
import { mulberry32, randomInt } from '../rng.js';

export interface LengthOptions {
  /** Longest length evaluated (1…maxLength). */
  maxLength?: number;
  /** Sequences per length; half hold the target digit. Even, ≥ 2. */
  perLength?: number;
  seed?: number;
}

export interface LengthPoint {
  length: number;
  accuracy: number;
  /** Accuracy on the half that holds the target digit (recall). */
  withTarget: number;
  /** Accuracy on the half that does not (specificity). */
  withoutTarget: number;
  n: number;
}

export interface LengthResult {
  run: string;
  /** The length the run was trained on, for the chart's marker. */
  trainedLength: number;
  points: LengthPoint[];
}

export const LENGTH_DEFAULTS = { maxLength: 50, perLength: 200, seed: 7 } as const;

export interface BalancedSet {
  positives: number[][];
  negatives: number[][];
}

/**
 * A balanced set of one length. Positives hold the target exactly once, at a
 * uniformly random position (first and last included), the other digits drawn
 * uniformly from the non-target digits; negatives are uniform non-target digits.
 * Exactly one target is the hard case the seed argues about: the model must carry
 * one early 4 to the end, or keep one late 4 from being drowned.
 */
export function balancedSet(
  length: number,
  perLength: number,
  target: number,
  vocab: number,
  rand: () => number,
): BalancedSet {
  const other = () => {
    const d = randomInt(rand, vocab - 1);
    return d >= target ? d + 1 : d;
  };
  const half = perLength / 2;
  const negatives = Array.from({ length: half }, () => Array.from({ length }, other));
  const positives = Array.from({ length: half }, () => {
    const seq = Array.from({ length }, other);
    seq[randomInt(rand, length)] = target;
    return seq;
  });
  return { positives, negatives };
}

/** The same sets for every run with the same task (seeded), so runs are compared on one footing. */
export function lengthGeneralisation(model: AnalysisModel, options: LengthOptions = {}): LengthResult {
  const maxLength = options.maxLength ?? LENGTH_DEFAULTS.maxLength;
  const perLength = options.perLength ?? LENGTH_DEFAULTS.perLength;
  const seed = options.seed ?? LENGTH_DEFAULTS.seed;
  if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > 500)
    throw new LabError('bad-request', 'max length must be an integer from 1 to 500');
  if (!Number.isInteger(perLength) || perLength < 2 || perLength % 2 !== 0 || perLength > 100_000) {
    throw new LabError('bad-request', 'sequences per length must be an even integer from 2 to 100000');
  }
  const rand = mulberry32(seed);
  const scores = digitScoresOf(model.weights);
  const { targetDigit, vocabularySize } = model.task;
  const hits = (seqs: number[][], label: boolean) =>
    seqs.filter((s) => predictsPositive(predict(model, s, scores)) === label).length;
  const points: LengthPoint[] = [];
  for (let length = 1; length <= maxLength; length++) {
    const set = balancedSet(length, perLength, targetDigit, vocabularySize, rand);
    const pos = hits(set.positives, true);
    const neg = hits(set.negatives, false);
    const half = perLength / 2;
    points.push({
      length,
      accuracy: (pos + neg) / perLength,
      withTarget: pos / half,
      withoutTarget: neg / half,
      n: perLength,
    });
  }
  return { run: model.name, trainedLength: model.task.sequenceLength, points };
}
