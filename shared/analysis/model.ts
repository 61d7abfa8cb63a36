import { gateCount } from '../cells.js';
import { LabError } from '../errors.js';
import type { ModelConfig, TaskConfig } from '../schemas/run-config.js';
import type { Weights } from '../schemas/run-result.js';
import type { Run } from '../schemas/run.js';

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
 * Weights whose shapes disagree with the config would give silent nonsense; refuse them. The kernels hold
 * G gates side by side (shared/cells.ts); the dense readout's weights are there iff the readout is dense.
 */
export function checkShapes(w: Weights, model: ModelConfig, task: TaskConfig, name = 'run'): void {
  const { embeddingDim: e, rnnUnits: u } = model;
  const cols = gateCount(model.cell) * u;
  const bad = (what: string) => new LabError('bad-request', `run "${name}": ${what} does not match its config`);
  if (w.embedding.length !== task.vocabularySize || w.embedding.some((r) => r.length !== e))
    throw bad('embedding shape');
  if (w.kernel.length !== e || w.kernel.some((r) => r.length !== cols)) throw bad('kernel (W) shape');
  if (w.recurrentKernel.length !== u || w.recurrentKernel.some((r) => r.length !== cols))
    throw bad('recurrent kernel (U) shape');
  if (w.bias.length !== cols) throw bad('bias shape');
  const dense = model.readout === 'dense';
  if (dense !== (w.readout !== undefined)) {
    const why = dense ? 'the dense readout has no readout weights' : 'readout weights without the dense readout';
    throw new LabError('bad-request', `run "${name}": ${why}`);
  }
  if (w.readout && (w.readout.kernel.length !== u || w.readout.kernel.some((r) => r.length !== 1)))
    throw bad('readout kernel shape');
  if (w.readout && w.readout.bias.length !== 1) throw bad('readout bias shape');
}
