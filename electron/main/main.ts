import { app, BrowserWindow, Menu, nativeTheme, session } from 'electron';
import { join } from 'node:path';
import type { AppInfo, LabState, MenuCommand } from '../../shared/contract.js';
import { LabError } from '../../shared/errors.js';
import { LabService } from '../lab/lab-service.js';
import { legacyRecoveryFileIn, recoveryDirIn } from '../lab/recovery/recovery-paths.js';
import { labBackend } from '../lab/lab-backend.js';
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
  const service = new LabService({
    host: 'electron',
    paths: { kind: 'absolute' },
    workerFactory: utilityWorkerFactory(layout.runWorker),
    recoveryDir: recoveryDirIn(userData),
    legacyRecoveryFile: legacyRecoveryFileIn(userData),
    // The window shows the reason as a lasting warning; the log gets it once, with the path and code.
    onRecoveryError: (reason, detail) => process.stderr.write(`RNN Lab: unsaved work is NOT being backed up: ${reason} (${detail})\n`),
    versions: { electron: process.versions.electron, chrome: process.versions.chrome },
  });
  const backend = labBackend(service);
  const recentFile = join(userData, 'recent.json');
  let recent = loadRecent(recentFile);

  const docs = new DocumentController({
    call: async (channel, payload) => backend.call(channel, payload),
    state: () => service.state(),
    dialogs: electronDialogs(() => win),
    remember: (path) => {
      recent = withRecent(recent, path);
      try {
        saveRecent(recentFile, recent);
      } catch {
        // The file was opened or saved; a recent list that could not be written is not worth failing that for.
      }
      app.addRecentDocument(path);
      buildMenu();
    },
  });
  // The Open Recent entries were chosen in dialogs or handed over by the OS in earlier runs.
  for (const path of recent) docs.grant(path);
  const perform = (job: Promise<unknown>) =>
    job.catch((err: unknown) => {
      if (err instanceof LabError && err.code === 'cancelled') return;
      showError(win, err instanceof Error ? err.message : String(err));
    });
  // argv, a second instance or open-file: the OS chose this file, so it may be opened (and saved back).
  openFile = (path) => {
    docs.grant(path);
    void perform(docs.open({ path }));
  };

  const appInfo = async (): Promise<AppInfo | null> => {
    const outcome = await backend.call('app:info', {});
    return outcome.ok ? (outcome.result as AppInfo) : null;
  };
  function buildMenu(): void {
    const actions = {
      newSession: () => void perform(docs.newSession()),
      open: () => void perform(docs.open()),
      openRecent: (path: string) => void perform(docs.open({ path })),
      clearRecent: () => {
        recent = [];
        saveRecent(recentFile, recent);
        app.clearRecentDocuments();
        buildMenu();
      },
      save: () => void perform(docs.save()),
      saveAs: () => void perform(docs.save({ saveAs: true })),
      command: (command: MenuCommand) => win?.webContents.send('menu:command', { command }),
      about: () => void appInfo().then((info) => showAbout(win, info)),
    };
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, { isMac: process.platform === 'darwin', recent, devTools: !app.isPackaged })));
  }
  buildMenu();
  registerIpcHandlers(() => win, backend, docs);

  // Events go to our window only; the title and the taskbar bar follow the lab state.
  const progress = new OverallProgress();
  const showState = (state: LabState) => {
    if (!win || win.isDestroyed()) return;
    win.setTitle(windowTitle(state.session));
    if (process.platform === 'darwin') {
      win.setDocumentEdited(state.session.dirty);
      win.setRepresentedFilename(state.session.path ?? '');
    }
    win.setProgressBar(progress.onState(state));
  };
  service.subscribe((event, payload) => {
    if (!win || win.isDestroyed()) return;
    // Events carry only what changed; the title and the bar read the whole state, cheap in this process.
    if (event === 'run:progress') win.setProgressBar(progress.onProgress(payload));
    else if (event !== 'recovery:changed') showState(service.state());
    win.webContents.send(event, payload);
  });

  // The newest copy is asked about now; the others (and this one, kept for later) stay offered in the window.
  const [newest, ...older] = (await service.recovery()).copies;
  if (newest) {
    const answer = await askRestore(newest, older.length);
    try {
      if (answer === 'restore') await service.restoreRecovery(newest.id);
      else if (answer === 'discard') await service.discardRecovery(newest.id);
    } catch (err) {
      // A copy that went away or does not validate must not stop the app from starting.
      showError(null, err instanceof Error ? err.message : String(err));
    }
  }

  win = createMainWindow({ preloadPath: layout.preload, boundsFile: join(userData, 'window.json'), devTools: !app.isPackaged });
  showState(service.state());
  let closing = false;
  win.on('close', (event) => {
    if (closing) return;
    event.preventDefault();
    docs.settleUnsaved().then(async (mayClose) => {
      if (!mayClose) return;
      closing = true;
      // Closing after Save or Don't Save: this window's copy is no longer wanted (offered ones stay).
      await service.close();
      await service.discardOwnRecovery();
      win?.close();
    }, (err: unknown) => showError(win, err instanceof Error ? err.message : String(err)));
  });
  win.on('closed', () => (win = null));

  if (pendingFile) openFile(pendingFile);
}
