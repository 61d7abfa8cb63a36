import type { Run } from '../../shared/schemas/run.js';
import { showOutputSchema, type ShowOutput } from '../../shared/schemas/session-export.js';
import type { Session } from '../../shared/schemas/session.js';

/** The `show --json` scripting contract, checked against its schema before it is printed. */
export function showOutput(session: Session): ShowOutput {
  const ordered = session.view.order
    .map((id) => session.runs.find((r) => r.id === id))
    .filter((r): r is Run => r !== undefined);
  const runs = [...ordered, ...session.runs.filter((r) => !ordered.includes(r))];
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
    })),
  });
}
