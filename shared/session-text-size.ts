import { SESSION_MAX_BYTES } from './schemas/session.js';

/**
 * How big a session file may be, in the units each side can see: the page
 * knows a File's size and its text, the server counts bytes in a WebSocket
 * message. Both sides import these, so a file the page lets through always
 * fits the server's frame limit and the page says "too large" itself.
 */

const MIB = 1024 * 1024;

/** "64 MB": the limit as people read it. */
export const SESSION_LIMIT_TEXT = `${SESSION_MAX_BYTES / MIB} MB`;

/**
 * A session file's text, JSON-escaped, may take this many bytes: a file of
 * nothing but `"` (or `\`, or line breaks) at the size limit doubles. Text
 * made of other control characters (6 bytes each escaped) cannot be a session
 * file, as JSON forbids them raw; the page refuses it before sending.
 */
export const MAX_SESSION_TEXT_ESCAPED_BYTES = 2 * SESSION_MAX_BYTES + 2;

/** The largest WebSocket message the browser-mode server reads: the escaped text plus room for the call around it. */
export const MAX_WS_MESSAGE_BYTES = MAX_SESSION_TEXT_ESCAPED_BYTES + 64 * 1024;

function megabytes(bytes: number): string {
  return (bytes / MIB).toFixed(1);
}

/** "big.rnnlab is too large (70.0 MB; session files are limited to 64 MB)" */
export function sessionTooLargeMessage(name: string, bytes: number): string {
  return `${name} is too large (${megabytes(bytes)} MB; session files are limited to ${SESSION_LIMIT_TEXT})`;
}

/**
 * UTF-8 bytes of `JSON.stringify(text)`, counted without building it (the
 * string may be 64 MB). Lone surrogates are written as \uXXXX, as the
 * well-formed JSON.stringify does.
 */
export function jsonStringBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) bytes += 2;
    else if (c < 0x20) bytes += c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d ? 2 : 6;
    else if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 6;
    } else if (c >= 0xdc00 && c <= 0xdfff) bytes += 6;
    else bytes += 3;
  }
  return bytes;
}

/** Why the page will not send a file of `bytes` bytes, or null: checked before the file is read. */
export function uploadSizeProblem(name: string, bytes: number): string | null {
  return bytes > SESSION_MAX_BYTES ? sessionTooLargeMessage(name, bytes) : null;
}

/** Why the page will not send this text, or null: the server would have to drop the connection over it. */
export function uploadTextProblem(name: string, text: string): string | null {
  const escaped = jsonStringBytes(text);
  if (escaped <= MAX_SESSION_TEXT_ESCAPED_BYTES) return null;
  return `${name} is too large to send (${megabytes(escaped)} MB once encoded; the limit is ${megabytes(MAX_SESSION_TEXT_ESCAPED_BYTES)} MB)`;
}
