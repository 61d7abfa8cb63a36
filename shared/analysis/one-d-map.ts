import { LabError } from '../errors.js';
import { activation, activationRange } from './activations.js';
import { digitScoresOf } from './forward.js';
import type { AnalysisModel } from './model.js';

export interface MapCurve {
  digit: number;
  score: number;
  /** [h, h'] pairs of h' = f(score_d + U·h). */
  points: [number, number][];
}

export interface OneDMap {
  run: string;
  activation: string;
  u: number;
  hRange: [number, number];
  curves: MapCurve[];
  /** Cobweb path of the traced sequence: (h0,h0) → (h0,h1) → (h1,h1) → (h1,h2) → … */
  cobweb: [number, number][];
  /** The states h0 = 0, h1, …, hT along the sequence. */
  states: number[];
}

/**
 * For one-unit RNNs the recurrence is a family of maps h → f(score_d + U·h), one per digit.
 * Plotting them with the diagonal shows accumulation (linear: lines of slope U) against
 * saturation (sigmoid: curves that pin h near 0 or 1).
 */
export function oneDMap(model: AnalysisModel, sequence: readonly number[] = [], points = 101): OneDMap {
  if (model.model.rnnUnits !== 1)
    throw new LabError(
      'bad-request',
      `the 1-D map needs a one-unit RNN; "${model.name}" has ${model.model.rnnUnits} units`,
    );
  const f = activation(model.model.rnnActivation);
  const u = model.weights.recurrentKernel[0][0];
  const scores = digitScoresOf(model.weights).map((s) => s[0]);
  const states = [0];
  for (const d of sequence) states.push(f(scores[d] + u * states[states.length - 1]));
  const hRange = rangeFor(model, states);
  const [lo, hi] = hRange;
  const hs = Array.from({ length: points }, (_, i) => lo + ((hi - lo) * i) / (points - 1));
  const curves = scores.map((score, digit) => ({
    digit,
    score,
    points: hs.map((h): [number, number] => [h, f(score + u * h)]),
  }));
  const cobweb: [number, number][] = [[0, 0]];
  for (let i = 1; i < states.length; i++) {
    cobweb.push([states[i - 1], states[i]], [states[i], states[i]]);
  }
  return { run: model.name, activation: model.model.rnnActivation, u, hRange, curves, cobweb, states };
}

/** Bounded activations show their whole range; unbounded ones the span the path visits (at least [−1, 1]). */
function rangeFor(model: AnalysisModel, states: number[]): [number, number] {
  const bounded = activationRange(model.model.rnnActivation);
  if (bounded) return bounded;
  const finite = states.filter(Number.isFinite);
  const lo = Math.min(-1, ...finite);
  const hi = Math.max(1, ...finite);
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}
