import { BrowserWindow, nativeTheme, screen } from 'electron';
import { APP_INDEX_URL, isAppUrl } from './app-origin.js';
import { DEFAULT_SIZE, loadBounds, saveBounds, visibleOnSomeDisplay, type WindowBounds } from './window-state.js';

export interface MainWindowOptions {
  preloadPath: string;
  boundsFile: string;
  devTools: boolean;
}

const background = () => (nativeTheme.shouldUseDarkColors ? '#14161a' : '#f7f7f5');

/** The one window: sandboxed, isolated, no Node, no middle-click navigation, our page only, placed where the user left it. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const saved = loadBounds(options.boundsFile);
  const usable =
    saved &&
    visibleOnSomeDisplay(
      saved,
      screen.getAllDisplays().map((d) => d.workArea),
    );
  const win = new BrowserWindow({
    ...(usable ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height } : DEFAULT_SIZE),
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'RNN Lab',
    backgroundColor: background(),
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // A middle click on a link (auxclick) can start a navigation or a new window: one way out fewer, besides lockDownContents.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: options.devTools,
    },
  });
  if (usable && saved.maximized) win.maximize();

  win.once('ready-to-show', () => win.show());
  // The title belongs to the main process (file name + unsaved mark), not to the page's <title>.
  win.on('page-title-updated', (event) => event.preventDefault());
  nativeTheme.on('updated', () => {
    if (!win.isDestroyed()) win.setBackgroundColor(background());
  });
  rememberBounds(win, options.boundsFile);
  void win.loadURL(APP_INDEX_URL);
  return win;
}

function rememberBounds(win: BrowserWindow, file: string): void {
  const save = () => {
    const b = win.getNormalBounds();
    const bounds: WindowBounds = { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
    try {
      saveBounds(file, bounds);
    } catch {
      // Losing the window position is not worth an error dialog.
    }
  };
  win.on('close', save);
}

/**
 * Applied to every webContents the app creates: no new windows, no
 * navigation away from our page (a dropped file would otherwise replace it),
 * no <webview>.
 */
export function lockDownContents(contents: Electron.WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
