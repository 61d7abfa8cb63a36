import { existsSync } from 'node:fs';
import { defaultRunWorkerPath, threadWorkerFactory } from '../lab/workers/thread-worker-factory.js';
import { WorkerPool, type RunOutcome } from '../lab/workers/worker-pool.js';
import type { WorkerUsage } from '../lab/workers/worker-protocol.js';
import type { RunConfig } from '../../shared/schemas/run-config.js';
import type { RunResult } from '../../shared/schemas/run-result.js';

export interface PoolRun {
  result: RunResult;
  usage?: WorkerUsage;
  worker: number;
}

export interface PoolPass {
  label: string;
  /** From the call to the last run's result, worker start-up included. */
  wallMs: number;
  runs: PoolRun[];
}

/**
 * The seed comparison through the lab's real worker pool (worker threads, the bundled
 * out/node/run-worker.js), the way `rnn-lab train` and the app run it:
 * - cold: a new pool, so each worker loads tfjs and its first run trains with a cold JIT;
 * - warm: the same pool again (workers kept from the cold pass);
 * - pre-warmed: a new pool warmed first (tfjs loaded + JIT warm-up run, as after app:info
 *   when the app opens), timed from the click.
 */
export async function timePool(configs: RunConfig[], maxParallel: number, repeat = 1): Promise<PoolPass[] | string> {
  const path = defaultRunWorkerPath();
  if (!existsSync(path)) return `skipped: ${path} is missing (run \`npm run build:node\`)`;
  // Each repetition starts new pools; the fastest pass of each kind is kept (the machine is shared).
  let best: PoolPass[] = [];
  for (let i = 0; i < repeat; i++) {
    const passes = await timePoolOnce(path, configs, maxParallel);
    best = passes.map((p, k) => (best[k] && best[k].wallMs <= p.wallMs ? best[k] : p));
  }
  return best.map((p) => ({ ...p, label: repeat > 1 ? `${p.label}, best of ${repeat}` : p.label }));
}

async function timePoolOnce(path: string, configs: RunConfig[], maxParallel: number): Promise<PoolPass[]> {
  const passes: PoolPass[] = [];
  const pool = new WorkerPool(threadWorkerFactory(path), { maxParallel });
  try {
    passes.push(await pass('pool, cold (new workers)', pool, configs));
    passes.push(await pass('pool, warm (same workers again)', pool, configs));
  } finally {
    pool.close();
  }
  const prewarmed = new WorkerPool(threadWorkerFactory(path), { maxParallel });
  try {
    await prewarmed.warm();
    await prewarmed.settled();
    passes.push(await pass('pool, pre-warmed (tfjs + JIT warm-up before)', prewarmed, configs));
  } finally {
    prewarmed.close();
  }
  return passes;
}

async function pass(label: string, pool: WorkerPool, configs: RunConfig[]): Promise<PoolPass> {
  const t0 = performance.now();
  const outcomes = await Promise.all(configs.map((config) => pool.run({ config })));
  const wallMs = performance.now() - t0;
  return { label, wallMs, runs: outcomes.map(expectResult) };
}

function expectResult(outcome: RunOutcome): PoolRun {
  if (outcome.kind === 'result') return { result: outcome.result, usage: outcome.usage, worker: outcome.worker };
  throw new Error(`a bench run did not finish: ${outcome.kind === 'failed' ? outcome.reason : 'cancelled'}`);
}
