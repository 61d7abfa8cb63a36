import { utilityProcess } from 'electron';
import type { ToWorker } from '../lab/workers/worker-protocol.js';
import type { RunWorkerHandle, WorkerFactory } from '../lab/workers/worker-pool.js';

/** Runs training runs in Electron utility processes (out/electron/run-worker.cjs), one run at a time each; the pool reuses them. */
export function utilityWorkerFactory(modulePath: string): WorkerFactory {
  // run-utility.ts runs runWorkerMain, which trains stacks of runs (start-stack): the pool may hand it many at once.
  return Object.assign(() => startUtility(modulePath), { stacks: true });
}

function startUtility(modulePath: string): RunWorkerHandle {
  const child = utilityProcess.fork(modulePath, [], { serviceName: 'RNN Lab training run', stdio: 'inherit' });
  // Messages posted before the process has spawned are held until it has.
  let spawned = false;
  const pending: ToWorker[] = [];
  let crash = '';
  child.once('spawn', () => {
    spawned = true;
    for (const message of pending.splice(0)) child.postMessage(message);
  });
  child.on('error', (type, location) => {
    crash = `the run process crashed (${type} at ${location})`;
  });
  return {
    post: (message) => (spawned ? child.postMessage(message) : pending.push(message)),
    onMessage: (callback) => child.on('message', callback),
    onExit: (callback) =>
      child.once('exit', (code) => callback(code, crash || `the run process exited with code ${code}`)),
    terminate: () => void child.kill(),
  };
}
