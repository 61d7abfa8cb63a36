import { LabError } from '../../../shared/errors.js';
import type { RecoveryOffer } from '../../../shared/schemas/recovery.js';
import type { Session } from '../../../shared/schemas/session.js';
import { RecoveryCopy, type CopyOutcome } from './recovery-copy.js';
import { RecoveryFolder, newRecoveryId } from './recovery-folder.js';
import { recoveryFailureDetail, recoveryFailureReason } from './recovery-reason.js';

/** What the guard needs of the open document: what to write, and whether it is still unsaved. */
export interface RecoveredDocument {
  snapshot(): Session;
  dirty(): boolean;
}

export interface RecoveryPlaces {
  /** The recovery folder: one copy per process. */
  dir: string;
  /** The single copy older versions kept; moved into `dir` at start. */
  legacyFile?: string;
  delayMs: number;
}

export interface RecoveryHooks {
  /** The copies started or stopped failing: the lab state shown changes. */
  changed(): void;
  /** Copies started failing (once per spell of failures, for the host's log). */
  failed(reason: string, detail: string): void;
}

/**
 * Unsaved work's copies on disk. This process always copies its own unsaved
 * work, to a file of its own; every other valid copy in the folder (left by
 * a crash, or work this process set aside to restore another) is offered
 * until the user restores or discards it. Nothing is deleted that the user
 * has not decided about, and a copy that cannot be written is reported.
 */
export class RecoveryGuard {
  private readonly folder: RecoveryFolder | null;
  private readonly copy: RecoveryCopy | null;
  private ownId = newRecoveryId();
  private readonly ready: Promise<void>;
  private failure: string | null = null;
  /** Restores and discards one at a time: two clicks on one copy must not both take it. */
  private serial: Promise<unknown> = Promise.resolve();

  constructor(
    places: RecoveryPlaces | null,
    private readonly doc: RecoveredDocument,
    private readonly hooks: RecoveryHooks,
  ) {
    this.folder = places ? new RecoveryFolder(places.dir) : null;
    this.copy =
      this.folder && places
        ? new RecoveryCopy(this.folder.pathOf(this.ownId), places.delayMs, (o) => this.note(o))
        : null;
    // A legacy copy that cannot be moved stays where it is: not offered, but not lost either.
    this.ready =
      this.folder && places?.legacyFile
        ? this.folder.adoptLegacy(places.legacyFile).catch(() => undefined)
        : Promise.resolve();
  }

  /** One line, while the last copy of unsaved work failed; null otherwise. */
  get error(): string | null {
    return this.failure;
  }

  /** Every copy but this process's own, newest first. */
  async offered(): Promise<RecoveryOffer> {
    if (!this.folder) return { copies: [], damaged: [] };
    await this.ready;
    return this.folder.list(this.ownId);
  }

  /**
   * An offered copy's session; from now on this process copies its work to
   * that file. Unsaved work open now is written to its own file first and
   * left there, offered like any other copy.
   */
  take(id: string): Promise<Session> {
    return this.oneAtATime(async () => {
      const { folder, copy } = this.parts(id, 'restore');
      await this.ready;
      const session = await folder.read(id, this.ownId);
      if (this.doc.dirty()) {
        await copy
          .write(
            () => this.doc.snapshot(),
            () => true,
          )
          .catch((err: unknown) => {
            throw new LabError(
              'internal',
              `the unsaved work open now could not be copied (${recoveryFailureReason(err)}), so it was not replaced`,
            );
          });
      } else {
        await copy.discard();
      }
      this.ownId = id;
      copy.moveTo(folder.pathOf(id));
      return session;
    });
  }

  /** Deletes one offered copy; the others, and this process's own, stay. */
  discard(id: string): Promise<void> {
    return this.oneAtATime(async () => {
      const { folder } = this.parts(id, 'discard');
      await this.ready;
      await folder.remove(id, this.ownId);
    });
  }

  /** The document changed: copy it after a quiet spell. */
  schedule(): void {
    this.copy?.schedule(
      () => this.doc.snapshot(),
      () => this.doc.dirty(),
    );
  }

  /** The work was saved, replaced or deliberately dropped: this process's copy goes; offered ones stay. */
  async dropOwn(): Promise<void> {
    await this.copy?.discard();
    // Nothing unsaved is left to back up, so an earlier failure no longer matters.
    if (this.failure !== null) {
      this.failure = null;
      this.hooks.changed();
    }
  }

  /** Stops pending writes and waits for those under way. */
  async close(): Promise<void> {
    this.copy?.dispose();
    await this.copy?.idle();
  }

  private parts(id: string, action: string): { folder: RecoveryFolder; copy: RecoveryCopy } {
    if (!this.folder || !this.copy) throw new LabError('not-found', `there is no recovery copy ${id} to ${action}`);
    return { folder: this.folder, copy: this.copy };
  }

  private oneAtATime<T>(op: () => Promise<T>): Promise<T> {
    const result = this.serial.then(op);
    this.serial = result.catch(() => undefined);
    return result;
  }

  private note(outcome: CopyOutcome): void {
    if (outcome.ok) {
      if (this.failure === null) return;
      this.failure = null;
    } else {
      const reason = recoveryFailureReason(outcome.error);
      if (reason === this.failure) return;
      if (this.failure === null) this.hooks.failed(reason, recoveryFailureDetail(outcome.error));
      this.failure = reason;
    }
    this.hooks.changed();
  }
}
