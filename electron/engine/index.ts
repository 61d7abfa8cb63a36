/**
 * The RNN Lab training engine: plain TypeScript + tfjs, no Electron and no host knowledge.
 * Called with plain data and an AbortSignal; reports through callbacks.
 */
export { initBackend } from './backend.js';
export { makeDataset, datasetRows, type Dataset } from './dataset.js';
export { summarizeModel } from './summary.js';
export { trainRun, parseRunConfig, type TrainOptions } from './train-run.js';
export { predict } from './predict-lazy.js';
export { digitScores } from './weights.js';
export { fusedRecurrent, fusedSimpleRnn } from './fused-rnn-op.js';
export type {
  BackendInfo,
  RunResult,
  EpochRecord,
  WeightSnapshot,
  Weights,
  ModelSummary,
} from '../../shared/schemas/run-result.js';
export type { Progress } from '../../shared/schemas/progress.js';
