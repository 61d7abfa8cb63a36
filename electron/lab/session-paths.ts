import { mkdir, readdir, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { LabError } from '../../shared/errors.js';
import { SESSION_EXTENSION } from '../../shared/schemas/session.js';

/**
 * Where session files may live. Electron passes absolute paths chosen in OS
 * dialogs; browser mode only ever names files inside one sessions folder, so
 * a page can never reach outside it.
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

/** A plain file name in the sessions folder, always ending in .rnnlab. */
export function sessionFileName(requested: string): string {
  const name = requested.trim();
  if (!name || name.length > 200 || /[/\\\0:]/.test(name) || name.startsWith('.')) {
    throw new LabError('bad-request', `not a session name: ${JSON.stringify(requested)} (use a plain file name, no folders)`);
  }
  return name.toLowerCase().endsWith(SESSION_EXTENSION) ? name : `${name}${SESSION_EXTENSION}`;
}

export function titleOf(label: string | null): string {
  return label ? basename(label) : 'Untitled';
}

export interface SessionListing {
  name: string;
  bytes: number;
  modifiedAt: string;
}

/** The folder's session files, newest first; the folder is created on first use. */
export async function listSessions(dir: string): Promise<SessionListing[]> {
  await mkdir(dir, { recursive: true });
  const names = (await readdir(dir)).filter((n) => n.endsWith(SESSION_EXTENSION) && !n.startsWith('.'));
  const entries = await Promise.all(
    names.map(async (name) => {
      const info = await stat(join(dir, name)).catch(() => null);
      return info?.isFile() ? { name, bytes: info.size, modifiedAt: info.mtime.toISOString(), mtime: info.mtimeMs } : null;
    }),
  );
  return entries
    .filter((e): e is NonNullable<typeof e> => e !== null)
    .sort((a, b) => b.mtime - a.mtime)
    .map(({ name, bytes, modifiedAt }) => ({ name, bytes, modifiedAt }));
}
