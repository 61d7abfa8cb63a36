import type { Run } from '../../../../shared/schemas/run.js';

/** One rule over one run: the first problem as "$.path: what is wrong", or null. `at` is the run's path ("$.runs.2"). */
export type RunCheck = (run: Run, at: string) => string | null;

/** The first problem the checks find, in their order (so the same file always gets the same message). */
export function firstProblem(checks: readonly RunCheck[], run: Run, at: string): string | null {
  for (const check of checks) {
    const problem = check(run, at);
    if (problem) return problem;
  }
  return null;
}
