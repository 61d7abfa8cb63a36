/**
 * Errors that cross a boundary (IPC, HTTP/WS, worker) travel as plain data
 * `{ error: { code, message } }` and are rethrown as LabError on the other side.
 */
export const errorCodes = [
  'bad-request', // payload failed its schema
  'not-found', // unknown run id, missing file
  'busy', // the run is training and cannot be changed
  'bad-file', // a session file that does not validate
  'forbidden', // wrong sender or missing token
  'cancelled', // the user dismissed a dialog
  'internal', // anything else
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface WireError {
  error: { code: ErrorCode; message: string };
}

export class LabError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LabError';
  }
}

export function toWireError(err: unknown): WireError {
  if (err instanceof LabError) return { error: { code: err.code, message: err.message } };
  const message = err instanceof Error ? err.message : String(err);
  return { error: { code: 'internal', message } };
}

export function isWireError(value: unknown): value is WireError {
  return (
    typeof value === 'object' &&
    value !== null &&
    'error' in value &&
    typeof (value as WireError).error?.message === 'string'
  );
}

export function fromWireError(wire: WireError): LabError {
  const code = (errorCodes as readonly string[]).includes(wire.error.code) ? wire.error.code : 'internal';
  return new LabError(code, wire.error.message);
}
