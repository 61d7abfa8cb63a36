import { LabError } from '../errors.js';
import type { ModelConfig, TaskConfig } from '../schemas/run-config.js';
import type { Weights } from '../schemas/run-result.js';
import type { Run } from '../schemas/run.js';
import { weightShapeProblem } from '../weight-shapes.js';

/**
 * What every analysis reads: plain weights plus the model and task fields of a
 * run's config. A what-if scratch copy is just another AnalysisModel.
 */
export interface AnalysisModel {
  name: string;
  weights: Weights;
  model: ModelConfig;
  task: TaskConfig;
}

type RunLike = Pick<Run, 'name' | 'config' | 'weights'>;

/** The analysis view of a trained run; a run without weights is a one-line error. */
export function analysisModelOf(run: RunLike): AnalysisModel {
  if (!run.weights) throw new LabError('bad-request', `run "${run.name}" has no weights yet (train it first)`);
  checkShapes(run.weights, run.config.model, run.config.task, run.name);
  return { name: run.name, weights: run.weights, model: run.config.model, task: run.config.task };
}

/**
 * Weights whose shapes disagree with the config would give silent nonsense; refuse them. The rule is the
 * session loader's (shared/weight-shapes.ts): G gates side by side, readout weights iff the readout is dense.
 */
export function checkShapes(w: Weights, model: ModelConfig, task: TaskConfig, name = 'run'): void {
  const problem = weightShapeProblem(w, model, task.vocabularySize, 'weights');
  if (problem) throw new LabError('bad-request', `run "${name}": ${problem} (the weights do not match its config)`);
}
