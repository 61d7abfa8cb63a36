import { fork } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_PRESET } from '../../../shared/presets.js';
import type { FromWorker, ToWorker } from '../../../electron/lab/workers/worker-protocol.js';

/**
 * Runs a built run-worker.cjs (the utilityProcess entry) in a plain Node child
 * process. Electron gives a utility process `process.parentPort`; a --require
 * shim gives it one over Node's child-process IPC, with Electron's message
 * shape ({ data }). This runs the real bundle's module loading and backend
 * choice; it is Node's loader, not Electron's (no asar, no utility sandbox).
 */
const SHIM = `
// Node 24 (Electron 45) no longer has these; RNN_LAB_TEST_NODE24_UTIL=1 removes them here too.
if (process.env.RNN_LAB_TEST_NODE24_UTIL === '1') {
  const util = require('node:util');
  delete util.isNullOrUndefined;
  delete util.isArray;
}
const listeners = [];
process.on('message', (data) => listeners.forEach((cb) => cb({ data })));
process.parentPort = {
  postMessage: (message) => process.send(message),
  on: (event, cb) => { if (event === 'message') listeners.push(cb); },
};
`;

export const tinyRun: ToWorker = {
  type: 'start',
  runId: 'bundle-check',
  config: {
    ...SEED_PRESET[0].config,
    task: { ...SEED_PRESET[0].config.task, samples: 400 },
    training: { ...SEED_PRESET[0].config.training, epochs: 1 },
  },
};

/** Sends `messages` and collects replies until one satisfies `done` (or the process exits). */
export async function runUtilityBundle(
  bundle: string,
  messages: ToWorker[],
  done: (m: FromWorker) => boolean,
  env: NodeJS.ProcessEnv = {},
): Promise<FromWorker[]> {
  const shim = join(mkdtempSync(join(tmpdir(), 'rnnlab-utility-')), 'parent-port-shim.cjs');
  writeFileSync(shim, SHIM);
  // Only the environment the app would have: no RNN_LAB_BACKEND from the caller's shell.
  const { RNN_LAB_BACKEND: _ignored, ...base } = process.env;
  const child = fork(bundle, [], {
    execArgv: ['--require', shim],
    env: { ...base, ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const replies: FromWorker[] = [];
  try {
    return await new Promise<FromWorker[]>((resolve, reject) => {
      child.on('message', (message) => {
        replies.push(message as FromWorker);
        if (done(message as FromWorker)) resolve(replies);
      });
      child.on('exit', (code) =>
        reject(
          new Error(
            `run-worker exited (${code}) after ${JSON.stringify(replies.map((r) => r.type))}: ${stderr.slice(-2000)}`,
          ),
        ),
      );
      for (const message of messages) child.send(message);
    });
  } finally {
    child.kill();
  }
}
