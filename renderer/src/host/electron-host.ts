import type {
  EventChannel,
  EventPayload,
  InvokeChannel,
  InvokeRequest,
  InvokeResponse,
} from '../../../shared/contract.js';
import { apiMethodName, eventMethodName } from '../../../shared/contract.js';
import { fromWireError, isWireError, LabError } from '../../../shared/errors.js';
import type { ExportKind, Host } from './host.js';
import { parseEvent, parseResponse } from './validate.js';
import { bytesToBase64 } from './bytes.js';

import type { Api } from '../../../electron/preload/api-types.js';

/** The preload's own type (SHELL's electron/preload), so a renamed method fails the type check here. */
export type ElectronApi = Api;

declare global {
  interface Window {
    api?: Api;
  }
}

/** Electron's ipcRenderer.invoke loses the error class; the message may carry the wire error as JSON. */
function rethrow(err: unknown): never {
  if (isWireError(err)) throw fromWireError(err);
  const message = err instanceof Error ? err.message : String(err);
  const json = message.match(/\{"error":.*\}$/);
  if (json) {
    try {
      const parsed: unknown = JSON.parse(json[0]);
      if (isWireError(parsed)) throw fromWireError(parsed);
    } catch (inner) {
      if (inner instanceof LabError) throw inner;
    }
  }
  throw new LabError('internal', message.replace(/^Error invoking remote method '[^']+': (Error: )?/, ''));
}

export function createElectronHost(api: ElectronApi): Host {
  return {
    kind: 'electron',
    async invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<InvokeResponse<C>> {
      // One named function per channel; looked up by the same rule the preload used to name them.
      const fn = (api as unknown as Record<string, unknown>)[apiMethodName(channel)];
      if (typeof fn !== 'function') throw new LabError('internal', `the preload has no ${apiMethodName(channel)}()`);
      let result: unknown;
      try {
        result = await (fn as (req: unknown) => Promise<unknown>)(request);
      } catch (err) {
        rethrow(err);
      }
      if (isWireError(result)) throw fromWireError(result);
      return parseResponse(channel, result);
    },
    on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      // One named subscription per event, looked up by the rule the preload used to name them.
      const subscribe = (api as unknown as Record<string, unknown>)[eventMethodName(event)];
      if (typeof subscribe !== 'function')
        throw new LabError('internal', `the preload has no ${eventMethodName(event)}()`);
      return (subscribe as (listener: (payload: unknown) => void) => () => void)((raw) => {
        const payload = parseEvent(event, raw);
        if (payload) listener(payload);
      });
    },
    async saveExport(name: string, kind: ExportKind, data: string | Uint8Array): Promise<string | null> {
      const text = typeof data === 'string' ? data : bytesToBase64(data);
      const { path } = await this.invoke('export:save', { defaultName: name, kind, data: text });
      return path;
    },
  };
}
