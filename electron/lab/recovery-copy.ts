import { stat, unlink } from 'node:fs/promises';
import type { Session } from '../../shared/schemas/session.js';
import { readSessionFile, writeSessionFile } from './session-file.js';

export interface RecoveryInfo {
  path: string;
  modifiedAt: string;
  runs: number;
}

/**
 * The unsaved-work copy: written (debounced) while a session is dirty,
 * deleted when it is saved. Operations run one after another so a late
 * write can never resurrect a copy that a save just deleted.
 */
export class RecoveryCopy {
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly delayMs: number,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  /** Writes `snapshot()` after `delayMs` of quiet, if `stillDirty()` then. */
  schedule(snapshot: () => Session, stillDirty: () => boolean): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.enqueue(async () => {
        if (stillDirty()) await writeSessionFile(this.path, snapshot());
      });
    }, this.delayMs);
  }

  discard(): Promise<void> {
    clearTimeout(this.timer);
    return this.enqueue(() => unlink(this.path).catch(() => undefined));
  }

  /** Resolves when every queued write/delete has finished (tests, shutdown). */
  idle(): Promise<void> {
    return this.chain;
  }

  async info(): Promise<RecoveryInfo | null> {
    const session = await this.read();
    if (!session) return null;
    const info = await stat(this.path);
    return { path: this.path, modifiedAt: info.mtime.toISOString(), runs: session.runs.length };
  }

  /** The copy, or null when there is none or it does not validate. */
  read(): Promise<Session | null> {
    return readSessionFile(this.path, 'the recovery copy').catch(() => null);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private enqueue(op: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(op).catch(this.onError);
    return this.chain;
  }
}
