import { CELL_GATES, type CellKind } from '../cells.js';
import { LabError } from '../errors.js';
import type { ModelConfig } from '../schemas/run-config.js';
import type { Weights } from '../schemas/run-result.js';
import { activation, sigmoid } from './activations.js';
import { vecMat, vecMatColumns, type Matrix, type Vector } from './linalg.js';

/**
 * One step of any cell, in tfjs's (Keras's) equations (shared/cells.ts), from the digit's score
 * x·W + b (G·H values, gates side by side). What the analyses read: every gate's value and the state.
 */
export interface CellState {
  h: Vector;
  /** LSTM only: the cell state c. */
  c?: Vector;
}

export interface CellStep {
  state: CellState;
  /** Every gate's activated value per unit, by gate key (z, r, h / i, f, c, o / h for SimpleRNN). */
  gates: Record<string, Vector>;
  /**
   * The recurrent part each gate receives, G·H values in kernel order: h₋₁·U for SimpleRNN and LSTM;
   * for GRU h₋₁·U_z, h₋₁·U_r and then (r ⊙ h₋₁)·U_h (the reset gate acts before the product).
   */
  recurrent: Vector;
  /** What each gate's activation receives: score + recurrent, G·H values. */
  pre: Vector;
}

export function initialState(cell: CellKind, units: number): CellState {
  const zeros = () => new Array<number>(units).fill(0);
  return cell === 'lstm' ? { h: zeros(), c: zeros() } : { h: zeros() };
}

const slice = (v: readonly number[], gate: number, H: number): Vector => v.slice(gate * H, (gate + 1) * H);

type StepModel = Pick<ModelConfig, 'cell' | 'rnnActivation' | 'rnnUnits'>;

/** A step from the previous state, given score = x·W + b and the recurrent kernel U [H, G·H]. */
export function cellStep(model: StepModel, score: readonly number[], u: Matrix, prev: CellState): CellStep {
  const H = model.rnnUnits;
  const f = activation(model.rnnActivation);
  if (model.cell === 'gru') return gruStep(H, f, score, u, prev);
  const recurrent = vecMat(prev.h, u);
  const pre = recurrent.map((v, j) => v + score[j]);
  if (model.cell === 'lstm') {
    const i = slice(pre, 0, H).map(sigmoid);
    const fg = slice(pre, 1, H).map(sigmoid);
    const o = slice(pre, 3, H).map(sigmoid);
    const cand = slice(pre, 2, H).map(f);
    const cPrev = prev.c ?? new Array<number>(H).fill(0);
    const c = cand.map((g, j) => fg[j] * cPrev[j] + i[j] * g);
    const h = c.map((cj, j) => o[j] * f(cj));
    return { state: { h, c }, gates: { i, f: fg, c: cand, o }, recurrent, pre };
  }
  const h = pre.map(f);
  return { state: { h }, gates: { h }, recurrent, pre };
}

function gruStep(H: number, f: (x: number) => number, score: readonly number[], u: Matrix, prev: CellState): CellStep {
  const recZr = vecMatColumns(prev.h, u, 0, 2 * H);
  const z = slice(score, 0, H).map((s, j) => sigmoid(s + recZr[j]));
  const r = slice(score, 1, H).map((s, j) => sigmoid(s + recZr[H + j]));
  const recH = vecMatColumns(
    prev.h.map((h, k) => r[k] * h),
    u,
    2 * H,
    3 * H,
  );
  const recurrent = [...recZr, ...recH];
  const pre = recurrent.map((v, j) => v + score[j]);
  const cand = slice(pre, 2, H).map(f);
  const h = cand.map((c, j) => z[j] * prev.h[j] + (1 - z[j]) * c);
  return { state: { h }, gates: { z, r, h: cand }, recurrent, pre };
}

/** The gate keys of a model's cell, in kernel order. */
export function gateKeys(cell: CellKind): string[] {
  return CELL_GATES[cell].map((g) => g.key);
}

/**
 * The readout: `activation` reads the one unit (through the output sigmoid, or as the probability itself
 * for a sigmoid RNN without one); `dense` is Dense(1) + sigmoid over the units. `logit` is what the
 * sigmoid receives (for a sigmoid RNN without an output layer: its state, which is already a probability).
 */
export function readoutOf(
  model: Pick<ModelConfig, 'readout' | 'outputActivation'>,
  weights: Pick<Weights, 'readout'>,
  h: readonly number[],
): { logit: number; probability: number } {
  if (model.readout === 'dense') {
    const dense = weights.readout;
    if (!dense) throw new LabError('bad-request', 'a dense readout needs readout weights');
    const logit = h.reduce((sum, hj, j) => sum + hj * dense.kernel[j][0], dense.bias[0]);
    return { logit, probability: sigmoid(logit) };
  }
  const logit = h[0];
  return { logit, probability: model.outputActivation === 'sigmoid' ? sigmoid(logit) : logit };
}
