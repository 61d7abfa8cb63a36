import type { CellKind } from '../cells.js';
import { labelOf } from '../task-rule.js';
import { cellStep, gateKeys, initialState, readoutOf } from './cell-step.js';
import { digitScoresOf, predictsPositive } from './forward.js';
import { matPow, vecMat, type Vector } from './linalg.js';
import type { AnalysisModel } from './model.js';
import { stepEquation } from './step-equation.js';

/**
 * One step of the forward pass. Vectors over "G·H" hold the cell's G gates side by side, in kernel
 * order (shared/cells.ts), each with H units; for SimpleRNN G = 1 and they are one value per unit.
 */
export interface TraceStep {
  /** 1-based position. */
  t: number;
  digit: number;
  /** Emb[x_t]·W + b: G·H values (SimpleRNN: one per unit). */
  score: Vector;
  /**
   * What each gate receives from the past, G·H values: h(t−1)·U (Keras' row-vector form of "U·h(t−1)")
   * for SimpleRNN and LSTM; for GRU h(t−1)·U_z, h(t−1)·U_r and (r ⊙ h(t−1))·U_h.
   */
  recurrent: Vector;
  /** score + recurrent: what each gate's activation receives, G·H values. */
  preActivation: Vector;
  /** The cell's output h(t), one value per unit. */
  h: Vector;
  /** LSTM only: the cell state c(t). */
  c?: Vector;
  /** Every gate's activated value per unit, keyed as `gateKeys` (SimpleRNN: {h}). */
  gates: Record<string, Vector>;
  /** The step's equations for unit 0 with its numbers, one line per gate and state. */
  equation: string;
}

export interface Contribution {
  t: number;
  digit: number;
  /** score(x_t)·U^(T−t): what position t adds to h(T), per unit. */
  vector: Vector;
  /** Its share of `finalValue`: unit 0's part (activation readout) or vector·k (dense readout). */
  value: number;
}

export interface TraceResult {
  run: string;
  cell: CellKind;
  /** The gates of `TraceStep.gates`, in kernel order. */
  gateKeys: string[];
  sequence: number[];
  steps: TraceStep[];
  /** What the output sigmoid receives (for a sigmoid RNN without an output layer: its state, a probability). */
  logit: number;
  /**
   * What the contributions sum to: unit 0's h(T) with the activation readout (= `logit`), h(T)·k with the
   * dense readout (= `logit` minus the readout bias, which no position contributes).
   */
  finalValue: number;
  probability: number;
  predicted: 0 | 1;
  /** The label by the run's task rule. */
  label: 0 | 1;
  /** Linear SimpleRNNs only: exact decomposition of h(T); null otherwise. */
  contributions: Contribution[] | null;
}

/** Every step of the forward pass for one sequence: the seed's argument made visible, for every cell. */
export function trace(model: AnalysisModel, sequence: readonly number[]): TraceResult {
  const scores = digitScoresOf(model.weights);
  let state = initialState(model.model.cell, model.model.rnnUnits);
  const steps: TraceStep[] = sequence.map((digit, i) => {
    const score = scores[digit];
    const step = cellStep(model.model, score, model.weights.recurrentKernel, state);
    const equation = stepEquation(model.model, score, step, state);
    state = step.state;
    const { h, c } = step.state;
    const base = { t: i + 1, digit, score: score.slice(), recurrent: step.recurrent, preActivation: step.pre, h };
    return { ...base, ...(c ? { c } : {}), gates: step.gates, equation };
  });
  const out = readoutOf(model.model, model.weights, state.h);
  const contributions = hasContributions(model) ? linearContributions(model, sequence) : null;
  return {
    run: model.name,
    cell: model.model.cell,
    gateKeys: gateKeys(model.model.cell),
    sequence: sequence.slice(),
    steps,
    logit: out.logit,
    finalValue: readoutProjection(model, state.h),
    probability: out.probability,
    predicted: predictsPositive(out.probability) ? 1 : 0,
    label: labelOf(sequence, model.task),
    contributions,
  };
}

/** A linear SimpleRNN's state is a sum over positions; gated cells multiply gates with states, so no such sum. */
function hasContributions(model: AnalysisModel): boolean {
  return model.model.cell === 'simple' && model.model.rnnActivation === 'linear';
}

/** The part of the logit a state h carries: unit 0 (activation readout) or h·k (dense, without its bias). */
function readoutProjection(model: AnalysisModel, h: readonly number[]): number {
  const dense = model.model.readout === 'dense' ? model.weights.readout : undefined;
  return dense ? h.reduce((sum, hj, j) => sum + hj * dense.kernel[j][0], 0) : h[0];
}

/**
 * For a linear SimpleRNN, h(T) = Σ_t score(x_t)·U^(T−t) exactly (h0 = 0, so no other term).
 * With one unit U^(T−t) is a plain power; with more units it is the matrix power,
 * applied on the right as in Keras' row-vector recurrence. Each position's share of the logit is
 * its vector read as the readout reads h (linear too), so the shares sum to `finalValue`.
 */
export function linearContributions(model: AnalysisModel, sequence: readonly number[]): Contribution[] {
  const scores = digitScoresOf(model.weights);
  const u = model.weights.recurrentKernel;
  const n = sequence.length;
  return sequence.map((digit, i) => {
    const vector = vecMat(scores[digit], matPow(u, n - 1 - i));
    return { t: i + 1, digit, vector, value: readoutProjection(model, vector) };
  });
}
