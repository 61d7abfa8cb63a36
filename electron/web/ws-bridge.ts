import type { WebSocket } from 'ws';
import { invokeContract } from '../../shared/contract.js';
import { formatZodError } from '../../shared/format-zod-error.js';
import { toWireError } from '../../shared/errors.js';
import { wireCallSchema, type ServerMessage } from '../../shared/transport.js';
import type { LabBackend, CallOutcome } from '../lab/lab-backend.js';

/** Id used when a message is too broken to carry its own. */
const NO_ID = -1;

function send(socket: WebSocket, message: ServerMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

function reply(socket: WebSocket, id: number, outcome: CallOutcome): void {
  send(
    socket,
    outcome.ok
      ? { type: 'reply', id, ok: true, result: outcome.result }
      : { type: 'reply', id, ok: false, error: outcome.error },
  );
}

/** What the page hears when even describing a failure failed. */
const UNANSWERABLE = { code: 'internal', message: 'the lab could not answer this call' } as const;

/**
 * Turns one raw frame into a call on the backend and answers it once. Never
 * rejects: the server calls it without awaiting, and a rejection there would
 * be unhandled and stop the process.
 */
export async function handleFrame(socket: WebSocket, data: string, backend: LabBackend): Promise<void> {
  try {
    await answer(socket, data, backend);
  } catch {
    reply(socket, NO_ID, { ok: false, error: UNANSWERABLE });
  }
}

async function answer(socket: WebSocket, data: string, backend: LabBackend): Promise<void> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    reply(socket, NO_ID, { ok: false, error: { code: 'bad-request', message: 'message is not JSON' } });
    return;
  }
  const call = wireCallSchema.safeParse(parsed);
  if (!call.success) {
    const raw = (parsed as { id?: unknown } | null)?.id;
    const id = typeof raw === 'number' && Number.isInteger(raw) ? raw : NO_ID;
    reply(socket, id, { ok: false, error: { code: 'bad-request', message: formatZodError(call.error, 'message') } });
    return;
  }
  const { id, channel, payload } = call.data;
  if (!Object.hasOwn(invokeContract, channel)) {
    reply(socket, id, { ok: false, error: { code: 'bad-request', message: `unknown channel "${channel}"` } });
    return;
  }
  try {
    reply(socket, id, await backend.call(channel, payload));
  } catch (err) {
    reply(socket, id, failure(err));
  }
}

/** The error as the page sees it; an error that cannot even be read (its message throws) becomes a generic one. */
function failure(err: unknown): CallOutcome {
  try {
    return { ok: false, ...toWireError(err) };
  } catch {
    return { ok: false, error: UNANSWERABLE };
  }
}

/** Pushes one service event to every connected page (a single-user tool: all pages see one lab). */
export function broadcast(sockets: Iterable<WebSocket>, event: string, payload: unknown): void {
  const frame = JSON.stringify({ type: 'event', event, payload } satisfies ServerMessage);
  for (const socket of sockets) if (socket.readyState === socket.OPEN) socket.send(frame);
}
