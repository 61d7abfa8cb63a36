import type { Weights } from '../schemas/run-result.js';
import { cellStep, initialState, readoutOf, type CellState } from './cell-step.js';
import { addVec, vecMat, type Matrix, type Vector } from './linalg.js';
import type { AnalysisModel } from './model.js';

/** score(d) = Emb[d]·W + b for every digit d: vocab × G·units (every gate's columns side by side). */
export function digitScoresOf(w: Weights): Matrix {
  return w.embedding.map((row) => addVec(vecMat(row, w.kernel), w.bias));
}

/**
 * The model's output from the last state: `activation` reads unit 0 (through the output sigmoid, or as
 * the probability itself for a sigmoid RNN without one), `dense` is Dense(1) + sigmoid over the units,
 * as the engine's model. `logit` is what the output sigmoid receives.
 */
export function readout(model: AnalysisModel, h: readonly number[]): { logit: number; probability: number } {
  return readoutOf(model.model, model.weights, h);
}

/** The last state ({h}, and c for LSTM) of a sequence. */
export function finalCellState(
  model: AnalysisModel,
  sequence: readonly number[],
  scores = digitScoresOf(model.weights),
): CellState {
  let state = initialState(model.model.cell, model.model.rnnUnits);
  for (const d of sequence) state = cellStep(model.model, scores[d], model.weights.recurrentKernel, state).state;
  return state;
}

/** Final output h(T) of a sequence (what the readout reads). */
export function finalState(
  model: AnalysisModel,
  sequence: readonly number[],
  scores = digitScoresOf(model.weights),
): Vector {
  return finalCellState(model, sequence, scores).h;
}

/** The model's probability that `sequence` is labelled 1. */
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
