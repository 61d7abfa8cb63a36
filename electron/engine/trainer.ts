import type { Weights } from '../../shared/schemas/run-result.js';

/** Sums over the steps since the last drain (loss and accuracy per output unit). */
export interface StepStats {
  lossSum: number;
  correct: number;
  count: number;
}

/** One engine path (fused or reference) behind the shared training loop in train-run.ts. */
export interface Trainer {
  /** One Adam step on these training rows (indices into the data set). */
  step(rows: Int32Array): void;
  /** Statistics of the steps since the last call; may read values back from the backend. */
  drain(): StepStats;
  /** Mean loss and accuracy over the rows, evaluated in as few batches as memory allows. */
  evaluate(rows: Int32Array): { loss: number; acc: number };
  /** Model output per row (mean over units when rnnUnits > 1). */
  probabilities(rows: Int32Array): number[];
  weights(): Weights;
  /** Frees every tensor and variable the trainer made. */
  dispose(): void;
}

/** Rows per evaluation call: validation in one batch for the seed's 2,000 rows, bounded memory beyond. */
export const EVAL_CHUNK = 4096;

export function chunks(rows: Int32Array, size: number): Int32Array[] {
  const out: Int32Array[] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.subarray(i, Math.min(rows.length, i + size)));
  return out;
}
