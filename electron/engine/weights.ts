import type { Weights } from '../../shared/schemas/run-result.js';
import type { ParamLayout } from './initial-weights.js';

/** Row-major flat values → rows × cols nested arrays. */
export function toMatrix(values: ArrayLike<number>, offset: number, rows: number, cols: number): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: number[] = new Array(cols);
    for (let c = 0; c < cols; c++) row[c] = values[offset + r * cols + c];
    out.push(row);
  }
  return out;
}

/** The fused engine's flat parameter vector as the stored weight arrays (gates side by side, as tfjs keeps them). */
export function flatToWeights(flat: ArrayLike<number>, layout: ParamLayout): Weights {
  const { V, E, H, G } = layout;
  const weights: Weights = {
    embedding: toMatrix(flat, layout.embedding, V, E),
    kernel: toMatrix(flat, layout.kernel, E, G * H),
    recurrentKernel: toMatrix(flat, layout.recurrent, H, G * H),
    bias: Array.from({ length: G * H }, (_, j) => flat[layout.bias + j]),
  };
  if (layout.dense) {
    weights.readout = { kernel: toMatrix(flat, layout.readout, H, 1), bias: [flat[layout.readout + H]] };
  }
  return weights;
}

/**
 * The seed's "W_embd · W + b", for every gate: what each digit alone adds to each gate's pre-activation
 * (vocab × G·units; for a SimpleRNN, vocab × units).
 */
export function digitScores(weights: Weights): number[][] {
  const { embedding, kernel, bias } = weights;
  return embedding.map((row) => bias.map((b, j) => row.reduce((sum, value, e) => sum + value * kernel[e][j], b)));
}

export function weightsAreFinite(weights: Weights): boolean {
  const all = [
    ...weights.embedding.flat(),
    ...weights.kernel.flat(),
    ...weights.recurrentKernel.flat(),
    ...weights.bias,
    ...(weights.readout ? [...weights.readout.kernel.flat(), ...weights.readout.bias] : []),
  ];
  return all.every(Number.isFinite);
}
