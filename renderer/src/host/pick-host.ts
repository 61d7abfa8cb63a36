import type { Host } from './host.js';
import { createElectronHost } from './electron-host.js';
import { createBrowserHost, socketUrl, type BrowserHost } from './browser-host.js';

/** Chosen once at start-up: the preload's `window.api` means Electron, anything else is browser mode. */
export function pickHost(): Host | BrowserHost {
  if (window.api) return createElectronHost(window.api);
  return createBrowserHost(socketUrl(window.location));
}

export function isBrowserHost(host: Host): host is BrowserHost {
  return host.kind === 'browser' && 'onConnection' in host;
}
