import { describe, expect, it } from 'vitest';
import { menuTemplate, type MenuActions } from '../../../electron/main/menu-template.js';
import { presetOfCommand } from '../../../shared/contract.js';

// menu-template.ts imports only Electron's types, so it runs here without the binary.
type MenuItemConstructorOptions = ReturnType<typeof menuTemplate>[number];
function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function recorder() {
  const calls: string[] = [];
  const actions: MenuActions = {
    newSession: () => calls.push('new'),
    open: () => calls.push('open'),
    openRecent: (p) => calls.push(`recent:${p}`),
    clearRecent: () => calls.push('clear'),
    save: () => calls.push('save'),
    saveAs: () => calls.push('saveAs'),
    command: (c) => calls.push(`command:${c}`),
    about: () => calls.push('about'),
  };
  return { calls, actions };
}

const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as unknown as () => void)();

describe('application menu', () => {
  it('has the File, Run, View and Help items with their accelerators', () => {
    const { actions } = recorder();
    const items = flatten(menuTemplate(actions, { isMac: false, recent: [], devTools: false }));
    const accel = (label: string) => items.find((i) => i.label === label)?.accelerator;
    expect(accel('New Session')).toBe('CmdOrCtrl+N');
    expect(accel('Open…')).toBe('CmdOrCtrl+O');
    expect(accel('Save')).toBe('CmdOrCtrl+S');
    expect(accel('Save As…')).toBe('Shift+CmdOrCtrl+S');
    expect(accel('Export…')).toBe('CmdOrCtrl+E');
    expect(accel('Train All')).toBe('CmdOrCtrl+Enter');
    expect(accel('Cancel All')).toBe('CmdOrCtrl+.');
    expect(items.find((i) => i.label === 'Quit')?.role).toBe('quit');
    expect(items.some((i) => i.label === 'About RNN Lab')).toBe(true);
    expect(items.some((i) => i.role === 'toggleDevTools')).toBe(false);
    const accelerators = items.map((i) => i.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('routes clicks to the actions and lists recent sessions', () => {
    const { actions, calls } = recorder();
    const items = flatten(menuTemplate(actions, { isMac: true, recent: ['/a/one.rnnlab'], devTools: true }));
    click(items.find((i) => i.label === 'Train All'));
    click(items.find((i) => i.label === 'Export…'));
    click(items.find((i) => i.label === 'one.rnnlab'));
    click(items.find((i) => i.label === 'Save As…'));
    expect(calls).toEqual(['command:train-all', 'command:export-board', 'recent:/a/one.rnnlab', 'saveAs']);
    expect(items.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('offers every preset under Run → Presets; each command names the preset the page loads', () => {
    const { actions, calls } = recorder();
    const items = flatten(menuTemplate(actions, { isMac: false, recent: [], devTools: false }));
    const presets = items.find((i) => i.label === 'Presets');
    const entries = Array.isArray(presets?.submenu) ? presets.submenu : [];
    expect(entries.map((i) => i.label)).toEqual(['seed (4 runs)', 'long (5 runs)', 'cells (8 runs)']);
    entries.forEach(click);
    expect(calls).toEqual(['command:preset-seed', 'command:preset-long', 'command:preset-cells']);
    expect(calls.map((c) => presetOfCommand(c.replace('command:', '')))).toEqual(['seed', 'long', 'cells']);
    expect(presetOfCommand('train-all')).toBeNull();
  });
});
