import { app, dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { AppInfo } from '../../shared/contract.js';
import type { DialogPort, UnsavedChoice } from './document-controller.js';

const sessionFilters = [{ name: 'RNN Lab session', extensions: ['rnnlab'] }];

/** Electron's native dialogs, modal to the window. */
export function electronDialogs(window: () => BrowserWindow | null): DialogPort {
  const documents = () => app.getPath('documents');
  const parent = () => window() ?? undefined;
  return {
    async chooseSessionToOpen() {
      const options = {
        title: 'Open session',
        defaultPath: documents(),
        filters: sessionFilters,
        properties: ['openFile' as const],
      };
      const w = parent();
      const result = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSessionSavePath(defaultName) {
      const options = { title: 'Save session', defaultPath: join(documents(), defaultName), filters: sessionFilters };
      const w = parent();
      const result = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
    async chooseExportPath(defaultName) {
      const ext = defaultName.split('.').pop() ?? '';
      const options = {
        title: 'Export',
        defaultPath: join(documents(), defaultName),
        filters: [{ name: ext.toUpperCase(), extensions: [ext] }],
      };
      const w = parent();
      const result = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
    async askUnsaved(title) {
      const options = {
        type: 'warning' as const,
        message: `Save changes to “${title}”?`,
        detail: 'Your runs and results are lost if you don’t save them.',
        buttons: ['Save', 'Don’t Save', 'Cancel'],
        defaultId: 0,
        cancelId: 2,
        noLink: true,
      };
      const w = parent();
      const { response } = w ? await dialog.showMessageBox(w, options) : await dialog.showMessageBox(options);
      return (['save', 'discard', 'cancel'] as const)[response] ?? ('cancel' satisfies UnsavedChoice);
    },
  };
}

export type RestoreChoice = 'restore' | 'later' | 'discard';

/**
 * Offered at start when earlier runs of the app left unsaved work behind: asks
 * about the newest copy. Escape keeps it for later (offered in the window), never deletes it.
 */
export async function askRestore(newest: { runs: number; savedAt: string }, older: number): Promise<RestoreChoice> {
  const { runs, savedAt } = newest;
  const others = older === 0 ? '' : ` ${older} older cop${older === 1 ? 'y stays' : 'ies stay'} offered in the window.`;
  const { response } = await dialog.showMessageBox({
    type: 'question',
    message: 'RNN Lab closed with unsaved work.',
    detail: `A recovery copy with ${runs} run${runs === 1 ? '' : 's'} from ${new Date(savedAt).toLocaleString()} was found. Restore it?${others}`,
    buttons: ['Restore', 'Keep for Later', 'Discard'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  return (['restore', 'later', 'discard'] as const)[response] ?? 'later';
}

export function showAbout(window: BrowserWindow | null, info: AppInfo | null): void {
  const versions = info
    ? Object.entries(info.versions)
        .map(([k, v]) => `${k} ${v}`)
        .join('\n')
    : '';
  const backend = info
    ? `Training backend: ${info.backend.name} (${info.backend.reason})`
    : 'Training backend: not known yet';
  const options = {
    type: 'info' as const,
    title: 'About RNN Lab',
    message: `RNN Lab ${app.getVersion()}`,
    detail: `${backend}\n\nElectron ${process.versions.electron}\nChromium ${process.versions.chrome}\n${versions}`,
    buttons: ['OK'],
  };
  if (window) void dialog.showMessageBox(window, options);
  else void dialog.showMessageBox(options);
}

export function showError(window: BrowserWindow | null, message: string): void {
  const options = { type: 'error' as const, message, buttons: ['OK'] };
  if (window) void dialog.showMessageBox(window, options);
  else void dialog.showMessageBox(options);
}
