import type { RunStatus } from '../../../shared/schemas/run-result.js';

/**
 * The service says 'queued' both for a run that was never trained and for one
 * waiting for a worker. The renderer knows which runs it asked to train, so it
 * tells the two apart: 'idle' is "not trained yet".
 */
export type DisplayStatus = RunStatus | 'idle';

export function displayStatus(run: { id: string; status: RunStatus }, requested: Readonly<Record<string, boolean>>): DisplayStatus {
  if (run.status !== 'queued') return run.status;
  return requested[run.id] ? 'queued' : 'idle';
}

/** Busy = a Cancel makes sense: training, or waiting for a worker. */
export function isBusy(status: DisplayStatus): boolean {
  return status === 'training' || status === 'queued';
}
