import type { RunStatus } from '../../../shared/schemas/run-result.js';

/** Busy = a Cancel makes sense: training, or waiting for a worker. */
export function isBusy(status: RunStatus): boolean {
  return status === 'training' || status === 'queued';
}
