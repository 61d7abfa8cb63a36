import { gateCount } from '../../../../shared/cells.js';
import type { Run } from '../../../../shared/schemas/run.js';
import { matrixShapeProblem, weightShapeProblem } from '../../../../shared/weight-shapes.js';

/**
 * Every matrix has the shape its run's config implies (the cell's gates side by side, the
 * dense readout's weights iff the readout is dense), and every prediction's input is a
 * sequence of the task: so a file that validates can be drawn and traced, and the other
 * checks may index the matrices freely.
 */
export function checkShapes(run: Run, at: string): string | null {
  const { vocabularySize: vocab, sequenceLength: length } = run.config.task;
  const model = run.config.model;
  if (run.weights) {
    const problem = weightShapeProblem(run.weights, model, vocab, `${at}.weights`);
    if (problem) return problem;
  }
  for (const [i, snapshot] of run.snapshots.entries()) {
    const problem = weightShapeProblem(snapshot.weights, model, vocab, `${at}.snapshots.${i}.weights`);
    if (problem) return problem;
  }
  if (run.digitScores) {
    const columns = gateCount(model.cell) * model.rnnUnits;
    const problem = matrixShapeProblem(run.digitScores, vocab, columns, `${at}.digitScores`);
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
