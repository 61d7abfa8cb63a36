import { digitScoresOf } from '../../../../shared/analysis/forward.js';
import type { Run } from '../../../../shared/schemas/run.js';
import type { Weights } from '../../../../shared/schemas/run-result.js';
import { TASKS } from '../../../../shared/tasks.js';
import { labelOf } from '../../../../shared/task-rule.js';

/** Relative to the largest sum the terms could reach: summation order and float32 tools differ in the last digits, a changed value does not. */
const SCORE_TOLERANCE = 1e-6;

/**
 * Stored digit scores equal embedding · kernel + bias of the run's weights.
 * Checked rather than derived on load: the file stays a faithful record, so a
 * file edited or damaged by hand is refused instead of silently "repaired", and
 * a script that reads digitScores from the file sees what the app showed.
 */
export function checkDigitScores(run: Run, at: string): string | null {
  if (!run.digitScores) return null;
  if (!run.weights) return `${at}.digitScores: digit scores without weights cannot be checked`;
  const expected = digitScoresOf(run.weights);
  const scale = digitScoresOf(absolute(run.weights));
  for (const [d, row] of run.digitScores.entries()) {
    for (const [j, stored] of row.entries()) {
      if (Math.abs(stored - expected[d][j]) <= SCORE_TOLERANCE * scale[d][j]) continue;
      return `${at}.digitScores.${d}.${j}: ${stored} is not embedding·kernel + bias (the weights give ${Number(expected[d][j].toPrecision(6))})`;
    }
  }
  return null;
}

/** Every stored prediction's label is the task's label for its input. */
export function checkLabels(run: Run, at: string): string | null {
  const task = run.config.task;
  for (const [i, prediction] of run.predictions.entries()) {
    const label = labelOf(prediction.input, task);
    if (prediction.label === label) continue;
    const rule = TASKS[task.kind].describe(task);
    return `${at}.predictions.${i}.label: ${prediction.label} contradicts the input (the ${task.kind} task: ${rule})`;
  }
  return null;
}

function absolute(w: Weights): Weights {
  const abs = (m: number[][]) => m.map((row) => row.map(Math.abs));
  return {
    embedding: abs(w.embedding),
    kernel: abs(w.kernel),
    recurrentKernel: abs(w.recurrentKernel),
    bias: w.bias.map(Math.abs),
  };
}
