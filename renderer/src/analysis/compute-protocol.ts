import type { AnalysisModel, ExhaustiveResult, LengthResult } from '../../../shared/analysis/index.js';

/** The analyses too slow for the main thread (lengths: ~100–300 ms a run; every input: up to 200,000 forward passes). */
export type ComputeJob = { kind: 'lengths'; maxLength: number } | { kind: 'exhaustive' };
export type ComputeValue<J extends ComputeJob> = J extends { kind: 'lengths' } ? LengthResult : ExhaustiveResult;

export interface ComputeRequest {
  id: number;
  model: AnalysisModel;
  job: ComputeJob;
}

export type ComputeReply =
  { id: number; ok: true; value: LengthResult | ExhaustiveResult } | { id: number; ok: false; error: string };
