import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainRun } from '../../../electron/engine/index.js';
import { threadWorkerFactory } from '../../../electron/lab/workers/thread-worker-factory.js';
import { WorkerPool, type RunOutcome, type WorkerFactory } from '../../../electron/lab/workers/worker-pool.js';
import type { ToWorker } from '../../../electron/lab/workers/worker-protocol.js';
import type { RunConfig } from '../../../shared/schemas/run-config.js';
import type { RunResult } from '../../../shared/schemas/run-result.js';
import { buildRunWorker } from '../lab/fixtures/build-worker.js';
import { smallConfig } from './helpers.js';

/** The pool hands runs asked for together to real worker threads as stacks; each run still answers alone. */
const folder = `stacked-pool-${process.pid}`;
let workerPath: string;

beforeAll(async () => {
  workerPath = await buildRunWorker(folder);
});
afterAll(async () => {
  await rm(join(process.cwd(), '.tmp', folder), { recursive: true, force: true });
});

/** The real worker factory, its messages to workers recorded. */
function recordingFactory(sent: ToWorker[]): WorkerFactory {
  const real = threadWorkerFactory(workerPath);
  return Object.assign(
    () => {
      const handle = real();
      return { ...handle, post: (message: ToWorker) => (sent.push(message), handle.post(message)) };
    },
    { stacks: real.stacks },
  );
}

const configs = (n: number, epochs = 1): RunConfig[] =>
  Array.from({ length: n }, (_, i) =>
    smallConfig(i % 4, { task: { samples: 300 }, training: { seed: i, epochs, batchSize: 16 } }),
  );
const resultOf = (outcome: RunOutcome): RunResult => {
  if (outcome.kind !== 'result') throw new Error(`expected a result, got ${JSON.stringify(outcome)}`);
  return outcome.result;
};

describe('the worker pool trains stacks', () => {
  it('a short job (4 runs) is one stack on one worker; each run = the same run alone, 0 tensors left', async () => {
    const sent: ToWorker[] = [];
    const pool = new WorkerPool(recordingFactory(sent), { maxParallel: 2 });
    const jobs = configs(4);
    const epochs: number[] = [0, 0, 0, 0];
    try {
      const outcomes = await Promise.all(
        jobs.map((config, i) => pool.run({ config, onEpoch: () => void epochs[i]++ })),
      );
      expect(
        sent.filter((m) => m.type === 'start-stack').map((m) => m.type === 'start-stack' && m.runs.length),
      ).toEqual([4]);
      expect(sent.some((m) => m.type === 'start')).toBe(false);
      expect(pool.size).toBe(1);
      expect(epochs).toEqual([1, 1, 1, 1]);
      // Tensors alive in the worker after its stack's last run (the result with the highest run count): none.
      const usages = outcomes.map((o) => (o.kind === 'result' ? o.usage : undefined));
      expect(usages.every(Boolean)).toBe(true);
      const last = usages.reduce((a, b) => (b!.runsTrained > a!.runsTrained ? b : a));
      expect(last!.runsTrained).toBe(4);
      expect(last!.numTensors).toBe(0);
      for (const [i, config] of jobs.entries()) {
        const alone = await trainRun(config);
        expect({ ...resultOf(outcomes[i]), trainSeconds: 0 }).toEqual({ ...alone, trainSeconds: 0 });
      }
    } finally {
      pool.close();
    }
  });

  it('a large job splits into one stack per worker; a run cancelled in its stack ends alone', async () => {
    const sent: ToWorker[] = [];
    const pool = new WorkerPool(recordingFactory(sent), { maxParallel: 2, stackRuns: 12 });
    const jobs = configs(20, 3);
    // The run cancelled trains far longer than the others, so its cancel reaches it while it trains.
    jobs[5] = { ...jobs[5], training: { ...jobs[5].training, epochs: 60 } };
    const controller = new AbortController();
    try {
      const outcomes = await Promise.all(
        jobs.map((config, i) =>
          pool.run({
            config,
            keep: [],
            ...(i === 5 ? { signal: controller.signal, onEpoch: () => controller.abort() } : {}),
          }),
        ),
      );
      const stacks = sent.flatMap((m) => (m.type === 'start-stack' ? [m.runs.length] : []));
      // 20 runs on 2 free workers: two stacks of 10 (not above stackRuns), and no run alone.
      expect(stacks).toEqual([10, 10]);
      expect(resultOf(outcomes[5]).status).toBe('cancelled');
      expect(resultOf(outcomes[5]).history.length).toBeGreaterThanOrEqual(1);
      expect(resultOf(outcomes[5]).history.length).toBeLessThan(60);
      for (const [i, outcome] of outcomes.entries()) {
        if (i === 5) continue;
        expect(resultOf(outcome).status).toBe('done');
        expect(resultOf(outcome).history).toHaveLength(3);
      }
    } finally {
      pool.close();
    }
  });

  it('a run cancelled while it waits for a worker ends cancelled without training', async () => {
    const sent: ToWorker[] = [];
    const pool = new WorkerPool(recordingFactory(sent), { maxParallel: 1 });
    const controller = new AbortController();
    try {
      const first = pool.run({ config: configs(1)[0] });
      await new Promise((resolve) => setImmediate(resolve));
      const waiting = pool.run({ config: configs(2)[1], signal: controller.signal });
      controller.abort();
      expect(await waiting).toEqual({ kind: 'cancelled' });
      expect(resultOf(await first).status).toBe('done');
      expect(sent.filter((m) => m.type === 'start-stack')).toHaveLength(1);
    } finally {
      pool.close();
    }
  });
});
