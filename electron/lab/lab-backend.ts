import type { EventChannel } from '../../shared/contract.js';
import type { ErrorCode } from '../../shared/errors.js';
import { dispatch } from './dispatch.js';
import type { LabService } from './lab-service.js';

/** What a host adapter (the web server, the Electron main process) needs of the lab service. */
export type CallOutcome = { ok: true; result: unknown } | { ok: false; error: { code: ErrorCode; message: string } };

export interface LabBackend {
  /** Validates `payload` against the contract and runs the call; never throws. */
  call(channel: string, payload: unknown): Promise<CallOutcome> | CallOutcome;
  /** Every pushed event of the service; returns the unsubscribe function. */
  subscribe(listener: (event: EventChannel, payload: unknown) => void): () => void;
}

/** The lab service as a backend: every call goes through the one dispatch door. */
export function labBackend(service: LabService): LabBackend {
  return {
    call: (channel, payload) => dispatch(service, channel, payload),
    subscribe: (listener) => service.subscribe(listener),
  };
}
