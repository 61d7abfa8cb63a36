import { lstat, mkdir, readdir } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { LabError } from '../../../shared/errors.js';
import { MAX_SESSION_NAME_BYTES } from '../../../shared/limits.js';
import { SESSION_EXTENSION, hasSessionExtension } from '../../../shared/schemas/session.js';
import { unsafeCharacterIn } from '../../../shared/text-safety.js';
import { errnoCode, errnoWords } from './errno-words.js';

/**
 * Where session files may live. Electron and the CLI pass absolute paths the
 * user chose (a dialog, a command-line argument); browser mode only ever names
 * files inside one sessions folder, so a page can never reach outside it.
 */
export type SessionPathPolicy = { kind: 'absolute' } | { kind: 'folder'; dir: string };

export interface ResolvedSessionPath {
  /** Where the file is on disk. */
  file: string;
  /** What LabState.session.path shows: the absolute path, or the name in the folder. */
  label: string;
}

export function resolveSessionPath(policy: SessionPathPolicy, requested: string): ResolvedSessionPath {
  if (policy.kind === 'absolute') {
    if (!isAbsolute(requested)) throw new LabError('bad-request', `session path must be absolute: ${requested}`);
    const file = resolve(requested);
    return { file, label: file };
  }
  const name = sessionFileName(requested);
  return { file: join(policy.dir, name), label: name };
}

/** A plain file name in the sessions folder, always ending in .rnnlab (in any case: `x.RNNLAB` stays as it is). */
export function sessionFileName(requested: string): string {
  // Checked before trimming: a name that ends in a newline is refused, not quietly cut.
  const unsafe = unsafeCharacterIn(requested, false);
  if (unsafe) throw new LabError('bad-request', `name contains ${unsafe}`);
  const name = requested.trim();
  if (!name || /[/\\:]/.test(name) || name.startsWith('.')) {
    const chars = [...name];
    const shown = chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : name;
    throw new LabError(
      'bad-request',
      `not a session name: ${JSON.stringify(shown)} (use a plain file name, no folders)`,
    );
  }
  const file = hasSessionExtension(name) ? name : `${name}${SESSION_EXTENSION}`;
  // File systems limit names in bytes (255 on most): the limit leaves room for the temporary name a save writes first.
  const bytes = Buffer.byteLength(file, 'utf8');
  if (bytes > MAX_SESSION_NAME_BYTES)
    throw new LabError('bad-request', `name too long (${bytes} bytes, limit ${MAX_SESSION_NAME_BYTES})`);
  return file;
}

export { hasSessionExtension };

/** Whether `name` is one the folder policy would open as it is. */
function isPlainSessionName(name: string): boolean {
  try {
    return sessionFileName(name) === name;
  } catch {
    return false;
  }
}

/**
 * Refuses a link (or anything but a plain file) where a session file is read
 * or replaced in the sessions folder: a link would let the folder reach files
 * outside it. A name with no file yet passes; other file system errors are
 * thrown as they are, for the caller to put in words.
 */
export async function ensurePlainFileOrNothing(file: string, name: string): Promise<void> {
  const info = await lstat(file).catch((err: unknown) => {
    if (errnoCode(err) === 'ENOENT') return null;
    throw err;
  });
  if (!info) return;
  if (info.isSymbolicLink()) throw new LabError('bad-file', `${name} is a link; sessions must be plain files`);
  if (!info.isFile()) throw new LabError('bad-file', `${name} is not a plain file`);
}

export function titleOf(label: string | null): string {
  return label ? basename(label) : 'Untitled';
}

export interface SessionListing {
  name: string;
  bytes: number;
  modifiedAt: string;
}

/**
 * The folder's session files, newest first; the folder is created on first
 * use. Only what can be opened by name is listed: plain files (no links) with
 * names the folder policy accepts.
 */
export async function listSessions(dir: string): Promise<SessionListing[]> {
  let names: string[];
  try {
    await mkdir(dir, { recursive: true });
    names = (await readdir(dir)).filter(isPlainSessionName);
  } catch (err) {
    throw new LabError('internal', `cannot read the sessions folder (${errnoWords(err)})`);
  }
  const entries = await Promise.all(
    names.map(async (name) => {
      const info = await lstat(join(dir, name)).catch(() => null);
      return info?.isFile()
        ? { name, bytes: info.size, modifiedAt: info.mtime.toISOString(), mtime: info.mtimeMs }
        : null;
    }),
  );
  return entries
    .filter((e): e is NonNullable<typeof e> => e !== null)
    .sort((a, b) => b.mtime - a.mtime)
    .map(({ name, bytes, modifiedAt }) => ({ name, bytes, modifiedAt }));
}
