import { gateCount } from './cells.js';
import type { ModelConfig } from './schemas/run-config.js';
import type { Weights } from './schemas/run-result.js';

/**
 * The shapes a model's weights must have, written once for the session loader and the analyses:
 * embedding [V, E], kernel [E, G·H], recurrent kernel [H, G·H], bias [G·H] (G gates side by side,
 * shared/cells.ts), and the dense readout's kernel [H, 1] and bias [1], present iff the readout is dense.
 */
export type ShapeModel = Pick<ModelConfig, 'cell' | 'embeddingDim' | 'rnnUnits' | 'readout'>;

/** The first weight whose shape the model contradicts, as "at.kernel.0: expected 6 values, found 2", or null. */
export function weightShapeProblem(weights: Weights, model: ShapeModel, vocab: number, at: string): string | null {
  const { embeddingDim: dim, rnnUnits: units } = model;
  const columns = gateCount(model.cell) * units;
  return (
    matrixShapeProblem(weights.embedding, vocab, dim, `${at}.embedding`) ??
    matrixShapeProblem(weights.kernel, dim, columns, `${at}.kernel`) ??
    matrixShapeProblem(weights.recurrentKernel, units, columns, `${at}.recurrentKernel`) ??
    vectorShapeProblem(weights.bias, columns, `${at}.bias`) ??
    readoutShapeProblem(weights, model, `${at}.readout`)
  );
}

function readoutShapeProblem(weights: Weights, model: ShapeModel, at: string): string | null {
  if (model.readout !== 'dense') {
    return weights.readout ? `${at}: the ${model.readout} readout has no weights (only the dense readout has)` : null;
  }
  if (!weights.readout) return `${at}: the dense readout needs its weights (kernel and bias)`;
  return (
    matrixShapeProblem(weights.readout.kernel, model.rnnUnits, 1, `${at}.kernel`) ??
    vectorShapeProblem(weights.readout.bias, 1, `${at}.bias`)
  );
}

/** "at: expected R rows, found N" or "at.i: expected C values, found N", or null. */
export function matrixShapeProblem(
  matrix: readonly (readonly number[])[],
  rows: number,
  cols: number,
  at: string,
): string | null {
  if (matrix.length !== rows) return `${at}: expected ${rows} rows, found ${matrix.length}`;
  const bad = matrix.findIndex((row) => row.length !== cols);
  return bad < 0 ? null : `${at}.${bad}: expected ${cols} values, found ${matrix[bad].length}`;
}

function vectorShapeProblem(vector: readonly number[], length: number, at: string): string | null {
  return vector.length === length ? null : `${at}: expected ${length} values, found ${vector.length}`;
}
