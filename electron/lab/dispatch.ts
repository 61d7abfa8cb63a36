import { invokeContract, type InvokeChannel } from '../../shared/contract.js';
import { toWireError, type WireError } from '../../shared/errors.js';
import { formatZodError } from '../../shared/format-zod-error.js';
import type { LabRequest, LabService } from './lab-service.js';

export type DispatchReply = { ok: true; result: unknown } | ({ ok: false } & WireError);

const isChannel = (channel: string): channel is InvokeChannel => Object.hasOwn(invokeContract, channel);

/**
 * The one door into the lab service for every host (Electron IPC handlers,
 * the browser-mode server): known channel, payload checked against the
 * contract's schema, errors turned into `{ code, message }` wire errors.
 */
export async function dispatch(service: LabService, channel: string, rawPayload: unknown): Promise<DispatchReply> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'bad-request', message: `unknown channel ${JSON.stringify(channel)}` } };
  }
  const parsed = invokeContract[channel].request.safeParse(rawPayload ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'bad-request', message: formatZodError(parsed.error, `${channel} request`).replace(/\s+/g, ' ') } };
  }
  try {
    const result = await service.handle(channel, parsed.data as LabRequest<typeof channel>);
    return { ok: true, result };
  } catch (err) {
    return { ok: false, ...toWireError(err) };
  }
}
