import { LabError } from '../errors.js';
import type { TaskConfig, TaskKind } from '../schemas/run-config.js';
import { labelOf } from '../task-rule.js';
import { digitScoresOf, predict, predictsPositive } from './forward.js';
import type { AnalysisModel } from './model.js';
import { mulberry32, randomInt } from '../rng.js';

export interface LengthOptions {
  /** Longest length evaluated (1…maxLength). */
  maxLength?: number;
  /** Sequences per length; half labelled 1, half 0. Even, ≥ 2. */
  perLength?: number;
  seed?: number;
}

/**
 * Accuracy at one length. At a length where one label cannot be drawn (impossible, or too rare to
 * find a balanced set) the numbers are null and `unavailable` says why: shown as "n/a".
 */
export interface LengthPoint {
  length: number;
  accuracy: number | null;
  /** Accuracy on the half labelled 1 (recall); for `contains`, the half that holds the target. */
  withTarget: number | null;
  /** Accuracy on the half labelled 0 (specificity). */
  withoutTarget: number | null;
  /** Sequences evaluated (0 when unavailable). */
  n: number;
  unavailable?: string;
}

export interface LengthResult {
  run: string;
  /** The length the run was trained on, for the chart's marker. */
  trainedLength: number;
  /** The task whose labels balance the sets. */
  task: TaskKind;
  points: LengthPoint[];
}

export const LENGTH_DEFAULTS = { maxLength: 50, perLength: 200, seed: 7 } as const;

export interface BalancedSet {
  /** Sequences labelled 1 by the task's rule. */
  positives: number[][];
  /** Sequences labelled 0. */
  negatives: number[][];
}

/** A set that could not be balanced: which label was missing, after how many draws. */
export interface Unbalanced {
  unavailable: string;
}

type SetTask = Pick<TaskConfig, 'kind' | 'targetDigit' | 'otherDigit' | 'vocabularySize'>;

/** Draws per sequence wanted before a label counts as too rare; a label rarer than 1 in 100 is given up. */
const MAX_DRAWS_PER_SEQUENCE = 100;
/** After this many draws per sequence the rarer label's rate is judged (so a hopeless length ends early). */
const JUDGE_AFTER_DRAWS_PER_SEQUENCE = 4;

/**
 * A balanced set of one length, labelled by the task's rule. For `contains` the positives hold the target
 * exactly once, at a uniformly random position, other digits uniform among the non-target digits, and the
 * negatives are uniform non-target digits: one target is the hard case the seed argues about (the model
 * must carry one early 4 to the end, or keep one late 4 from being drowned). The other tasks draw uniform
 * sequences and keep each in its label's half until both are full (rejection), within a bounded number
 * of draws; a label that is impossible or too rare at this length makes the set unavailable.
 */
export function balancedSet(
  length: number,
  perLength: number,
  task: SetTask,
  rand: () => number,
): BalancedSet | Unbalanced {
  if (task.kind === 'contains') return containsSet(length, perLength / 2, task, rand);
  const half = perLength / 2;
  const halves: [number[][], number[][]] = [[], []];
  const maxDraws = MAX_DRAWS_PER_SEQUENCE * perLength;
  let draws = 0;
  while (halves[0].length < half || halves[1].length < half) {
    const seq = Array.from({ length }, () => randomInt(rand, task.vocabularySize));
    draws++;
    const into = halves[labelOf(seq, task)];
    if (into.length < half) into.push(seq);
    const missing = halves.findIndex((h) => h.length < half && hopeless(h.length, half, draws, perLength, maxDraws));
    if (missing >= 0) return { unavailable: tooRare(missing, halves[missing].length, draws) };
  }
  return { positives: halves[1], negatives: halves[0] };
}

/** Whether, at the rate seen so far, a half would not fill within the draws allowed. */
function hopeless(found: number, half: number, draws: number, perLength: number, maxDraws: number): boolean {
  if (draws >= maxDraws) return true;
  if (draws < JUDGE_AFTER_DRAWS_PER_SEQUENCE * perLength) return false;
  return found === 0 || (draws * half) / found > maxDraws;
}

function tooRare(label: number, found: number, draws: number): string {
  return `label ${label} too rare at this length (${found} in ${draws} uniform draws)`;
}

function containsSet(length: number, half: number, task: SetTask, rand: () => number): BalancedSet {
  const target = task.targetDigit;
  const other = () => {
    const d = randomInt(rand, task.vocabularySize - 1);
    return d >= target ? d + 1 : d;
  };
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
  const hits = (seqs: number[][], label: boolean) =>
    seqs.filter((s) => predictsPositive(predict(model, s, scores)) === label).length;
  const points: LengthPoint[] = [];
  for (let length = 1; length <= maxLength; length++) {
    const set = balancedSet(length, perLength, model.task, rand);
    if ('unavailable' in set) {
      points.push({
        length,
        accuracy: null,
        withTarget: null,
        withoutTarget: null,
        n: 0,
        unavailable: set.unavailable,
      });
      continue;
    }
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
  return { run: model.name, trainedLength: model.task.sequenceLength, task: model.task.kind, points };
}
