import { existsSync } from 'node:fs';
import { defaultRunWorkerPath, threadWorkerFactory } from '../lab/thread-worker-factory.js';
import { WorkerPool } from '../lab/worker-pool.js';
import type { RunConfig } from '../../shared/schemas/run-config.js';
import type { RunResult } from '../../shared/schemas/run-result.js';

export interface ParallelTiming {
  wallMs: number;
  workers: number;
  results: RunResult[];
}

/** The seed comparison through the lab's worker pool (one worker thread per run, ≤ cores at once). */
export async function timeParallel(configs: RunConfig[]): Promise<ParallelTiming | string> {
  const path = defaultRunWorkerPath();
  if (!existsSync(path)) return `skipped: ${path} is missing (run \`npm run build:node\`)`;
  const pool = new WorkerPool(threadWorkerFactory(path));
  const t0 = performance.now();
  const outcomes = await Promise.all(configs.map((config) => pool.run({ config })));
  const wallMs = performance.now() - t0;
  const results: RunResult[] = [];
  for (const outcome of outcomes) {
    if (outcome.kind !== 'result') return `failed: ${outcome.kind === 'failed' ? outcome.reason : 'cancelled'}`;
    results.push(outcome.result);
  }
  return { wallMs, workers: pool.maxParallel, results };
}
