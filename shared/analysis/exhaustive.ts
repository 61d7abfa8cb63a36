import { LabError } from '../errors.js';
import { activation } from './activations.js';
import { digitScoresOf, predictsPositive, readout, step } from './forward.js';
import type { Vector } from './linalg.js';
import type { AnalysisModel } from './model.js';

/** More inputs than this and "every input" is refused (10^5 = 5 digits over 10 symbols fits). */
export const EXHAUSTIVE_MAX_INPUTS = 200_000;
/** The error list keeps this many examples; counts stay exact. */
export const EXHAUSTIVE_MAX_LISTED = 1_000;

export interface ExhaustiveError {
  input: number[];
  label: 0 | 1;
  probability: number;
}

export interface ErrorGroup {
  /** How many target digits the inputs of this group hold. */
  targetCount: number;
  /** Where they are, e.g. "·4·" (target shown, others as ·). Null when grouping by count only. */
  pattern: string | null;
  total: number;
  errors: number;
}

export interface ExhaustiveResult {
  run: string;
  total: number;
  correct: number;
  accuracy: number;
  /** Errors over all inputs (exact), and the first EXHAUSTIVE_MAX_LISTED of them. */
  errorCount: number;
  errors: ExhaustiveError[];
  /** Inputs grouped by how many targets they hold. */
  byCount: ErrorGroup[];
  /** Groups by target positions that hold at least one error (for T ≤ 12, else empty). */
  byPattern: ErrorGroup[];
}

export function exhaustiveCount(model: AnalysisModel): number {
  return model.task.vocabularySize ** model.task.sequenceLength;
}

/**
 * Evaluates all vocab^T inputs of the run's task. The search walks the input tree
 * depth-first so each prefix's state is computed once (vocab^T steps in all, not T·vocab^T).
 */
export function exhaustive(model: AnalysisModel): ExhaustiveResult {
  const { vocabularySize: vocab, sequenceLength: T, targetDigit: target } = model.task;
  const total = exhaustiveCount(model);
  if (total > EXHAUSTIVE_MAX_INPUTS) {
    throw new LabError(
      'bad-request',
      `every input means ${vocab}^${T} = ${total.toExponential(2)} inputs, more than the limit of ${EXHAUSTIVE_MAX_INPUTS}`,
    );
  }
  const scores = digitScoresOf(model.weights);
  const f = activation(model.model.rnnActivation);
  const u = model.weights.recurrentKernel;
  const byCount = Array.from({ length: T + 1 }, (_, k): ErrorGroup => ({
    targetCount: k,
    pattern: null,
    total: 0,
    errors: 0,
  }));
  const patterns = new Map<string, ErrorGroup>();
  const errors: ExhaustiveError[] = [];
  let errorCount = 0;
  const input = new Array<number>(T).fill(0);
  const states: Vector[] = [new Array<number>(model.model.rnnUnits).fill(0)];

  const visit = (depth: number, targets: number): void => {
    if (depth === T) {
      const p = readout(model, states[T]).probability;
      const label = targets > 0 ? 1 : 0;
      const group = byCount[targets];
      group.total++;
      if (predictsPositive(p) === (label === 1)) return;
      group.errors++;
      errorCount++;
      if (errors.length < EXHAUSTIVE_MAX_LISTED) errors.push({ input: input.slice(), label, probability: p });
      if (T <= 12) {
        const pattern = input.map((d) => (d === target ? String(target) : '·')).join('');
        const g = patterns.get(pattern) ?? { targetCount: targets, pattern, total: 0, errors: 0 };
        g.errors++;
        patterns.set(pattern, g);
      }
      return;
    }
    for (let d = 0; d < vocab; d++) {
      input[depth] = d;
      states[depth + 1] = step(f, scores[d], u, states[depth]);
      visit(depth + 1, targets + (d === target ? 1 : 0));
    }
  };
  visit(0, 0);

  // A pattern with k targets among T positions covers (vocab−1)^(T−k) inputs.
  const byPattern = [...patterns.values()]
    .map((g) => ({ ...g, total: (vocab - 1) ** (T - g.targetCount) }))
    .sort((a, b) => b.errors - a.errors || a.targetCount - b.targetCount);
  const correct = total - errorCount;
  return { run: model.name, total, correct, accuracy: correct / total, errorCount, errors, byCount, byPattern };
}
