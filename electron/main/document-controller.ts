import type { InvokeChannel, InvokeRequest, InvokeResponse, LabState } from '../../shared/contract.js';
import { resolve } from 'node:path';
import { LabError, fromWireError } from '../../shared/errors.js';
import { SESSION_EXTENSION } from '../../shared/schemas/session.js';
import { writeFileAtomic } from '../lab/sessions/atomic-write.js';
import type { CallOutcome } from '../lab/lab-backend.js';
import { exportBytes, safeFileName, withExtension } from './export-bytes.js';
import { isSessionFile } from './file-args.js';
import { GrantedPaths } from './granted-paths.js';

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

type Action = 'Open' | 'Save';

const cancelled = (what: string) => new LabError('cancelled', `${what} was cancelled`);

/**
 * The Electron host's document behaviour over the lab service: which calls
 * need a dialog first, when unsaved work must be confirmed, where exports go.
 * It reads and writes only session files the user or the OS chose (see
 * GrantedPaths): a path in a page's request is refused unless it is one.
 * No Electron import, so it is unit-tested with scripted dialogs.
 */
export class DocumentController {
  private readonly granted = new GrantedPaths();

  constructor(private readonly deps: DocumentDeps) {}

  /** A path the OS handed over (argv, second instance, open-file) or the recent list holds: it may be opened and saved. */
  grant(path: string): void {
    this.granted.grant(path);
  }

  async newSession(): Promise<LabState> {
    if (!(await this.settleUnsaved())) throw cancelled('New session');
    return this.call('session:new', {});
  }

  async open(request: InvokeRequest<'session:open'> = {}): Promise<LabState> {
    // Refused before anything is asked: a bad request must not bring up the unsaved-work question.
    const requested = request.path === undefined ? null : this.allowed('Open', request.path);
    if (!(await this.settleUnsaved())) throw cancelled('Open');
    const chosen = requested ?? (await this.deps.dialogs.chooseSessionToOpen());
    if (!chosen) throw cancelled('Open');
    const path = this.granted.grant(sessionFileOnly('Open', chosen));
    const state = await this.call('session:open', { path });
    this.deps.remember(path);
    return state;
  }

  async save(request: InvokeRequest<'session:save'> = {}): Promise<LabState> {
    const current = this.deps.state().session;
    let path = request.path === undefined ? (request.saveAs ? null : current.path) : this.allowed('Save', request.path);
    if (!path) {
      const name = current.path ? current.title : `Untitled${SESSION_EXTENSION}`;
      const chosen = await this.deps.dialogs.chooseSessionSavePath(name);
      if (!chosen) throw cancelled('Save');
      path = withSessionExtension(chosen);
    }
    path = this.granted.grant(sessionFileOnly('Save', path));
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

  /**
   * A path from a request: usable only if it was granted or is the open
   * session's own file (which the service took from a granted path).
   */
  private allowed(action: Action, path: string): string {
    sessionFileOnly(action, path);
    const own = this.deps.state().session.path;
    if (!this.granted.has(path) && !(own !== null && resolve(own) === resolve(path))) {
      throw new LabError('forbidden', `${action} refused: this path was not chosen in a dialog`);
    }
    return path;
  }

  private async call<C extends InvokeChannel>(channel: C, payload: InvokeRequest<C>): Promise<InvokeResponse<C>> {
    const outcome = await this.deps.call(channel, payload);
    if (!outcome.ok) throw fromWireError({ error: outcome.error });
    // dispatch validated the payload; the service's reply has the contract's type.
    return outcome.result as InvokeResponse<C>;
  }
}

function withSessionExtension(path: string): string {
  return isSessionFile(path) ? path : `${path}${SESSION_EXTENSION}`;
}

/** Only session files are read or written, whoever chose the path: never a ~/.bashrc, whatever the dialog allowed. */
function sessionFileOnly(action: Action, path: string): string {
  if (!isSessionFile(path))
    throw new LabError(
      'bad-request',
      `${action} refused: only ${SESSION_EXTENSION} session files are ${action === 'Open' ? 'opened' : 'saved'}`,
    );
  return path;
}
