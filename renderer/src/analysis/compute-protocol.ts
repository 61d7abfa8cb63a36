import type { AnalysisModel, ExhaustiveResult, LengthResult } from '../../../shared/analysis/index.js';

/**
 * The analyses too slow for the main thread (lengths: ~100–300 ms a run, more for gated cells; every input:
 * up to 100,000 forward passes, a uniform sample of 100,000 above that).
 */
export type ComputeJob = { kind: 'lengths'; maxLength: number } | { kind: 'exhaustive' };
export type ComputeValue<J extends ComputeJob> = J extends { kind: 'lengths' } ? LengthResult : ExhaustiveResult;

export interface ComputeRequest {
  id: number;
  model: AnalysisModel;
  job: ComputeJob;
}

export type ComputeReply =
  { id: number; ok: true; value: LengthResult | ExhaustiveResult } | { id: number; ok: false; error: string };
