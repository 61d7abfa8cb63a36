import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RunWorkerHandle, WorkerFactory } from './worker-pool.js';

/**
 * The bundled worker sits next to the bundle that starts it (out/node/cli.js,
 * out/node/web.js → out/node/run-worker.js). Tests running from source pass
 * an explicit path.
 */
export function defaultRunWorkerPath(): string {
  return fileURLToPath(new URL('./run-worker.js', import.meta.url));
}

export function threadWorkerFactory(workerPath = defaultRunWorkerPath()): WorkerFactory {
  if (!existsSync(workerPath)) {
    throw new Error(`run worker not found at ${workerPath}; run \`npm run build:node\` first`);
  }
  // runWorkerMain trains stacks of runs (start-stack), so the pool may hand it many runs at once.
  return Object.assign(() => startThread(workerPath), { stacks: true });
}

function startThread(workerPath: string): RunWorkerHandle {
  const worker = new Worker(workerPath);
  let errorMessage = '';
  worker.on('error', (err) => {
    errorMessage = `the worker crashed: ${err.message}`;
  });
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (callback) => worker.on('message', callback),
    onExit: (callback) =>
      worker.on('exit', (code) => callback(code, errorMessage || `the worker exited with code ${code}`)),
    terminate: () => void worker.terminate(),
    // An idle worker kept for the next run must not keep a finished CLI process alive.
    setIdle: (idle) => (idle ? worker.unref() : worker.ref()),
  };
}
