import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { z } from 'zod';
import { APP_VERSION } from '../../../shared/app-version.js';
import { LabError } from '../../../shared/errors.js';
import {
  SESSION_FORMAT,
  SESSION_MAX_BYTES,
  SESSION_VERSION,
  sessionSchema,
  type Session,
} from '../../../shared/schemas/session.js';
import { SESSION_LIMIT_TEXT, sessionTooLargeMessage } from '../../../shared/session-text-size.js';
import { writeFileAtomic } from './atomic-write.js';
import { errnoWords } from './errno-words.js';
import { jsonTextBytes } from './json-text-size.js';
import { findInconsistency } from './session-consistency.js';
import { jsonSyntaxError } from './json-syntax-error.js';
import { migrate } from './session-migrations.js';
import { decodeUtf8 } from './utf8-text.js';
import { valueKind } from '../../../shared/value-kind.js';

export { SESSION_LIMIT_TEXT };

/**
 * A session as file text: pretty JSON, so diffs and curious readers can follow it.
 * A session over the file limit is refused with its size, measured before the text
 * is built: such a text could not be read back, and past a few hundred MB it cannot
 * even be built ("Invalid string length").
 */
export function serializeSession(session: Session): string {
  return textWithinLimit(session, savedBytes(session));
}

/** The UTF-8 size serializeSession's text would have; refused past the file limit. */
function savedBytes(session: Session): number {
  const bytes = jsonTextBytes(session, 2) + 1;
  if (bytes > SESSION_MAX_BYTES) throw tooLargeToSave(bytes);
  return bytes;
}

function textWithinLimit(session: Session, measured: number): string {
  let text: string;
  try {
    text = `${JSON.stringify(session, null, 2)}\n`;
  } catch (err) {
    if (err instanceof RangeError) throw tooLargeToSave(measured);
    throw err;
  }
  // `measured` may be of the session before validation filled in defaults: the text itself decides.
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > SESSION_MAX_BYTES) throw tooLargeToSave(bytes);
  return text;
}

/** "this session is too large to save (80.3 MB, limit 64 MB)": rounded up, so a session just over never reads as the limit. */
function tooLargeToSave(bytes: number): LabError {
  const mb = Math.ceil((bytes / (1024 * 1024)) * 10) / 10;
  return new LabError(
    'bad-file',
    `this session is too large to save (${mb.toFixed(1)} MB, limit ${SESSION_LIMIT_TEXT})`,
  );
}

/** Builds the file-level wrapper around the lab's runs, view and sweeps (none unless given). */
export function makeSession(
  parts: Pick<Session, 'runs' | 'view'> & { sweeps?: Session['sweeps']; createdAt?: string },
): Session {
  const now = new Date().toISOString();
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    appVersion: APP_VERSION,
    createdAt: parts.createdAt ?? now,
    modifiedAt: now,
    runs: parts.runs,
    view: parts.view,
    sweeps: parts.sweeps ?? [],
  };
}

/** A session as read, with what opening it had to change in one line each (for the place that shows load notices). */
export interface LoadedSession {
  session: Session;
  notices: string[];
}

/**
 * Text → Session, or a LabError('bad-file') whose message is one sentence
 * naming the file, what is wrong and where (a JSON path). Nothing half-loads:
 * the result is either a whole valid session or an exception.
 */
export function parseSession(text: string, name: string): Session {
  return parseSessionWithNotices(text, name).session;
}

/** parseSession, also returning the migrations' notices, each as "NAME: what changed". */
export function parseSessionWithNotices(text: string, name: string): LoadedSession {
  const bad = (detail: string) => new LabError('bad-file', `${name} is not a valid session: ${detail}`);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > SESSION_MAX_BYTES) throw tooLarge(name, bytes);
  let doc: unknown;
  const json = text.replace(/^\uFEFF/, '');
  try {
    doc = JSON.parse(json);
  } catch {
    // Not JSON.parse's message: it quotes the file's first bytes (a renamed /etc/passwd would show "root:x:0:0").
    throw bad(`it is not JSON (${jsonSyntaxError(json)})`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw bad('$: expected a JSON object');
  const record = doc as Record<string, unknown>;
  if (record.format !== SESSION_FORMAT) {
    throw bad(`$.format: expected "${SESSION_FORMAT}", received ${valueKind(record.format)}`);
  }
  const notices: string[] = [];
  let migrated: Record<string, unknown>;
  try {
    migrated = migrate(record, undefined, undefined, notices);
  } catch (err) {
    const message = (err as Error).message;
    if (message.startsWith('it was made by'))
      throw new LabError('bad-file', `${name} was made by a newer RNN Lab (version ${String(record.version)})`);
    throw bad(message);
  }
  const parsed = sessionSchema.safeParse(migrated);
  if (!parsed.success) throw bad(describeIssue(parsed.error));
  const inconsistency = findInconsistency(parsed.data);
  if (inconsistency) throw bad(inconsistency);
  return { session: parsed.data, notices: notices.map((notice) => `${name}: ${notice}`) };
}

/** Reads and parses a session file; never writes to it. */
export async function readSessionFile(path: string, name = basename(path)): Promise<Session> {
  return (await readSessionFileWithNotices(path, name)).session;
}

/** readSessionFile, also returning the migrations' notices. */
export async function readSessionFileWithNotices(path: string, name = basename(path)): Promise<LoadedSession> {
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new LabError('bad-file', `${name} is not a file`);
    if (info.size > SESSION_MAX_BYTES) throw tooLarge(name, info.size);
    bytes = await readFile(path);
  } catch (err) {
    if (err instanceof LabError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new LabError('not-found', `${name} does not exist`);
    throw new LabError('bad-file', `${name} cannot be read (${errnoWords(err)})`);
  }
  const decoded = decodeUtf8(bytes);
  if ('badByte' in decoded)
    throw new LabError('bad-file', `${name} is not a valid session: it is not UTF-8 text (byte ${decoded.badByte})`);
  return parseSessionWithNotices(decoded.text, name);
}

/** Validates on the way out too (the size first: it is cheaper), then replaces the file atomically. */
export async function writeSessionFile(path: string, session: Session): Promise<void> {
  const bytes = savedBytes(session);
  const checked = sessionSchema.safeParse(session);
  if (!checked.success)
    throw new LabError('internal', `refusing to save an invalid session: ${describeIssue(checked.error)}`);
  await writeFileAtomic(path, textWithinLimit(checked.data, bytes));
}

function tooLarge(name: string, bytes: number): LabError {
  // The page refuses an upload over the limit in the same words, before sending it.
  return new LabError('bad-file', sessionTooLargeMessage(name, bytes));
}

/** "$.runs.0.weights.kernel.0.0: expected number, received null" */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '$: invalid';
  const path = ['$', ...issue.path.map(String)].join('.');
  return `${path}: ${oneLine(issue.message.replace(/^Invalid input: /, ''))}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
