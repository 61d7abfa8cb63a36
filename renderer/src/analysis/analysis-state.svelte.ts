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

export type ColoredView = ModelView & { color: string };

/**
 * The model every view reads: the trained weights, or the what-if copy when the run has edits.
 * Memoised per run id on the weights object (the lab store keeps it while the weights do not
 * change), the model-shaping config, the name and the edits: the same inputs give the same
 * view and model objects, so views keyed on them (and the compute cache) do no work again.
 */
const memo = new Map<string, { weights: Run['weights']; key: string; view: ColoredView }>();

export function modelView(run: Run, color: string): ColoredView {
  const edits = analysis.hasEdits(run.id) ? JSON.stringify($state.snapshot(analysis.edits[run.id])) : '';
  const key = [run.name, color, JSON.stringify(run.config.model), JSON.stringify(run.config.task), edits].join('|');
  const hit = memo.get(run.id);
  if (hit && hit.weights === run.weights && hit.key === key) {
    if (hit.view.run !== run) hit.view = { ...hit.view, run }; // same model; the run's other fields moved on
    return hit.view;
  }
  const view = { ...buildView(run), color };
  memo.set(run.id, { weights: run.weights, key, view });
  return view;
}

/** Forget runs that left the session. */
export function keepModelViews(ids: ReadonlySet<string>): void {
  for (const id of memo.keys()) if (!ids.has(id)) memo.delete(id);
}

function buildView(run: Run): ModelView {
  const base = analysisModelOf(run);
  const edits = analysis.edits[run.id];
  if (!edits || !analysis.hasEdits(run.id)) return { run, model: base, edited: false, error: null };
  try {
    return { run, model: whatIf(base, $state.snapshot(edits) as WhatIfEdits), edited: true, error: null };
  } catch (err) {
    return { run, model: base, edited: false, error: err instanceof Error ? err.message : String(err) };
  }
}
