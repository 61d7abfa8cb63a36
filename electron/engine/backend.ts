import { createRequire } from 'node:module';
import util from 'node:util';
// The narrow packages: tfjs-core (ops, autodiff, optimisers, variables) + the CPU kernels. The union package
// @tensorflow/tfjs also loads layers, converter, data and webgl: twice the import time of a cold worker.
// tfjs-node (when installed) requires @tensorflow/tfjs, whose tfjs-core is this one (4.22.0 pinned by all three),
// and tfjs-core keeps its engine and kernel registry on the global object, so its 'tensorflow' backend lands here.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { BackendInfo } from '../../shared/schemas/run-result.js';

let chosen: Promise<BackendInfo> | undefined;

/**
 * Picks the tfjs backend once per process: tfjs-node ("tensorflow") when it loads,
 * else the pure-JS "cpu" backend. Idempotent; every run records the answer.
 * `RNN_LAB_BACKEND=cpu` skips tfjs-node (to compare backends on one machine).
 */
export function initBackend(): Promise<BackendInfo> {
  chosen ??= choose();
  return chosen;
}

async function choose(): Promise<BackendInfo> {
  if (process.env.RNN_LAB_BACKEND === 'cpu') {
    return useCpu('cpu requested (RNN_LAB_BACKEND=cpu)');
  }
  polyfillUtil();
  try {
    // createRequire: tfjs-node is CommonJS and optional; a static import would fail the whole bundle.
    // In the CommonJS bundle (Electron utility process) import.meta is empty but __filename exists.
    const load = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
    load('@tensorflow/tfjs-node');
    if (await tf.setBackend('tensorflow')) {
      await tf.ready();
      return { name: 'tensorflow', reason: 'tfjs-node loaded' };
    }
    return useCpu('tfjs-node loaded but its backend did not initialise');
  } catch (err) {
    return useCpu(describeLoadError(err));
  }
}

async function useCpu(reason: string): Promise<BackendInfo> {
  await tf.setBackend('cpu');
  await tf.ready();
  // The CPU backend prints a multi-line "install tfjs-node" banner on first use in Node;
  // the reason is recorded with every run instead, so the banner would only clutter CLI output.
  const backend = tf.backend() as unknown as { firstUse?: boolean };
  if ('firstUse' in backend) backend.firstUse = false;
  return { name: 'cpu', reason };
}

/** tfjs-node 4.22 calls util.isNullOrUndefined / util.isArray, removed in newer Node (Electron 45 = Node 24). */
function polyfillUtil(): void {
  const u = util as unknown as Record<string, unknown>;
  if (typeof u.isNullOrUndefined !== 'function') {
    u.isNullOrUndefined = (value: unknown) => value === null || value === undefined;
  }
  if (typeof u.isArray !== 'function') u.isArray = Array.isArray;
}

function describeLoadError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const firstLine = (message.split('\n')[0] ?? '').trim().slice(0, 160);
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'MODULE_NOT_FOUND' && firstLine.includes('@tensorflow/tfjs-node')) {
    return `tfjs-node not installed (${firstLine})`;
  }
  return `tfjs-node failed to load (${firstLine})`;
}
