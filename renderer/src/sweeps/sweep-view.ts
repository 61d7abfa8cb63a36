import type { Run } from '../../../shared/schemas/run.js';
import type { Sweep, SweepState } from '../../../shared/schemas/sweep.js';
import { sweepProgress, type SweepProgress } from '../../../shared/sweeps/progress.js';
import { roughDuration } from '../../../shared/sweeps/estimate.js';

/** What the sweep list and the panel show of sweeps: pure, so the wording and the grouping are tested alone. */

export const SWEEP_STATE_LABELS: Readonly<Record<SweepState, string>> = {
  running: 'Running',
  paused: 'Paused',
  cancelled: 'Cancelled',
  done: 'Done',
};

/**
 * The session's runs split by sweep (board order kept), and the runs no sweep made. With `known` (the
 * session's sweep ids), a run whose sweep the session does not hold counts as loose: it is still listed.
 */
export function runsBySweep(
  runs: readonly Run[],
  known?: ReadonlySet<string>,
): { loose: Run[]; bySweep: Map<string, Run[]> } {
  const loose: Run[] = [];
  const bySweep = new Map<string, Run[]>();
  for (const run of runs) {
    const id = run.sweep?.id;
    if (id === undefined || (known && !known.has(id))) loose.push(run);
    else bySweep.set(id, [...(bySweep.get(id) ?? []), run]);
  }
  return { loose, bySweep };
}

/**
 * The sweep's progress as the service last pushed it; counted from its runs when nothing was pushed yet
 * (a session just opened), with no rate to go by.
 */
export function progressOf(pushed: SweepProgress | undefined, runs: readonly Run[]): SweepProgress {
  return (
    pushed ??
    sweepProgress(
      runs.map((r) => r.status),
      { finishedSince: 0, seconds: 0 },
    )
  );
}

/** "12 / 24 done · 1 failed · 2 training" (zero failures and nothing training left out). */
export function countsText(p: SweepProgress): string {
  const parts = [`${p.done} / ${p.total} done`];
  if (p.failed) parts.push(`${p.failed} failed`);
  if (p.training) parts.push(`${p.training} training`);
  return parts.join(' · ');
}

/** "1.3 runs/s · about 20 s left", or nothing when there is no rate (paused, just started, finished). */
export function rateText(p: SweepProgress, state: SweepState): string {
  if (state !== 'running' || p.runsPerSecond <= 0) return '';
  const rate =
    p.runsPerSecond >= 10 ? p.runsPerSecond.toFixed(0) : p.runsPerSecond.toFixed(p.runsPerSecond >= 1 ? 1 : 2);
  const eta = p.etaSeconds === null ? '' : p.etaSeconds === 0 ? '' : ` · about ${roughDuration(p.etaSeconds)} left`;
  return `${rate} runs/s${eta}`;
}

/** Shares of the bar: done, failed (each 0…1 of the total). */
export function barShares(p: SweepProgress): { done: number; failed: number } {
  if (p.total === 0) return { done: 0, failed: 0 };
  return { done: p.done / p.total, failed: p.failed / p.total };
}

/**
 * The fields "Show in table" groups by: the sweep's axes that take more than one value, then (a preset's)
 * the fields its variants set differently; at most two, the table's limit. Seeds are what a group spans.
 */
export function sweepGroupFields(sweep: Pick<Sweep, 'spec'>): string[] {
  const axes = sweep.spec.axes.filter((a) => a.values.length > 1).map((a) => a.path);
  const variants = sweep.spec.variants ?? [];
  const first = variants[0]?.values ?? {};
  const varying = Object.keys(first).filter((path) =>
    variants.some((v) => JSON.stringify(v.values[path]) !== JSON.stringify(first[path])),
  );
  return [...axes, ...varying].slice(0, 2);
}

/** What the live region says when a sweep changes state ("Sweep E × act paused: 12 of 24 done"). */
export function stateAnnouncement(sweep: Pick<Sweep, 'name' | 'state'>, p: SweepProgress): string {
  const what = { running: 'running', paused: 'paused', cancelled: 'cancelled', done: 'finished' }[sweep.state];
  return `Sweep ${sweep.name} ${what}: ${p.done} of ${p.total} done${p.failed ? `, ${p.failed} failed` : ''}`;
}
