import { showOutputSchema, type ShowOutput } from '../../shared/schemas/session-export.js';
import type { Session } from '../../shared/schemas/session.js';
import { majorityBaseline, runHealth } from '../../shared/run-health.js';
import { boardOrder } from './board-order.js';

/** The `show --json` scripting contract, checked against its schema before it is printed. */
export function showOutput(session: Session): ShowOutput {
  const runs = boardOrder(session);
  return showOutputSchema.parse({
    format: session.format,
    version: session.version,
    runs: runs.map((run) => ({
      id: run.id,
      name: run.name,
      status: run.status,
      backend: run.backend?.name ?? null,
      backendReason: run.backend?.reason ?? null,
      config: run.config,
      summary: run.summary ?? null,
      history: run.history,
      weights: run.weights ?? null,
      digitScores: run.digitScores ?? null,
      predictions: run.predictions,
      trainSeconds: run.trainSeconds ?? null,
      baseline: majorityBaseline(run.config.task),
      health: runHealth(run, session.view.table.threshold),
    })),
  });
}
