import type { Weights } from '../schemas/run-result.js';
import { activation, sigmoid } from './activations.js';
import { addVec, vecMat, type Matrix, type Vector } from './linalg.js';
import type { AnalysisModel } from './model.js';

/** score(d) = Emb[d]·W + b for every digit d: vocab × units. */
export function digitScoresOf(w: Weights): Matrix {
  return w.embedding.map((row) => addVec(vecMat(row, w.kernel), w.bias));
}

/**
 * The model's output. With an output sigmoid each unit's last state is a logit;
 * without one (sigmoid RNN) the state already is a probability. With units > 1
 * the network emits one probability per unit and, like the engine (its stored
 * predictions and tfjs `predict`, trained with Keras' broadcast cross-entropy),
 * the prediction is their mean. `value` is unit 0's raw state: the logit the
 * linear waterfall decomposes (for one unit, the model's only logit).
 */
export function readout(
  model: AnalysisModel,
  h: readonly number[],
): { value: number; probability: number; unitProbabilities: number[] } {
  const squash = model.model.outputActivation === 'sigmoid' ? sigmoid : (x: number) => x;
  const unitProbabilities = h.map(squash);
  const probability =
    unitProbabilities.length === 1
      ? unitProbabilities[0]
      : unitProbabilities.reduce((a, p) => a + p, 0) / unitProbabilities.length;
  return { value: h[0], probability, unitProbabilities };
}

/** One step of the recurrence, from precomputed digit scores. */
export function step(f: (x: number) => number, score: readonly number[], u: Matrix, hPrev: readonly number[]): Vector {
  const rec = vecMat(hPrev, u);
  return score.map((s, j) => f(s + rec[j]));
}

/** Final state h(T) of a sequence. */
export function finalState(
  model: AnalysisModel,
  sequence: readonly number[],
  scores = digitScoresOf(model.weights),
): Vector {
  const f = activation(model.model.rnnActivation);
  let h: Vector = new Array<number>(model.model.rnnUnits).fill(0);
  for (const d of sequence) h = step(f, scores[d], model.weights.recurrentKernel, h);
  return h;
}

/** The model's probability that `sequence` holds the target digit. */
export function predict(
  model: AnalysisModel,
  sequence: readonly number[],
  scores = digitScoresOf(model.weights),
): number {
  return readout(model, finalState(model, sequence, scores)).probability;
}

/** Keras/tfjs binary accuracy: predicted positive when p > 0.5. */
export function predictsPositive(p: number): boolean {
  return p > 0.5;
}
