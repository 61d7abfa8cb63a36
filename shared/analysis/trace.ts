import { activation } from './activations.js';
import { digitScoresOf, predictsPositive, readout } from './forward.js';
import { matPow, vecMat, type Vector } from './linalg.js';
import type { AnalysisModel } from './model.js';
import { labelOf } from '../task-rule.js';

export interface TraceStep {
  /** 1-based position. */
  t: number;
  digit: number;
  /** Emb[x_t]·W + b, one number per unit. */
  score: Vector;
  /** h(t−1)·U (Keras' row-vector form of "U·h(t−1)"). */
  recurrent: Vector;
  preActivation: Vector;
  h: Vector;
}

export interface Contribution {
  t: number;
  digit: number;
  /** score(x_t)·U^(T−t): what position t adds to h(T), per unit. */
  vector: Vector;
  /** Its share of the final logit (unit 0, the readout). */
  value: number;
}

export interface TraceResult {
  run: string;
  sequence: number[];
  steps: TraceStep[];
  /** Unit 0's last state: the logit with an output sigmoid, else its probability itself. */
  finalValue: number;
  /** The model's prediction: unit 0's probability, or the mean over units when there are several (as the engine). */
  probability: number;
  /** Each unit's probability (one entry for one-unit RNNs). */
  unitProbabilities: number[];
  predicted: 0 | 1;
  /** Whether the sequence holds the target digit. */
  label: 0 | 1;
  /** Linear RNNs only: exact decomposition of h(T), null otherwise. */
  contributions: Contribution[] | null;
}

/** Every step of the forward pass for one sequence: the seed's argument made visible. */
export function trace(model: AnalysisModel, sequence: readonly number[]): TraceResult {
  const scores = digitScoresOf(model.weights);
  const f = activation(model.model.rnnActivation);
  const u = model.weights.recurrentKernel;
  let h: Vector = new Array<number>(model.model.rnnUnits).fill(0);
  const steps: TraceStep[] = sequence.map((digit, i) => {
    const score = scores[digit];
    const recurrent = vecMat(h, u);
    const preActivation = score.map((s, j) => s + recurrent[j]);
    h = preActivation.map(f);
    return { t: i + 1, digit, score: score.slice(), recurrent, preActivation, h };
  });
  const out = readout(model, h);
  return {
    run: model.name,
    sequence: sequence.slice(),
    steps,
    finalValue: out.value,
    probability: out.probability,
    unitProbabilities: out.unitProbabilities,
    predicted: predictsPositive(out.probability) ? 1 : 0,
    label: labelOf(sequence, model.task),
    contributions: model.model.rnnActivation === 'linear' ? linearContributions(model, sequence) : null,
  };
}

/**
 * For a linear RNN, h(T) = Σ_t score(x_t)·U^(T−t) exactly (h0 = 0, so no other term).
 * With one unit U^(T−t) is a plain power; with more units it is the matrix power,
 * applied on the right as in Keras' row-vector recurrence.
 */
export function linearContributions(model: AnalysisModel, sequence: readonly number[]): Contribution[] {
  const scores = digitScoresOf(model.weights);
  const u = model.weights.recurrentKernel;
  const n = sequence.length;
  return sequence.map((digit, i) => {
    const vector = vecMat(scores[digit], matPow(u, n - 1 - i));
    return { t: i + 1, digit, vector, value: vector[0] };
  });
}
