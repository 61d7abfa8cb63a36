import type { Run } from '../../../../shared/schemas/run.js';
import type { Weights } from '../../../../shared/schemas/run-result.js';

/**
 * Every matrix has the shape its run's config implies, and every prediction's
 * input is a sequence of the task: so a file that validates can be drawn and
 * traced, and the other checks may index the matrices freely.
 */
export function checkShapes(run: Run, at: string): string | null {
  const { vocabularySize: vocab, sequenceLength: length } = run.config.task;
  const units = run.config.model.rnnUnits;
  if (run.weights) {
    const problem = checkWeights(run.weights, run, `${at}.weights`);
    if (problem) return problem;
  }
  for (const [i, snapshot] of run.snapshots.entries()) {
    const problem = checkWeights(snapshot.weights, run, `${at}.snapshots.${i}.weights`);
    if (problem) return problem;
  }
  if (run.digitScores) {
    const problem = checkMatrix(run.digitScores, vocab, units, `${at}.digitScores`);
    if (problem) return problem;
  }
  for (const [i, prediction] of run.predictions.entries()) {
    const where = `${at}.predictions.${i}.input`;
    if (prediction.input.length !== length)
      return `${where}: expected ${length} digits, found ${prediction.input.length}`;
    const bad = prediction.input.findIndex((digit) => digit >= vocab);
    if (bad >= 0) return `${where}.${bad}: digit ${prediction.input[bad]} is not below the vocabulary size ${vocab}`;
  }
  return null;
}

function checkWeights(weights: Weights, run: Run, at: string): string | null {
  const { vocabularySize: vocab } = run.config.task;
  const { embeddingDim: dim, rnnUnits: units } = run.config.model;
  return (
    checkMatrix(weights.embedding, vocab, dim, `${at}.embedding`) ??
    checkMatrix(weights.kernel, dim, units, `${at}.kernel`) ??
    checkMatrix(weights.recurrentKernel, units, units, `${at}.recurrentKernel`) ??
    (weights.bias.length === units ? null : `${at}.bias: expected ${units} values, found ${weights.bias.length}`)
  );
}

function checkMatrix(matrix: number[][], rows: number, cols: number, at: string): string | null {
  if (matrix.length !== rows) return `${at}: expected ${rows} rows, found ${matrix.length}`;
  const bad = matrix.findIndex((row) => row.length !== cols);
  return bad < 0 ? null : `${at}.${bad}: expected ${cols} values, found ${matrix[bad].length}`;
}
