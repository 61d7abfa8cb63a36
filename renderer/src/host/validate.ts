import {
  eventContract,
  invokeContract,
  type EventChannel,
  type EventPayload,
  type InvokeChannel,
  type InvokeResponse,
} from '../../../shared/contract.js';
import { LabError } from '../../../shared/errors.js';
import { formatZodError } from '../../../shared/format-zod-error.js';

/** Replies are checked against the contract: a host that sends a wrong shape fails loudly, not later in a chart. */
export function parseResponse<C extends InvokeChannel>(channel: C, value: unknown): InvokeResponse<C> {
  const parsed = invokeContract[channel].response.safeParse(value);
  if (!parsed.success) throw new LabError('internal', formatZodError(parsed.error, `reply to ${channel}`));
  return parsed.data as InvokeResponse<C>;
}

export function parseEvent<E extends EventChannel>(event: E, value: unknown): EventPayload<E> | null {
  const parsed = eventContract[event].safeParse(value);
  if (!parsed.success) {
    console.warn(formatZodError(parsed.error, `event ${event}`));
    return null;
  }
  return parsed.data as EventPayload<E>;
}
