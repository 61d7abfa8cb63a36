import { electronOnlyChannels, isLabChannel } from '../../shared/channels.js';
import { invokeContract } from '../../shared/contract.js';
import { toWireError, type WireError } from '../../shared/errors.js';
import { formatZodError } from '../../shared/format-zod-error.js';
import type { LabService } from './lab-service.js';

export type DispatchReply = { ok: true; result: unknown } | ({ ok: false } & WireError);

/** Why `channel` is not the lab's: Electron answers it itself, or no such channel exists. */
function notLabChannel(channel: string): string {
  const electronOnly = (electronOnlyChannels as readonly string[]).includes(channel);
  if (electronOnly) return `${channel} is answered by the Electron window only`;
  return `unknown channel ${JSON.stringify(channel)}`;
}

/**
 * The one door into the lab service for every host (Electron IPC handlers,
 * the browser-mode server): known channel, payload checked against the
 * contract's schema, errors turned into `{ code, message }` wire errors.
 * Electron's own channels are refused here, before validation: the service never sees them.
 */
export async function dispatch(service: LabService, channel: string, rawPayload: unknown): Promise<DispatchReply> {
  if (!isLabChannel(channel)) return { ok: false, error: { code: 'bad-request', message: notLabChannel(channel) } };
  const parsed = invokeContract[channel].request.safeParse(rawPayload ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'bad-request', message: formatZodError(parsed.error, `${channel} request`).replace(/\s+/g, ' ') },
    };
  }
  try {
    const result = await service.handle(channel, parsed.data);
    return { ok: true, result };
  } catch (err) {
    return { ok: false, ...toWireError(err) };
  }
}
