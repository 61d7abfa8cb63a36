import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { LabError } from '../../../shared/errors.js';
import {
  RECOVERY_ID_PATTERN,
  RECOVERY_LISTED_NAMES,
  type DamagedRecoveryCopy,
  type RecoveryCopyInfo,
  type RecoveryOffer,
} from '../../../shared/schemas/recovery.js';
import type { Session } from '../../../shared/schemas/session.js';
import { errnoWords } from '../sessions/errno-words.js';
import { readSessionFile } from '../sessions/session-file.js';

const EXTENSION = '.rnnlab';
const LABEL = 'the recovery copy';

/** A fresh copy id: now, to the second (sorts and reads as a time), and 8 random hex digits. */
export function newRecoveryId(at: Date = new Date()): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');
  return `${stamp}-${randomBytes(4).toString('hex')}`;
}

type Listed = { copy: RecoveryCopyInfo } | { damaged: DamagedRecoveryCopy };

/**
 * The recovery folder: one copy per process (or per piece of work set aside),
 * `<id>.rnnlab`. Only names matching the id pattern count, so the atomic
 * writer's temporary files and anything else in the folder are ignored. A
 * copy that does not validate is listed as damaged and left on disk.
 */
export class RecoveryFolder {
  /** Validation results by file identity: a page reload does not re-parse unchanged copies. */
  private readonly seen = new Map<string, { key: string; listed: Listed }>();

  constructor(readonly dir: string) {}

  pathOf(id: string): string {
    if (!RECOVERY_ID_PATTERN.test(id)) throw new LabError('bad-request', `"${id}" is not a recovery copy id`);
    return join(this.dir, `${id}${EXTENSION}`);
  }

  /** Every copy but `own` (the one this process writes), newest first. */
  async list(own: string): Promise<RecoveryOffer> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const copies: RecoveryCopyInfo[] = [];
    const damaged: DamagedRecoveryCopy[] = [];
    for (const name of names) {
      const id = name.endsWith(EXTENSION) ? name.slice(0, -EXTENSION.length) : '';
      if (!RECOVERY_ID_PATTERN.test(id) || id === own) continue;
      const listed = await this.describe(id);
      if (listed && 'copy' in listed) copies.push(listed.copy);
      else if (listed) damaged.push(listed.damaged);
    }
    const newestFirst = (a: { savedAt: string; id: string }, b: { savedAt: string; id: string }) =>
      b.savedAt.localeCompare(a.savedAt) || b.id.localeCompare(a.id);
    return { copies: copies.sort(newestFirst), damaged: damaged.sort(newestFirst) };
  }

  /** An offered copy's session: not-found unless it is in the listing, bad-file when it does not validate. */
  async read(id: string, own: string): Promise<Session> {
    await this.mustBeOffered(id, own, 'restore');
    return readSessionFile(this.pathOf(id), LABEL).catch((err: unknown) => {
      if (err instanceof LabError && err.code === 'not-found') throw missing(id, 'restore');
      throw err;
    });
  }

  /** Deletes an offered copy (damaged ones too: the user asked for it). */
  async remove(id: string, own: string): Promise<void> {
    await this.mustBeOffered(id, own, 'discard');
    await unlink(this.pathOf(id)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT')
        throw new LabError('internal', `the recovery copy could not be deleted (${errnoWords(err)})`);
    });
    this.seen.delete(id);
  }

  /** Moves the single copy older versions kept into the folder, keeping its time, so upgrading loses nothing. */
  async adoptLegacy(file: string): Promise<void> {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return;
    await mkdir(this.dir, { recursive: true });
    await rename(file, this.pathOf(newRecoveryId(info.mtime)));
  }

  private async mustBeOffered(id: string, own: string, action: string): Promise<void> {
    const info = id === own ? null : await stat(this.pathOf(id)).catch(() => null);
    if (!info?.isFile()) throw missing(id, action);
  }

  private async describe(id: string): Promise<Listed | null> {
    const path = this.pathOf(id);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return null;
    const key = `${info.ino}:${info.size}:${info.mtimeMs}`;
    const known = this.seen.get(id);
    if (known?.key === key) return known.listed;
    const savedAt = info.mtime.toISOString();
    let listed: Listed;
    try {
      const session = await readSessionFile(path, LABEL);
      const runNames = session.runs.slice(0, RECOVERY_LISTED_NAMES).map((r) => r.name);
      listed = { copy: { id, savedAt, runs: session.runs.length, runNames } };
    } catch (err) {
      if (err instanceof LabError && err.code === 'not-found') return null;
      listed = { damaged: { id, savedAt, reason: err instanceof LabError ? err.message : `${LABEL} cannot be read` } };
    }
    this.seen.set(id, { key, listed });
    return listed;
  }
}

function missing(id: string, action: string): LabError {
  return new LabError('not-found', `there is no recovery copy ${id} to ${action}`);
}
