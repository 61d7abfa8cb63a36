import { RUN_RESULT_FIELDS, type Run } from '../../../../shared/schemas/run.js';

/** What a finished run always has: the charts and the analyses read them. */
const DONE_NEEDS = ['weights', 'summary', 'digitScores'] as const;

/**
 * A run's results fit its status: a `done` run is whole (weights, summary,
 * digit scores, one history row per epoch); an `idle` run has no results.
 * `cancelled` and `failed` runs may stop short; `queued` and `training` runs
 * are loaded as idle, so what they hold is dropped rather than checked here.
 */
export function checkStatus(run: Run, at: string): string | null {
  if (run.status === 'idle') {
    const held = RUN_RESULT_FIELDS.find((key) => {
      const value = run[key];
      return Array.isArray(value) ? value.length > 0 : value !== undefined;
    });
    return held ? `${at}.${held}: an idle run has no results` : null;
  }
  if (run.status !== 'done') return null;
  const missing = DONE_NEEDS.find((key) => run[key] === undefined);
  if (missing) return `${at}.${missing}: a done run must have ${missing}`;
  const epochs = run.config.training.epochs;
  if (run.history.length !== epochs) {
    return `${at}.history: a done run has one row per epoch (${epochs}), found ${run.history.length}`;
  }
  return null;
}
