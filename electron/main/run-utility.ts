import type {} from 'electron';
import { runWorkerMain } from '../lab/workers/run-worker.js';

// utilityProcess entry, bundled to out/electron/run-worker.cjs: one run at a time per process,
// so a crash or a hang in tfjs ends one run, never the window or the main process.
//
// tfjs in the packaged app: the bundle keeps @tensorflow/* external, and the engine (electron/engine/backend.ts)
// polyfills util.isNullOrUndefined / util.isArray, then requires tfjs-node relative to this file, i.e. from
// app.asar/node_modules, else falls back to the CPU backend and records why. Verified here without Electron
// (test/unit/shell/bundles.test.ts, packaging.test.ts): this bundle run in Node behind a parentPort shim finds a
// tfjs-node placed in the app's node_modules with the util functions removed as on Node 24 and polyfilled first,
// falls back to CPU with the reason, and trains from a copy of app.asar extracted alone. Not verifiable here
// (needs the Electron binary and an installed tfjs-node): Electron's asar redirect of the native binding to
// app.asar.unpacked, libtensorflow loading from there, and utilityProcess.fork / process.parentPort themselves.
const port = process.parentPort;
if (!port) throw new Error('run-worker.cjs must be started with utilityProcess.fork');
runWorkerMain({
  postMessage: (message) => port.postMessage(message),
  onMessage: (callback) => port.on('message', (event) => callback(event.data)),
});
