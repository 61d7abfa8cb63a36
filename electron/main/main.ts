import { app, BrowserWindow, Menu, nativeTheme, session } from 'electron';
import { join } from 'node:path';
import type { AppInfo, LabState, MenuCommand } from '../../shared/contract.js';
import { LabError } from '../../shared/errors.js';
import { LabService } from '../lab/lab-service.js';
import { legacyRecoveryFileIn, recoveryDirIn } from '../lab/recovery/recovery-paths.js';
import { labBackend, type LabBackend } from '../lab/lab-backend.js';
import { registerAppScheme, serveRenderer } from './app-protocol.js';
import { askRestore, electronDialogs, showAbout, showError } from './dialogs.js';
import { DocumentController } from './document-controller.js';
import { bundleLayout } from './bundle-layout.js';
import { isSessionFile, sessionFileFromArgv } from './file-args.js';
import { registerIpcHandlers } from './ipc-handlers.js';
import { createMainWindow, lockDownContents } from './main-window.js';
import { menuTemplate } from './menu-template.js';
import { OverallProgress } from './overall-progress.js';
import { loadRecent, saveRecent, withRecent } from './recent-files.js';
import { utilityWorkerFactory } from './utility-worker-factory.js';
import { windowTitle } from '../../shared/window-title.js';

// Bundled to out/electron/main.cjs: preload.cjs and run-worker.cjs sit beside it, the page in out/renderer.
const layout = bundleLayout(__dirname);
// Tests (and people who keep several labs apart) point the app at its own settings folder.
if (process.env.RNN_LAB_USER_DATA) app.setPath('userData', process.env.RNN_LAB_USER_DATA);
registerAppScheme();
app.enableSandbox();

let win: BrowserWindow | null = null;
let pendingFile = sessionFileFromArgv(process.argv.slice(1), process.cwd());
let openFile: (path: string) => void = (path) => (pendingFile = path);

if (!app.requestSingleInstanceLock()) {
  // Another RNN Lab is running: it receives our argv (and file) through 'second-instance'.
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  app.on('open-file', (event, path) => {
    event.preventDefault();
    // macOS hands over whatever was dropped on the dock icon; only sessions open.
    if (isSessionFile(path)) openFile(path);
  });
  app.on('second-instance', (_event, argv, cwd) => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
    const file = sessionFileFromArgv(argv.slice(1), cwd);
    if (file) openFile(file);
  });
  // One window, one document: closing it ends the app on every platform.
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (err: unknown) => {
    showError(null, `RNN Lab could not start: ${err instanceof Error ? err.message : String(err)}`);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  nativeTheme.themeSource = 'system';
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  serveRenderer(layout.renderer);

  const userData = app.getPath('userData');
  const service = createLabService(userData);
  const backend = labBackend(service);
  const recentFile = join(userData, 'recent.json');
  const menu: MenuState = { recentFile, recent: loadRecent(recentFile) };

  const docs: DocumentController = new DocumentController({
    call: async (channel, payload) => backend.call(channel, payload),
    state: () => service.state(),
    dialogs: electronDialogs(() => win),
    remember: (path) => {
      rememberRecent(menu, path);
      buildMenu(menu, docs, backend);
    },
  });
  // The Open Recent entries were chosen in dialogs or handed over by the OS in earlier runs.
  for (const path of menu.recent) docs.grant(path);
  // argv, a second instance or open-file: the OS chose this file, so it may be opened (and saved back).
  openFile = (path) => {
    docs.grant(path);
    void perform(docs.open({ path }));
  };

  buildMenu(menu, docs, backend);
  registerIpcHandlers(() => win, backend, docs);

  const progress = new OverallProgress();
  forwardEvents(service, progress);
  await offerRecovery(service);
  openWindow(service, docs, userData, progress);

  if (pendingFile) openFile(pendingFile);
}

function createLabService(userData: string): LabService {
  return new LabService({
    host: 'electron',
    paths: { kind: 'absolute' },
    workerFactory: utilityWorkerFactory(layout.runWorker),
    recoveryDir: recoveryDirIn(userData),
    legacyRecoveryFile: legacyRecoveryFileIn(userData),
    // The window shows the reason as a lasting warning; the log gets it once, with the path and code.
    onRecoveryError: (reason, detail) =>
      process.stderr.write(`RNN Lab: unsaved work is NOT being backed up: ${reason} (${detail})\n`),
    versions: { electron: process.versions.electron, chrome: process.versions.chrome },
  });
}

/** A job started from the menu or the OS: its failure is shown in the window, a cancel is not a failure. */
function perform(job: Promise<unknown>): Promise<unknown> {
  return job.catch((err: unknown) => {
    if (err instanceof LabError && err.code === 'cancelled') return;
    showError(win, err instanceof Error ? err.message : String(err));
  });
}

/** The recent list changes when a file is opened or saved, or the list is cleared; the menu is rebuilt from it. */
interface MenuState {
  recentFile: string;
  recent: string[];
}

function rememberRecent(menu: MenuState, path: string): void {
  menu.recent = withRecent(menu.recent, path);
  try {
    saveRecent(menu.recentFile, menu.recent);
  } catch {
    // The file was opened or saved; a recent list that could not be written is not worth failing that for.
  }
  app.addRecentDocument(path);
}

async function appInfo(backend: LabBackend): Promise<AppInfo | null> {
  const outcome = await backend.call('app:info', {});
  return outcome.ok ? (outcome.result as AppInfo) : null;
}

function buildMenu(menu: MenuState, docs: DocumentController, backend: LabBackend): void {
  const actions = {
    newSession: () => void perform(docs.newSession()),
    open: () => void perform(docs.open()),
    openRecent: (path: string) => void perform(docs.open({ path })),
    clearRecent: () => {
      menu.recent = [];
      saveRecent(menu.recentFile, menu.recent);
      app.clearRecentDocuments();
      buildMenu(menu, docs, backend);
    },
    save: () => void perform(docs.save()),
    saveAs: () => void perform(docs.save({ saveAs: true })),
    command: (command: MenuCommand) => win?.webContents.send('menu:command', { command }),
    about: () => void appInfo(backend).then((info) => showAbout(win, info)),
  };
  const options = { isMac: process.platform === 'darwin', recent: menu.recent, devTools: !app.isPackaged };
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, options)));
}

/** The title and the taskbar bar follow the lab state. */
function showState(state: LabState, progress: OverallProgress): void {
  if (!win || win.isDestroyed()) return;
  win.setTitle(windowTitle(state.session));
  if (process.platform === 'darwin') {
    win.setDocumentEdited(state.session.dirty);
    win.setRepresentedFilename(state.session.path ?? '');
  }
  win.setProgressBar(progress.onState(state));
}

/** Events go to our window only. */
function forwardEvents(service: LabService, progress: OverallProgress): void {
  service.subscribe((event, payload) => {
    if (!win || win.isDestroyed()) return;
    // Events carry only what changed; the title and the bar read the whole state, cheap in this process.
    if (event === 'run:progress') win.setProgressBar(progress.onProgress(payload));
    else if (event !== 'recovery:changed') showState(service.state(), progress);
    win.webContents.send(event, payload);
  });
}

/** The newest copy is asked about now; the others (and this one, kept for later) stay offered in the window. */
async function offerRecovery(service: LabService): Promise<void> {
  const [newest, ...older] = (await service.recovery()).copies;
  if (!newest) return;
  const answer = await askRestore(newest, older.length);
  try {
    if (answer === 'restore') await service.restoreRecovery(newest.id);
    else if (answer === 'discard') await service.discardRecovery(newest.id);
  } catch (err) {
    // A copy that went away or does not validate must not stop the app from starting.
    showError(null, err instanceof Error ? err.message : String(err));
  }
}

function openWindow(service: LabService, docs: DocumentController, userData: string, progress: OverallProgress): void {
  win = createMainWindow({
    preloadPath: layout.preload,
    boundsFile: join(userData, 'window.json'),
    devTools: !app.isPackaged,
  });
  showState(service.state(), progress);
  let closing = false;
  win.on('close', (event) => {
    if (closing) return;
    event.preventDefault();
    docs.settleUnsaved().then(
      async (mayClose) => {
        if (!mayClose) return;
        closing = true;
        // Closing after Save or Don't Save: this window's copy is no longer wanted (offered ones stay).
        await service.close();
        await service.discardOwnRecovery();
        win?.close();
      },
      (err: unknown) => showError(win, err instanceof Error ? err.message : String(err)),
    );
  });
  win.on('closed', () => (win = null));
}
