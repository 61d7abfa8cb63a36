import type { MenuItemConstructorOptions } from 'electron';
import { PRESET_COMMANDS, type MenuCommand } from '../../shared/contract.js';
import { PRESET_NAMES, PRESETS } from '../../shared/presets.js';
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
  const appMenu = options.isMac ? [macAppMenu(actions)] : [];
  const edit: MenuItemConstructorOptions = { role: 'editMenu' };
  return [
    ...appMenu,
    fileMenu(actions, options),
    edit,
    runMenu(actions),
    viewMenu(actions, options),
    helpMenu(actions),
  ];
}

function recentItems(actions: MenuActions, recent: readonly string[]): MenuItemConstructorOptions[] {
  if (!recent.length) return [{ label: 'No Recent Sessions', enabled: false }];
  return [
    ...recent.map((path) => ({ label: basename(path), toolTip: path, click: () => actions.openRecent(path) })),
    { type: 'separator' as const },
    { label: 'Clear Recent', click: () => actions.clearRecent() },
  ];
}

function fileMenu(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions {
  return {
    label: '&File',
    submenu: [
      { label: 'New Session', accelerator: 'CmdOrCtrl+N', click: () => actions.newSession() },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.open() },
      { label: 'Open Recent', submenu: recentItems(actions, options.recent) },
      { type: 'separator' },
      { label: 'Save', accelerator: 'CmdOrCtrl+S', click: () => actions.save() },
      { label: 'Save As…', accelerator: 'Shift+CmdOrCtrl+S', click: () => actions.saveAs() },
      { type: 'separator' },
      { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => actions.command('export-board') },
      { label: 'Export Report…', click: () => actions.command('export-report') },
      ...(options.isMac
        ? []
        : [{ type: 'separator' as const }, { label: 'Quit', accelerator: 'CmdOrCtrl+Q', role: 'quit' as const }]),
    ],
  };
}

function runMenu(actions: MenuActions): MenuItemConstructorOptions {
  return {
    label: '&Run',
    submenu: [
      {
        label: 'Presets',
        submenu: PRESET_NAMES.map((name) => ({
          label: `${name} (${PRESETS[name].runs.length} runs)`,
          click: () => actions.command(PRESET_COMMANDS[name]),
        })),
      },
      { label: 'Add Run', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.command('add-run') },
      { label: 'New Sweep…', click: () => actions.command('new-sweep') },
      { type: 'separator' },
      { label: 'Train All', accelerator: 'CmdOrCtrl+Enter', click: () => actions.command('train-all') },
      { label: 'Cancel All', accelerator: 'CmdOrCtrl+.', click: () => actions.command('cancel-all') },
    ],
  };
}

function viewMenu(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions {
  return {
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
}

function helpMenu(actions: MenuActions): MenuItemConstructorOptions {
  return {
    role: 'help',
    label: '&Help',
    submenu: [{ label: 'About RNN Lab', click: () => actions.about() }],
  };
}

/** macOS puts About and Quit under the app's own name. */
function macAppMenu(actions: MenuActions): MenuItemConstructorOptions {
  return {
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
  };
}
