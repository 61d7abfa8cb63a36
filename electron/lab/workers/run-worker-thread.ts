import { parentPort } from 'node:worker_threads';
import { runWorkerMain } from './run-worker.js';

// worker_threads entry, bundled to out/node/run-worker.js; the pool keeps up to maxParallel of them, one run at a time each.
if (!parentPort) throw new Error('run-worker must be started as a worker thread');
const port = parentPort;
runWorkerMain({
  postMessage: (message) => port.postMessage(message),
  onMessage: (callback) => port.on('message', callback),
});
