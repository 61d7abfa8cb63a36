import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/contract.js';
import { basename } from 'node:path';

export interface MenuActions {
  newSession(): void;
  open(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  save(): void;
  saveAs(): void;
  /** Commands the renderer carries out (it owns the board). */
  command(command: MenuCommand): void;
  about(): void;
}

export interface MenuOptions {
  isMac: boolean;
  recent: readonly string[];
  /** Developer tools only in unpackaged builds. */
  devTools: boolean;
}

/**
 * The application menu as plain data, so its items and accelerators are
 * unit-tested without Electron.
 */
export function menuTemplate(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const recentItems: MenuItemConstructorOptions[] = options.recent.length
    ? [
        ...options.recent.map((path) => ({ label: basename(path), toolTip: path, click: () => actions.openRecent(path) })),
        { type: 'separator' as const },
        { label: 'Clear Recent', click: () => actions.clearRecent() },
      ]
    : [{ label: 'No Recent Sessions', enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Session', accelerator: 'CmdOrCtrl+N', click: () => actions.newSession() },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.open() },
      { label: 'Open Recent', submenu: recentItems },
      { type: 'separator' },
      { label: 'Save', accelerator: 'CmdOrCtrl+S', click: () => actions.save() },
      { label: 'Save As…', accelerator: 'Shift+CmdOrCtrl+S', click: () => actions.saveAs() },
      { type: 'separator' },
      { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => actions.command('export-board') },
      ...(options.isMac ? [] : [{ type: 'separator' as const }, { label: 'Quit', accelerator: 'CmdOrCtrl+Q', role: 'quit' as const }]),
    ],
  };

  const run: MenuItemConstructorOptions = {
    label: '&Run',
    submenu: [
      { label: 'Seed: 4 Runs', click: () => actions.command('seed-preset') },
      { label: 'Add Run', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.command('add-run') },
      { type: 'separator' },
      { label: 'Train All', accelerator: 'CmdOrCtrl+Enter', click: () => actions.command('train-all') },
      { label: 'Cancel All', accelerator: 'CmdOrCtrl+.', click: () => actions.command('cancel-all') },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { label: 'Columns / Overlay', accelerator: 'CmdOrCtrl+L', click: () => actions.command('toggle-overlay') },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(options.devTools ? [{ role: 'toggleDevTools' as const }] : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [{ label: 'About RNN Lab', click: () => actions.about() }],
  };

  const appMenu: MenuItemConstructorOptions[] = options.isMac
    ? [{
        label: 'RNN Lab',
        submenu: [
          { label: 'About RNN Lab', click: () => actions.about() },
          { type: 'separator' },
          { role: 'hide' },
          { role: 'hideOthers' },
          { role: 'unhide' },
          { type: 'separator' },
          { role: 'quit', label: 'Quit RNN Lab' },
        ],
      }]
    : [];

  return [...appMenu, file, { role: 'editMenu' }, run, view, help];
}
