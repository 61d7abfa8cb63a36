import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EXPORT_MAX_BYTES, invokeChannels } from '../../../shared/contract.js';
import { dispatch } from '../../../electron/lab/dispatch.js';
import { LabService } from '../../../electron/lab/lab-service.js';
import { bundleLayout } from '../../../electron/main/bundle-layout.js';
import * as fake from './fake-electron.js';

/**
 * electron/main/main.ts run for real against a fake Electron (the binary is
 * absent here): start-up, the window's options and lock-down, IPC sender and
 * payload checks, menus, file arguments, export writes and closing. What the
 * fake cannot show — that Chromium enforces these options — needs the real
 * binary (test/e2e/electron.spec.ts).
 */
vi.mock('electron', async () => await import('./fake-electron.js'));

const mainDir = join(dirname(fileURLToPath(import.meta.url)), '../../../electron/main');
const work = mkdtempSync(join(tmpdir(), 'rnnlab-main-'));
const userData = join(work, 'user-data');
const sessionFile = (name: string) => join(work, name);
const argvBefore = process.argv;
/** A copy written after the legacy one: the one the start-up dialog asks about. */
const NEWEST_COPY = '20990101T000000Z-0123abcd';

async function saveSession(name: string): Promise<void> {
  const service = new LabService({
    host: 'electron',
    paths: { kind: 'absolute' },
    workerFactory: () => {
      throw new Error('no training here');
    },
  });
  await dispatch(service, 'runs:addPreset', { preset: 'seed', samples: 200 });
  const saved = await dispatch(service, 'session:save', { path: sessionFile(name) });
  expect(saved.ok).toBe(true);
  await service.close();
}

const win = () => {
  const w = fake.FakeBrowserWindow.all[0];
  if (!w) throw new Error('no window yet');
  return w;
};
const trusted = () => ({ sender: win().webContents, senderFrame: win().webContents.mainFrame });
const invoke = (channel: string, payload: unknown, event: unknown = trusted()) => {
  const handler = fake.ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(event, payload);
};
type Item = { label?: string; accelerator?: string; click?: () => void; submenu?: Item[] };
const menuItem = (label: string): Item => {
  const flat = (items: Item[]): Item[] =>
    items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flat(i.submenu) : [])]);
  const item = flat((fake.Menu.applicationMenu ?? []) as Item[]).find((i) => i.label === label);
  if (!item) throw new Error(`no menu item ${label}`);
  return item;
};

beforeAll(async () => {
  await saveSession('from-argv.rnnlab');
  await saveSession('second.rnnlab');
  await saveSession('dropped.rnnlab');
  await saveSession('recent.rnnlab');
  fake.app.setPath('documents', work);
  // Opened in an earlier run of the app: on the recent list, so Open Recent may open it.
  mkdirSync(userData, { recursive: true });
  writeFileSync(join(userData, 'recent.json'), JSON.stringify([sessionFile('recent.rnnlab')]));
  // Earlier runs of the app left unsaved work (one in the folder, one where older versions kept it):
  // main asks about the newest before the window opens; the user discards it, the other stays offered.
  mkdirSync(join(userData, 'recovery'), { recursive: true });
  copyFileSync(sessionFile('second.rnnlab'), join(userData, 'recovery.rnnlab'));
  utimesSync(join(userData, 'recovery.rnnlab'), new Date('2024-01-01T00:00:00Z'), new Date('2024-01-01T00:00:00Z'));
  copyFileSync(sessionFile('dropped.rnnlab'), join(userData, 'recovery', `${NEWEST_COPY}.rnnlab`));
  fake.dialogAnswers.messageBox.push(2);
  // What `rnn-lab-app --some-flag from-argv.rnnlab` gives the first instance.
  process.argv = [process.argv[0] ?? 'electron', '--enable-logging', sessionFile('from-argv.rnnlab')];
  process.env.RNN_LAB_USER_DATA = userData;
  await import('../../../electron/main/main.js');
  fake.app.setReady();
  await vi.waitFor(() => expect(win().title).toBe('from-argv.rnnlab — RNN Lab'), { timeout: 10_000 });
});

afterAll(() => {
  process.argv = argvBefore;
  delete process.env.RNN_LAB_USER_DATA;
});

describe('Electron main process (fake Electron)', () => {
  it('asked about the newest recovery copy at start, deleted it when discarded and kept the older one offered', async () => {
    expect(fake.dialogsShown[0]).toMatchObject({
      kind: 'message',
      options: {
        message: 'RNN Lab closed with unsaved work.',
        buttons: ['Restore', 'Keep for Later', 'Discard'],
        cancelId: 1,
      },
    });
    expect(fake.dialogsShown[0].options.detail).toMatch(
      /^A recovery copy with 4 runs from .+ was found\. Restore it\? 1 older copy stays offered in the window\.$/,
    );
    // The older version's single copy moved into the folder, with its time; the discarded one is gone.
    expect(existsSync(join(userData, 'recovery.rnnlab'))).toBe(false);
    const left = readdirSync(join(userData, 'recovery'));
    expect(left).toEqual([expect.stringMatching(/^20240101T000000Z-[0-9a-f]{8}\.rnnlab$/)]);
    const offer = (await invoke('session:recovery', {})) as { copies: { id: string; runs: number }[] };
    expect(offer.copies).toEqual([expect.objectContaining({ id: left[0].replace('.rnnlab', ''), runs: 4 })]);
  });

  it('sandboxes the app before ready and makes one isolated, Node-free window on our page', () => {
    expect(fake.app.sandboxEnabled).toBe(true);
    expect(fake.app.getPath('userData')).toBe(userData);
    expect(fake.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.FakeBrowserWindow.all).toHaveLength(1);
    const prefs = win().options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
    });
    // A middle click (auxclick) on a link must not start a navigation or a window.
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
    // Not disabled: either absent (Electron's default is on) or true.
    expect(prefs.webSecurity ?? true).toBe(true);
    expect(prefs.allowRunningInsecureContent ?? false).toBe(false);
    expect(prefs.preload).toBe(bundleLayout(mainDir).preload);
    expect(win().loadedUrl).toBe('app://rnn-lab/index.html');
  });

  it('denies new windows, navigation away, webviews and every permission', async () => {
    const contents = win().webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://rnn-lab/index.html' })).toEqual({ action: 'deny' });
    for (const url of [
      'https://example.com/',
      'file:///etc/passwd',
      'app://rnn-lab.evil/',
      'app://user@rnn-lab/',
      'http://127.0.0.1/',
    ]) {
      expect(contents.emitPreventable('will-navigate', url), url).toBe(true);
      expect(contents.emitPreventable('will-redirect', url), url).toBe(true);
    }
    expect(contents.emitPreventable('will-navigate', 'app://rnn-lab/index.html')).toBe(false);
    expect(contents.emitPreventable('will-attach-webview', {}, {})).toBe(true);
    const granted = await new Promise<boolean>((resolve) =>
      fake.session.defaultSession.permissionRequest?.(contents, 'media', resolve),
    );
    expect(granted).toBe(false);
    expect(fake.session.defaultSession.permissionCheck?.(contents, 'clipboard-read')).toBe(false);
  });

  it('handles every contract channel once and refuses calls from anywhere but our top frame', async () => {
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...invokeChannels].sort());
    const state = (await invoke('lab:state', {})) as { runs: unknown[] };
    expect(state.runs).toHaveLength(4);

    const contents = win().webContents;
    const stranger = new fake.FakeWebContents();
    stranger.mainFrame.url = 'app://rnn-lab/index.html';
    const foreign = [
      { sender: stranger, senderFrame: stranger.mainFrame },
      { sender: contents, senderFrame: { url: 'app://rnn-lab/index.html' } }, // an iframe of our page
      { sender: contents, senderFrame: null }, // the frame is gone
    ];
    for (const event of foreign) {
      const reply = (await invoke('runs:addPreset', { preset: 'seed' }, event)) as { error?: { code: string } };
      expect(reply.error?.code).toBe('forbidden');
    }
    // Our top frame after it navigated to some other origin.
    const url = contents.mainFrame.url;
    contents.mainFrame.url = 'https://example.com/';
    expect(await invoke('lab:state', {})).toMatchObject({ error: { code: 'forbidden' } });
    contents.mainFrame.url = url;
    expect(((await invoke('lab:state', {})) as { runs: unknown[] }).runs).toHaveLength(4);
  });

  it('answers a bad payload with one bad-request line and passes a good one to the service', async () => {
    for (const [channel, payload] of [
      ['runs:add', { name: 'x' }],
      ['runs:addPreset', { preset: 'other' }],
      ['session:open', { path: 42 }],
      ['export:save', { kind: 'gif', data: 'x', defaultName: 'a' }],
    ] as const) {
      const reply = (await invoke(channel, payload)) as { error?: { code: string; message: string } };
      expect(reply.error?.code, channel).toBe('bad-request');
      expect(reply.error?.message, channel).toMatch(/^[^\n]+$/);
      expect(reply.error?.message, channel).toContain(channel);
    }
    const added = (await invoke('runs:addPreset', { preset: 'seed', samples: 100 })) as unknown[];
    expect(added).toHaveLength(4);
    expect(win().title).toBe('• from-argv.rnnlab — RNN Lab');
    expect(win().webContents.sent.filter(([event]) => event === 'run:added')).toHaveLength(4);
  });

  it('writes an export only where the user chose, after checking the bytes', async () => {
    const chosen = join(work, 'exports', 'chart');
    mkdirSync(join(work, 'exports'));
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>';
    const shown = fake.dialogsShown.length;
    // Bad bytes and oversize data are refused before any dialog opens.
    expect(
      await invoke('export:save', { kind: 'png', data: Buffer.from('<svg/>').toString('base64'), defaultName: 'a' }),
    ).toMatchObject({ error: { code: 'bad-request' } });
    expect(await invoke('export:save', { kind: 'svg', data: '<html><svg/></html>', defaultName: 'a' })).toMatchObject({
      error: { code: 'bad-request' },
    });
    expect(
      await invoke('export:save', { kind: 'csv', data: 'x'.repeat(EXPORT_MAX_BYTES + 1), defaultName: 'a' }),
    ).toMatchObject({ error: { code: 'bad-request' } });
    expect(fake.dialogsShown.length).toBe(shown);
    // A path in the payload is not part of the contract: it is dropped, the dialog decides.
    fake.dialogAnswers.save.push(chosen);
    const evil = join(work, 'evil.svg');
    expect(await invoke('export:save', { kind: 'svg', data: svg, defaultName: '../x', path: evil })).toEqual({
      path: `${chosen}.svg`,
    });
    expect(readFileSync(`${chosen}.svg`, 'utf8')).toBe(svg);
    expect(existsSync(evil)).toBe(false);
    expect(readdirSync(join(work, 'exports'))).toEqual(['chart.svg']);
    // Dismissing the dialog writes nothing.
    expect(await invoke('export:save', { kind: 'csv', data: 'a,b\n', defaultName: 'a' })).toEqual({ path: null });
    expect(readdirSync(join(work, 'exports'))).toEqual(['chart.svg']);
  });

  it('sends menu commands to our window and saves with the File menu', async () => {
    expect(menuItem('Train All').accelerator).toBe('CmdOrCtrl+Enter');
    menuItem('Train All').click?.();
    menuItem('Export…').click?.();
    const commands = win()
      .webContents.sent.filter(([event]) => event === 'menu:command')
      .map(([, payload]) => payload);
    expect(commands).toEqual([{ command: 'train-all' }, { command: 'export-board' }]);
    // CmdOrCtrl+S on an opened file saves in place: no dialog, the unsaved mark goes.
    const shown = fake.dialogsShown.length;
    expect(menuItem('Save').accelerator).toBe('CmdOrCtrl+S');
    menuItem('Save').click?.();
    await vi.waitFor(() => expect(win().title).toBe('from-argv.rnnlab — RNN Lab'));
    expect(fake.dialogsShown.length).toBe(shown);
    expect(fake.app.recentDocuments).toContain(sessionFile('from-argv.rnnlab'));
    expect(menuItem('from-argv.rnnlab')).toBeTruthy();
    // CmdOrCtrl+O shows the open dialog; dismissing it is no error.
    expect(menuItem('Open…').accelerator).toBe('CmdOrCtrl+O');
    menuItem('Open…').click?.();
    await vi.waitFor(() =>
      expect(fake.dialogsShown.at(-1)).toMatchObject({
        kind: 'open',
        options: { filters: [{ extensions: ['rnnlab'] }] },
      }),
    );
    expect(fake.dialogsShown.filter((d) => d.kind === 'message')).toHaveLength(1); // the recovery offer only
  });

  it('refuses a session path the page made up, on open and on save', async () => {
    const title = win().title;
    const before = readFileSync(sessionFile('second.rnnlab'), 'utf8');
    for (const [channel, payload] of [
      ['session:open', { path: sessionFile('second.rnnlab') }],
      ['session:open', { path: '/etc/passwd' }],
      ['session:save', { path: sessionFile('second.rnnlab') }],
      ['session:save', { path: join(work, 'made-up.rnnlab'), saveAs: true }],
    ] as const) {
      const reply = (await invoke(channel, payload)) as { error?: { code: string; message: string } };
      expect(reply.error?.code, `${channel} ${payload.path}`).toMatch(/^(forbidden|bad-request)$/);
      expect(reply.error?.message).toMatch(/^(Open|Save) refused: /);
    }
    expect(readFileSync(sessionFile('second.rnnlab'), 'utf8')).toBe(before);
    expect(existsSync(join(work, 'made-up.rnnlab'))).toBe(false);
    expect(win().title).toBe(title);
    // The page's Save sends the open session's own path (from argv): that one is granted.
    const saved = (await invoke('session:save', { path: sessionFile('from-argv.rnnlab') })) as {
      session: { path: string };
    };
    expect(saved.session.path).toBe(sessionFile('from-argv.rnnlab'));
  });

  it('opens an entry of the recent list from Open Recent', async () => {
    menuItem('recent.rnnlab').click?.();
    await vi.waitFor(() => expect(win().title).toBe('recent.rnnlab — RNN Lab'));
  });

  it('opens a .rnnlab from a second instance or the OS, and ignores other arguments', async () => {
    fake.app.emit('second-instance', fake.fakeEvent(), ['/opt/rnn-lab', '--flag', 'notes.txt'], work);
    fake.app.emit('second-instance', fake.fakeEvent(), ['/opt/rnn-lab', '--flag', 'second.rnnlab'], work);
    await vi.waitFor(() => expect(win().title).toBe('second.rnnlab — RNN Lab'));
    const event = fake.fakeEvent();
    fake.app.emit('open-file', event, join(work, 'picture.png'));
    expect(event.defaultPrevented).toBe(true);
    fake.app.emit('open-file', fake.fakeEvent(), sessionFile('dropped.rnnlab'));
    await vi.waitFor(() => expect(win().title).toBe('dropped.rnnlab — RNN Lab'));
    // Nothing but the sessions was opened: a failed open would add an error box to the recovery offer.
    expect(fake.dialogsShown.filter((d) => d.kind === 'message')).toHaveLength(1);
  });

  it('asks before closing with unsaved runs, and closes after “Don’t Save”', async () => {
    await invoke('runs:addPreset', { preset: 'seed', samples: 100 });
    fake.dialogAnswers.messageBox.push(2); // Cancel
    win().close();
    await vi.waitFor(() => expect(fake.dialogsShown.at(-1)?.options.message).toBe('Save changes to “dropped.rnnlab”?'));
    expect(win().destroyed).toBe(false);
    fake.dialogAnswers.messageBox.push(1); // Don't Save
    win().close();
    await vi.waitFor(() => expect(win().destroyed).toBe(true));
    expect(fake.utilityProcess.forked).toEqual([]);
  });
});
