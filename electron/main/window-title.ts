import type { LabState } from '../../shared/contract.js';

/** "seed.rnnlab • — RNN Lab": the file name, a dot while there are unsaved changes. */
export function windowTitle(session: LabState['session']): string {
  return `${session.title}${session.dirty ? ' •' : ''} — RNN Lab`;
}
