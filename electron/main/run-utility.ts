import type {} from 'electron';
import { runWorkerMain } from '../lab/run-worker.js';

// utilityProcess entry, bundled to out/electron/run-worker.cjs: one run at a time per process,
// so a crash or a hang in tfjs ends one run, never the window or the main process.
const port = process.parentPort;
if (!port) throw new Error('run-worker.cjs must be started with utilityProcess.fork');
runWorkerMain({
  postMessage: (message) => port.postMessage(message),
  onMessage: (callback) => port.on('message', (event) => callback(event.data)),
});
