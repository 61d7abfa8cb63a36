import { EventEmitter } from 'node:events';

/**
 * A stand-in for the few Electron APIs the shell uses, for `vi.mock('electron', …)`:
 * the binary is absent here, so the shell's wiring is driven through this fake
 * and every call it makes is recorded. It mirrors Electron's behaviour where the
 * shell depends on it (a new BrowserWindow emits app 'web-contents-created',
 * ipcMain.handle refuses a second handler for a channel, close can be prevented).
 */

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}
export const fakeEvent = (): FakeEvent => ({
  defaultPrevented: false,
  preventDefault() {
    this.defaultPrevented = true;
  },
});

/** Answers for the next dialogs, first in first out; unanswered dialogs are cancelled. */
export const dialogAnswers = {
  open: [] as (string | null)[],
  save: [] as (string | null)[],
  messageBox: [] as number[],
};
export const dialogsShown: { kind: 'open' | 'save' | 'message'; options: Record<string, unknown> }[] = [];

export class FakeWebContents extends EventEmitter {
  readonly sent: [string, unknown][] = [];
  readonly mainFrame = { url: '' };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** Emits like Electron: returns whether a listener called preventDefault. */
  emitPreventable(name: string, ...args: unknown[]): boolean {
    const event = fakeEvent();
    this.emit(name, event, ...args);
    return event.defaultPrevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly all: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all.filter((w) => !w.destroyed);
  }
  readonly webContents = new FakeWebContents();
  title = '';
  progress: number | null = null;
  loadedUrl = '';
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.all.push(this);
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setProgressBar(value: number): void {
    this.progress = value;
  }
  close(): void {
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.emit('closed');
  }
  isDestroyed = () => this.destroyed;
  isMinimized = () => false;
  isMaximized = () => false;
  getNormalBounds = () => ({ x: 10, y: 10, width: 1200, height: 800 });
  restore(): void {}
  focus(): void {}
  maximize(): void {}
  show(): void {}
  setBackgroundColor(): void {}
  setDocumentEdited(): void {}
  setRepresentedFilename(): void {}
}

class FakeApp extends EventEmitter {
  readonly paths = new Map<string, string>();
  readonly recentDocuments: string[] = [];
  isPackaged = false;
  sandboxEnabled = false;
  singleInstance = true;
  quitCalled = false;
  private ready!: () => void;
  readonly readyPromise = new Promise<void>((resolve) => (this.ready = resolve));
  setReady(): void {
    this.ready();
  }
  whenReady = () => this.readyPromise;
  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }
  getPath(name: string): string {
    const value = this.paths.get(name);
    if (!value) throw new Error(`fake app has no path ${name}`);
    return value;
  }
  getVersion = () => '0.0.0-test';
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  requestSingleInstanceLock = () => this.singleInstance;
  quit(): void {
    this.quitCalled = true;
  }
  exit(): void {}
  addRecentDocument(path: string): void {
    this.recentDocuments.push(path);
  }
  clearRecentDocuments(): void {
    this.recentDocuments.length = 0;
  }
}
export const app = new FakeApp();

export const ipcMain = {
  handlers: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
  handle(channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>): void {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, handler);
  },
};

export const dialog = {
  async showOpenDialog(...args: unknown[]) {
    dialogsShown.push({ kind: 'open', options: args.at(-1) as Record<string, unknown> });
    const path = dialogAnswers.open.shift() ?? null;
    return { canceled: path === null, filePaths: path ? [path] : [] };
  },
  async showSaveDialog(...args: unknown[]) {
    dialogsShown.push({ kind: 'save', options: args.at(-1) as Record<string, unknown> });
    const path = dialogAnswers.save.shift() ?? null;
    return { canceled: path === null, filePath: path ?? '' };
  },
  async showMessageBox(...args: unknown[]) {
    const options = args.at(-1) as Record<string, unknown>;
    dialogsShown.push({ kind: 'message', options });
    return { response: dialogAnswers.messageBox.shift() ?? (options.cancelId as number | undefined) ?? 0 };
  },
};

export const Menu = {
  applicationMenu: null as unknown[] | null,
  buildFromTemplate: (template: unknown[]) => template,
  setApplicationMenu(menu: unknown[]): void {
    Menu.applicationMenu = menu;
  },
};

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    protocol.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
    protocol.handlers.set(scheme, handler);
  },
};

type PermissionRequest = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
export const session = {
  defaultSession: {
    permissionRequest: null as PermissionRequest | null,
    permissionCheck: null as ((...args: unknown[]) => boolean) | null,
    setPermissionRequestHandler(handler: PermissionRequest): void {
      this.permissionRequest = handler;
    },
    setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
      this.permissionCheck = handler;
    },
  },
};

export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false, themeSource: 'light' });
export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
export const utilityProcess = {
  forked: [] as string[],
  fork(modulePath: string): never {
    utilityProcess.forked.push(modulePath);
    throw new Error('the fake Electron starts no utility process');
  },
};

// Renderer side (preload).
export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoked: [] as [string, unknown][],
  async invoke(channel: string, payload: unknown) {
    ipcRenderer.invoked.push([channel, payload]);
    return { channel };
  },
});
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, value: unknown): void {
    contextBridge.exposed.set(key, value);
  },
};

export const BrowserWindow = FakeBrowserWindow;
