import {
  exhaustive,
  lengthGeneralisation,
  type AnalysisModel,
  type ExhaustiveResult,
  type LengthResult,
} from '../../../shared/analysis/index.js';
import type { ComputeJob } from './compute-protocol.js';

/** One job, the same code in the worker and (when no worker can start) on the main thread. */
export function runJob(model: AnalysisModel, job: ComputeJob): LengthResult | ExhaustiveResult {
  return job.kind === 'lengths' ? lengthGeneralisation(model, { maxLength: job.maxLength }) : exhaustive(model);
}
