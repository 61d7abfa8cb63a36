import { analysisModelOf, whatIf, type AnalysisModel, type WhatIfEdits } from '../../../shared/analysis/index.js';
import type { Run } from '../../../shared/schemas/run.js';

/**
 * The Analysis section's own state: the traced sequence, the what-if edits per run
 * (scratch only: the trained run is never changed) and the shared timeline scrubber.
 */
class AnalysisState {
  sequenceText = $state('5,8,4');
  /** What the last press of "Trace" traced. */
  traced = $state('5,8,4');
  edits = $state<Record<string, WhatIfEdits>>({});
  /** Scrubber position as a fraction of training (0…1), shared by every run. */
  scrub = $state(1);
  playing = $state(false);

  hasEdits(id: string): boolean {
    const e = this.edits[id];
    return !!e && !!((e.scores?.length ?? 0) + (e.u?.length ?? 0) + (e.b?.length ?? 0));
  }

  reset(id: string): void {
    const { [id]: _gone, ...rest } = this.edits;
    this.edits = rest;
  }
}

export const analysis = new AnalysisState();

export interface ModelView {
  run: Run;
  model: AnalysisModel;
  edited: boolean;
  error: string | null;
}

/** The model every view reads: the trained weights, or the what-if copy when the run has edits. */
export function modelView(run: Run): ModelView {
  const base = analysisModelOf(run);
  const edits = analysis.edits[run.id];
  if (!edits || !analysis.hasEdits(run.id)) return { run, model: base, edited: false, error: null };
  try {
    return { run, model: whatIf(base, $state.snapshot(edits) as WhatIfEdits), edited: true, error: null };
  } catch (err) {
    return { run, model: base, edited: false, error: err instanceof Error ? err.message : String(err) };
  }
}
