import { mkdir, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Session } from '../../../shared/schemas/session.js';
import { writeSessionFile } from '../sessions/session-file.js';

/** What became of one write: the guard shows a failure until a later write succeeds. */
export type CopyOutcome = { ok: true } | { ok: false; error: unknown };

/**
 * This process's copy of unsaved work: written (debounced) while the session
 * is dirty, deleted when it is saved. Operations run one after another so a
 * late write can never resurrect a copy that a save just deleted. Every
 * write's outcome is reported: a copy that cannot be written must be seen.
 */
export class RecoveryCopy {
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private path: string,
    private readonly delayMs: number,
    private readonly report: (outcome: CopyOutcome) => void,
  ) {}

  /**
   * Writes `snapshot()` `delayMs` after the first change since the last write, if `stillDirty()` then. Not
   * after `delayMs` of quiet: a sweep changes the session every second for hours, and a crash then must
   * lose at most `delayMs` of it. The snapshot is taken when the write starts, so later changes are in it.
   */
  schedule(snapshot: () => Session, stillDirty: () => boolean): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // The failure is reported through `report`; nobody awaits a scheduled write.
      void this.write(snapshot, stillDirty).catch(() => undefined);
    }, this.delayMs);
  }

  private cancelScheduled(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Writes now (replacing a scheduled write); rejects when the write fails. */
  write(snapshot: () => Session, stillDirty: () => boolean): Promise<void> {
    this.cancelScheduled();
    const path = this.path;
    return this.enqueue(async () => {
      if (!stillDirty()) return;
      try {
        // The folder is the app's own: recreate it if it went away while the app ran.
        await mkdir(dirname(path), { recursive: true });
        await writeSessionFile(path, snapshot());
      } catch (error) {
        this.report({ ok: false, error });
        throw error;
      }
      this.report({ ok: true });
    });
  }

  discard(): Promise<void> {
    this.cancelScheduled();
    const path = this.path;
    return this.enqueue(() => unlink(path).catch(() => undefined));
  }

  /** Later writes go to `path`; the file written so far stays where it is. */
  moveTo(path: string): void {
    this.cancelScheduled();
    this.path = path;
  }

  /** Resolves when every queued write/delete has finished (tests, shutdown). */
  idle(): Promise<void> {
    return this.chain;
  }

  dispose(): void {
    this.cancelScheduled();
  }

  private enqueue(op: () => Promise<void>): Promise<void> {
    const done = this.chain.then(op);
    this.chain = done.catch(() => undefined);
    return done;
  }
}
