import { z } from 'zod';
import type { ErrorCode } from './errors.js';
import { errorCodes } from './errors.js';

/**
 * Browser-mode wire protocol over one WebSocket at `/ws?token=TOKEN`.
 * Calls mirror the IPC contract (shared/contract.ts): the client sends a call
 * with an id, the server answers once with a result or an error; events are
 * pushed without an id. Payloads are validated against the contract on both ends.
 */
export const WS_PATH = '/ws';
export const TOKEN_PARAM = 'token';

export const wireCallSchema = z.object({
  type: z.literal('call'),
  id: z.number().int().min(0),
  channel: z.string(),
  payload: z.unknown(),
});

export const wireReplySchema = z.union([
  z.object({ type: z.literal('reply'), id: z.number().int(), ok: z.literal(true), result: z.unknown() }),
  z.object({
    type: z.literal('reply'),
    id: z.number().int(),
    ok: z.literal(false),
    error: z.object({ code: z.enum(errorCodes), message: z.string() }),
  }),
]);

export const wireEventSchema = z.object({
  type: z.literal('event'),
  event: z.string(),
  payload: z.unknown(),
});

export const serverMessageSchema = z.union([wireReplySchema, wireEventSchema]);

export type WireCall = z.infer<typeof wireCallSchema>;
export type WireReply = z.infer<typeof wireReplySchema>;
export type WireEvent = z.infer<typeof wireEventSchema>;
export type ServerMessage = z.infer<typeof serverMessageSchema>;
export type { ErrorCode };
