import { boardOrder } from '../board-order.js';
import { LabError } from '../errors.js';
import type { Run } from '../schemas/run.js';
import type { Session } from '../schemas/session.js';
import type { Sweep } from '../schemas/sweep.js';
import type { ReportRun } from './report-data.js';

/** Which runs a report shows: named runs (names or ids), one sweep's runs (its name or id), or every run. */
export interface ReportSelection {
  runs?: readonly string[];
  sweep?: string;
}

export interface SelectedRuns {
  runs: ReportRun[];
  sweep: Sweep | null;
}

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ') || 'none';

function pickRun(all: readonly ReportRun[], which: string): ReportRun {
  const byId = all.find((r) => r.run.id === which);
  if (byId) return byId;
  const byName = all.filter((r) => r.run.name === which);
  if (byName.length > 1) throw new LabError('bad-request', `two runs are named "${which}"; pass the run id instead`);
  if (byName.length === 1) return byName[0];
  throw new LabError('not-found', `no run named "${which}" (runs: ${quoted(all.map((r) => r.run.name))})`);
}

function pickSweep(session: Session, which: string): Sweep {
  const sweep = session.sweeps.find((s) => s.id === which) ?? session.sweeps.find((s) => s.name === which);
  if (sweep) return sweep;
  throw new LabError('not-found', `no sweep named "${which}" (sweeps: ${quoted(session.sweeps.map((s) => s.name))})`);
}

/** The selected runs in board order, each with its board place (its colour), or a one-line error. */
export function selectReportRuns(session: Session, selection: ReportSelection): SelectedRuns {
  if (selection.runs && selection.sweep !== undefined)
    throw new LabError('bad-request', 'pass runs or a sweep, not both');
  const all = boardOrder(session).map((run: Run, index) => ({ run, index }));
  if (selection.sweep !== undefined) {
    const sweep = pickSweep(session, selection.sweep);
    const runs = all.filter((r) => r.run.sweep?.id === sweep.id);
    if (!runs.length) throw new LabError('not-found', `sweep "${sweep.name}" has no runs in this session`);
    return { runs, sweep };
  }
  if (selection.runs) {
    if (!selection.runs.length) throw new LabError('bad-request', 'no runs named');
    const picked = new Set(selection.runs.map((name) => pickRun(all, name)));
    return { runs: all.filter((r) => picked.has(r)), sweep: null };
  }
  if (!all.length) throw new LabError('not-found', 'the session has no runs');
  return { runs: all, sweep: null };
}
