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

/** The fused engine's flat parameter vector as the seed's four weight arrays. */
export function flatToWeights(flat: ArrayLike<number>, layout: ParamLayout): Weights {
  const { V, E, H } = layout;
  return {
    embedding: toMatrix(flat, layout.embedding, V, E),
    kernel: toMatrix(flat, layout.kernel, E, H),
    recurrentKernel: toMatrix(flat, layout.recurrent, H, H),
    bias: Array.from({ length: H }, (_, j) => flat[layout.bias + j]),
  };
}

/** The seed's "W_embd · W + b": what each digit alone adds to the RNN's pre-activation (vocab × units). */
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
  ];
  return all.every(Number.isFinite);
}
