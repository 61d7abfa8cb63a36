import { CELL_LABELS } from '../cells.js';
import { LabError } from '../errors.js';
import { activationRange } from './activations.js';
import { cellStep } from './cell-step.js';
import { digitScoresOf } from './forward.js';
import type { AnalysisModel } from './model.js';

export interface MapCurve {
  digit: number;
  /** The digit's score (for GRU: its update-gate score; the map reads all three). */
  score: number;
  /** [h, h'] pairs of h' = step_d(h): f(score_d + U·h) for SimpleRNN, the GRU step for GRU. */
  points: [number, number][];
}

export interface OneDMap {
  run: string;
  activation: string;
  /** The recurrent weight U (for GRU: U_z, the update gate's). */
  u: number;
  hRange: [number, number];
  curves: MapCurve[];
  /** Cobweb path of the traced sequence: (h0,h0) → (h0,h1) → (h1,h1) → (h1,h2) → … */
  cobweb: [number, number][];
  /** The states h0 = 0, h1, …, hT along the sequence. */
  states: number[];
}

/**
 * For one-unit RNNs the recurrence is a family of maps h → h', one per digit: for SimpleRNN
 * h' = f(score_d + U·h), for GRU h' = z·h + (1−z)·ĥ with z, r, ĥ read from h. Plotting them with the
 * diagonal shows accumulation (linear: lines of slope U) against saturation (curves that pin h).
 * An LSTM carries two numbers per unit (h and c), so its step is no map of h alone: refused.
 */
export function oneDMap(model: AnalysisModel, sequence: readonly number[] = [], points = 101): OneDMap {
  const { cell, rnnUnits } = model.model;
  if (cell === 'lstm')
    throw new LabError('bad-request', `the 1-D map needs a one-number state; an LSTM carries two (h and c)`);
  if (rnnUnits !== 1)
    throw new LabError('bad-request', `the 1-D map needs a one-unit RNN; "${model.name}" has ${rnnUnits} units`);
  const u = model.weights.recurrentKernel;
  const scores = digitScoresOf(model.weights);
  const next = (d: number, h: number) => cellStep(model.model, scores[d], u, { h: [h] }).state.h[0];
  const states = [0];
  for (const d of sequence) states.push(next(d, states[states.length - 1]));
  const hRange = rangeFor(model, states);
  const [lo, hi] = hRange;
  const hs = Array.from({ length: points }, (_, i) => lo + ((hi - lo) * i) / (points - 1));
  const curves = scores.map((score, digit) => ({
    digit,
    score: score[0],
    points: hs.map((h): [number, number] => [h, next(digit, h)]),
  }));
  const cobweb: [number, number][] = [[0, 0]];
  for (let i = 1; i < states.length; i++) {
    cobweb.push([states[i - 1], states[i]], [states[i], states[i]]);
  }
  const activation =
    cell === 'simple' ? model.model.rnnActivation : `${CELL_LABELS[cell]} ${model.model.rnnActivation}`;
  return { run: model.name, activation, u: u[0][0], hRange, curves, cobweb, states };
}

/**
 * Bounded activations show their whole range (a GRU state mixes h₋₁ and ĥ, so it stays in ĥ's range
 * from h0 = 0); unbounded ones the span the path visits (at least [−1, 1]).
 */
function rangeFor(model: AnalysisModel, states: number[]): [number, number] {
  const bounded = activationRange(model.model.rnnActivation);
  if (bounded) return bounded;
  const finite = states.filter(Number.isFinite);
  const lo = Math.min(-1, ...finite);
  const hi = Math.max(1, ...finite);
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}
