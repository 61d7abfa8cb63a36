import type { InvokeChannel, InvokeRequest, InvokeResponse, LabState } from '../../shared/contract.js';
import { LabError, fromWireError } from '../../shared/errors.js';
import { SESSION_EXTENSION } from '../../shared/schemas/session.js';
import { writeFileAtomic } from '../lab/atomic-write.js';
import type { CallOutcome } from '../web/lab-backend.js';
import { exportBytes, safeFileName, withExtension } from './export-bytes.js';

export type UnsavedChoice = 'save' | 'discard' | 'cancel';

/** What the controller needs from the OS; Electron's dialogs in the app, scripted answers in tests. */
export interface DialogPort {
  chooseSessionToOpen(): Promise<string | null>;
  chooseSessionSavePath(defaultName: string): Promise<string | null>;
  chooseExportPath(defaultName: string): Promise<string | null>;
  askUnsaved(title: string): Promise<UnsavedChoice>;
}

export interface DocumentDeps {
  call(channel: string, payload: unknown): Promise<CallOutcome>;
  state(): LabState;
  dialogs: DialogPort;
  /** A session file was opened or saved: OS recent documents, Open Recent menu. */
  remember(path: string): void;
}

const cancelled = (what: string) => new LabError('cancelled', `${what} was cancelled`);

/**
 * The Electron host's document behaviour over the lab service: which calls
 * need a dialog first, when unsaved work must be confirmed, where exports go.
 * No Electron import, so it is unit-tested with scripted dialogs.
 */
export class DocumentController {
  constructor(private readonly deps: DocumentDeps) {}

  async newSession(): Promise<LabState> {
    if (!(await this.settleUnsaved())) throw cancelled('New session');
    return this.call('session:new', {});
  }

  async open(request: InvokeRequest<'session:open'> = {}): Promise<LabState> {
    if (!(await this.settleUnsaved())) throw cancelled('Open');
    const path = request.path ?? (await this.deps.dialogs.chooseSessionToOpen());
    if (!path) throw cancelled('Open');
    const state = await this.call('session:open', { path });
    this.deps.remember(path);
    return state;
  }

  async save(request: InvokeRequest<'session:save'> = {}): Promise<LabState> {
    const current = this.deps.state().session;
    let path = request.path ?? (request.saveAs ? null : current.path);
    if (!path) {
      const name = current.path ? current.title : `Untitled${SESSION_EXTENSION}`;
      const chosen = await this.deps.dialogs.chooseSessionSavePath(name);
      if (!chosen) throw cancelled('Save');
      path = withSessionExtension(chosen);
    }
    const state = await this.call('session:save', { path });
    this.deps.remember(path);
    return state;
  }

  /** Checks the bytes first, so the user is never asked where to put a file that cannot be written. */
  async exportSave(request: InvokeRequest<'export:save'>): Promise<InvokeResponse<'export:save'>> {
    const bytes = exportBytes(request.kind, request.data);
    const chosen = await this.deps.dialogs.chooseExportPath(safeFileName(request.defaultName, request.kind));
    if (!chosen) return { path: null };
    const path = withExtension(chosen, request.kind);
    await writeFileAtomic(path, bytes);
    return { path };
  }

  /** True when the window may close (or the session be replaced): nothing unsaved, saved, or discarded. */
  async settleUnsaved(): Promise<boolean> {
    const { dirty, title } = this.deps.state().session;
    if (!dirty) return true;
    const choice = await this.deps.dialogs.askUnsaved(title);
    if (choice === 'cancel') return false;
    if (choice === 'discard') return true;
    try {
      await this.save();
      return true;
    } catch (err) {
      if (err instanceof LabError && err.code === 'cancelled') return false;
      throw err;
    }
  }

  private async call<C extends InvokeChannel>(channel: C, payload: InvokeRequest<C>): Promise<InvokeResponse<C>> {
    const outcome = await this.deps.call(channel, payload);
    if (!outcome.ok) throw fromWireError({ error: outcome.error });
    // dispatch validated the payload; the service's reply has the contract's type.
    return outcome.result as InvokeResponse<C>;
  }
}

function withSessionExtension(path: string): string {
  return path.toLowerCase().endsWith(SESSION_EXTENSION) ? path : `${path}${SESSION_EXTENSION}`;
}
