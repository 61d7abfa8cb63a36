import type { Session } from '../../../shared/schemas/session.js';
import { firstProblem, type RunCheck } from './session-sense/check.js';
import { checkDigitScores, checkLabels } from './session-sense/derived.js';
import { checkHistory } from './session-sense/history.js';
import { checkBatchLoss, checkSnapshots } from './session-sense/series.js';
import { checkShapes } from './session-sense/shapes.js';
import { checkStatus } from './session-sense/status.js';
import { checkSweeps } from './session-sense/sweeps.js';
import { checkView } from './session-sense/view.js';

/**
 * The rules, in the order they run: shapes first (the later rules index the
 * matrices), the history (so "5 rows for a 4-epoch run" is said as such), then
 * what the run's status promises, its series, and what the weights and the task
 * determine.
 */
const RUN_CHECKS: readonly RunCheck[] = [
  checkShapes,
  checkHistory,
  checkStatus,
  checkBatchLoss,
  checkSnapshots,
  checkDigitScores,
  checkLabels,
];

/**
 * Checks what a schema cannot: that a schema-valid session also makes sense
 * (shapes follow each run's config, results fit the run, stored values agree
 * with the weights and the task, sweep tags agree with their runs and sweeps, the view names real runs). Returns the first
 * problem as "$.path: what is wrong", or null.
 */
export function findInconsistency(session: Session): string | null {
  for (const [i, run] of session.runs.entries()) {
    const problem = firstProblem(RUN_CHECKS, run, `$.runs.${i}`);
    if (problem) return problem;
  }
  return checkSweeps(session) ?? checkView(session);
}
