import type { RunConfig } from '../../../shared/schemas/run-config.js';
import type { Run } from '../../../shared/schemas/run.js';
import { estimateSweep, estimateText } from '../../../shared/sweeps/estimate.js';

/**
 * The builder's time estimate and what it rests on, in words. The lab trains on as many workers as the
 * host has cores; the page runs on the same machine (Electron, or browser mode on 127.0.0.1), so the
 * page's own core count is the host's.
 */
export function estimateLine(
  configs: ReadonlyArray<Pick<RunConfig, 'task' | 'training' | 'model'>>,
  runs: ReadonlyArray<Pick<Run, 'config' | 'status' | 'trainSeconds'>>,
  workers: number,
): { text: string; basis: string } {
  const estimate = estimateSweep(configs, runs, workers);
  const on = `${workers} worker${workers === 1 ? '' : 's'}`;
  const basis =
    estimate.basedOn === 0
      ? `a rough guess on ${on}: no run of this session has finished yet`
      : `from ${estimate.basedOn} finished run${estimate.basedOn === 1 ? '' : 's'} of this session, on ${on}`;
  return { text: estimateText(estimate), basis };
}

/** Cores of this machine (at least 1). */
export function hostWorkers(): number {
  const n = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency;
  return Number.isInteger(n) && n > 0 ? n : 1;
}
