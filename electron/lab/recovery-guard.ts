import type { Session } from '../../shared/schemas/session.js';
import { RecoveryCopy, type RecoveryInfo } from './recovery-copy.js';

/** What the guard needs of the open document: what to write, and whether it is still unsaved. */
export interface RecoveredDocument {
  snapshot(): Session;
  dirty(): boolean;
}

/**
 * Unsaved work's copy on disk, and the copy a previous process left behind.
 * The leftover is read once at start and offered until it is restored or
 * discarded; while the offer stands, this process writes no copy of its own,
 * so work the user has not decided about is never overwritten.
 */
export class RecoveryGuard {
  private readonly copy: RecoveryCopy | null;
  private readonly leftover: Promise<RecoveryInfo | null>;
  private leftoverSettled = false;

  constructor(path: string | undefined, delayMs: number, private readonly doc: RecoveredDocument) {
    this.copy = path ? new RecoveryCopy(path, delayMs) : null;
    this.leftover = (this.copy?.info() ?? Promise.resolve(null)).then((info) => {
      if (!info) {
        this.settle();
        if (doc.dirty()) this.schedule();
      }
      return info;
    });
  }

  /** The leftover copy while it is still offered; null otherwise (this process's own copies are never offered). */
  async offered(): Promise<RecoveryInfo | null> {
    const info = await this.leftover;
    return this.leftoverSettled ? null : info;
  }

  /** The offered copy's session, which stops the offer; null when none is offered or it does not validate. */
  async take(): Promise<Session | null> {
    const copy = (await this.offered()) ? await this.copy?.read() : null;
    if (copy) this.settle();
    return copy ?? null;
  }

  /** Deletes the copy on disk, whichever it is, and stops the offer. */
  async discard(): Promise<void> {
    await this.leftover;
    this.settle();
    await this.copy?.discard();
  }

  /** The document changed: copy it after a quiet spell, unless a leftover is still on offer. */
  schedule(): void {
    if (this.leftoverSettled) this.copy?.schedule(() => this.doc.snapshot(), () => this.doc.dirty());
  }

  /** The session was saved or replaced: this process's copy goes; an offered one stays until the user decides. */
  async dropOwn(): Promise<void> {
    await this.leftover;
    if (this.leftoverSettled) await this.copy?.discard();
  }

  /** Stops pending writes and waits for those under way. */
  async close(): Promise<void> {
    this.copy?.dispose();
    await this.copy?.idle();
  }

  private settle(): void {
    this.leftoverSettled = true;
  }
}
