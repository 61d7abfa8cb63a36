import type { Weights } from '../../shared/schemas/run-result.js';

/**
 * Sums over the steps since the last drain. The model has one output per row (the readout: the seed's
 * one unit, or Dense(1) over the units), so the loss is the mean binary cross-entropy over rows (what
 * Adam minimises, as Keras computes it) and accuracy counts rows whose probability is on the label's
 * side of 0.5.
 */
export interface StepStats {
  /** Binary cross-entropy summed over rows. */
  lossSum: number;
  /** The rows the loss was summed over. */
  lossCount: number;
  /** Rows whose probability is on the label's side of 0.5. */
  correct: number;
  rows: number;
}

export const emptyStats = (): StepStats => ({ lossSum: 0, lossCount: 0, correct: 0, rows: 0 });

/** One engine path (fused or reference) behind the shared training loop in train-run.ts. */
export interface Trainer {
  /** One Adam step on these training rows (indices into the data set). */
  step(rows: Int32Array): void;
  /** Statistics of the steps since the last call; may read values back from the backend. */
  drain(): StepStats;
  /** Mean loss and accuracy over the rows, evaluated in as few batches as memory allows. */
  evaluate(rows: Int32Array): { loss: number; acc: number };
  /** The model's probability per row. */
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
