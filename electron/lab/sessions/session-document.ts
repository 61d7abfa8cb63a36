import { mkdir } from 'node:fs/promises';
import type { LabState } from '../../../shared/contract.js';
import { LabError } from '../../../shared/errors.js';
import { MAX_LOAD_NOTICES } from '../../../shared/limits.js';
import type { Run } from '../../../shared/schemas/run.js';
import type { Session, ViewState } from '../../../shared/schemas/session.js';
import type { Sweep } from '../../../shared/schemas/sweep.js';
import { errnoCode, errnoWords } from './errno-words.js';
import { makeSession, readSessionFileWithNotices, writeSessionFile } from './session-file.js';
import {
  ensurePlainFileOrNothing,
  hasSessionExtension,
  listSessions,
  resolveSessionPath,
  titleOf,
  type SessionPathPolicy,
} from './session-paths.js';

export type SessionMeta = LabState['session'];

/** Which file the open session is, whether it has unsaved changes, and where its files may be read and written. */
export class SessionDocument {
  private meta: SessionMeta & { createdAt: string } = {
    path: null,
    title: 'Untitled',
    dirty: false,
    notices: [],
    createdAt: new Date().toISOString(),
  };

  constructor(private readonly policy: SessionPathPolicy) {}

  summary(): SessionMeta {
    return { path: this.meta.path, title: this.meta.title, dirty: this.meta.dirty, notices: this.meta.notices };
  }

  get dirty(): boolean {
    return this.meta.dirty;
  }

  markDirty(): void {
    this.meta.dirty = true;
  }

  /** The runs, view and sweeps as a session file of this document. */
  make(parts: { runs: Run[]; view: ViewState; sweeps?: Sweep[] }): Session {
    return makeSession({ ...parts, createdAt: this.meta.createdAt });
  }

  /** This document now stands for `session` (opened, restored or new). */
  adopt(session: Session, meta: SessionMeta): void {
    this.meta = { ...meta, createdAt: session.createdAt };
  }

  /** Reads a session file by path (Electron) or name (browser mode), with the identity it gets once opened. */
  async read(path: string): Promise<{ session: Session; meta: SessionMeta }> {
    const target = resolveSessionPath(this.policy, path);
    const title = titleOf(target.label);
    if (this.policy.kind === 'folder') {
      await ensurePlainFileOrNothing(target.file, title).catch((err: unknown) => {
        throw errnoCode(err) ? new LabError('bad-file', `${title} cannot be read (${errnoWords(err)})`) : err;
      });
    }
    const { session, notices } = await readSessionFileWithNotices(target.file, title);
    return { session, meta: { path: target.label, title, dirty: false, notices: notices.slice(0, MAX_LOAD_NOTICES) } };
  }

  /** Writes to `path`, or this document's own file, or (browser mode) a name from its title; the file becomes this document's. */
  async write(path: string | undefined, session: Session): Promise<void> {
    const requested = path ?? this.meta.path ?? (this.policy.kind === 'folder' ? this.suggestedName() : null);
    if (!requested) throw new LabError('bad-request', 'this session has no file yet: give a path to save it to');
    const target = resolveSessionPath(this.policy, requested);
    const title = titleOf(target.label);
    try {
      if (this.policy.kind === 'folder') {
        // The sessions folder is the app's own: recreate it if it went away while the app ran.
        await mkdir(this.policy.dir, { recursive: true });
        await ensurePlainFileOrNothing(target.file, title);
      }
      await writeSessionFile(target.file, session);
    } catch (err) {
      throw saveFailure(title, err);
    }
    // The file now holds the current format: what opening the old one changed no longer applies to it.
    this.meta = { ...this.meta, path: target.label, title, dirty: false, notices: [] };
  }

  list() {
    return this.policy.kind === 'folder' ? listSessions(this.policy.dir) : Promise.resolve([]);
  }

  suggestedName(): string {
    const title = this.meta.title === 'Untitled' ? 'untitled' : this.meta.title;
    return hasSessionExtension(title) ? title : `${title}.rnnlab`;
  }
}

/** A failed save in one line with the file's name only: Node's own message holds the absolute path and the errno code. */
function saveFailure(name: string, err: unknown): unknown {
  if (err instanceof LabError) return err;
  if (errnoCode(err)) return new LabError('internal', `cannot save ${name} (${errnoWords(err)})`);
  return err;
}
