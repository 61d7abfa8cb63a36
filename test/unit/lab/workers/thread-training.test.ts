import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabService } from '../../../../electron/lab/lab-service.js';
import { threadWorkerFactory } from '../../../../electron/lab/workers/thread-worker-factory.js';
import { WorkerPool, type RunOutcome, type WorkerFactory } from '../../../../electron/lab/workers/worker-pool.js';
import { runResultSchema } from '../../../../shared/schemas/run-result.js';
import { buildRunWorker } from '../fixtures/build-worker.js';
import { smallConfig } from '../fixtures/fake-result.js';

/** Real training in real worker threads (the bundled worker entry + the engine), small data sets. */
let workerPath: string;
const folder = `threads-${process.pid}`;
const crashWorker = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'crash-worker.mjs');

beforeAll(async () => {
  workerPath = await buildRunWorker(folder);
});
afterAll(async () => {
  await rm(join(process.cwd(), '.tmp', folder), { recursive: true, force: true });
});

describe('training in worker threads', () => {
  it('trains runs in parallel; a crashing worker fails only its run', async () => {
    const real = threadWorkerFactory(workerPath);
    const crash = threadWorkerFactory(crashWorker);
    let started = 0;
    const factory: WorkerFactory = () => (started++ === 1 ? crash() : real());
    const lab = new LabService({
      workerFactory: factory,
      host: 'electron',
      paths: { kind: 'absolute' },
      maxParallel: 2,
    });
    const configs = [0, 1, 3].map((i) => smallConfig(i, 400));
    const ids = [];
    for (const [i, config] of configs.entries())
      ids.push(
        (
          await lab.handle('runs:add', {
            name: `R${i}`,
            config: { ...config, training: { ...config.training, epochs: 2 } },
          })
        ).id,
      );
    const runs = await lab.handle('runs:train', {});
    expect(runs.map((r) => r.status)).toEqual(['done', 'failed', 'done']);
    expect(runs[1].error).toBe('the worker crashed: boom: simulated crash');
    for (const run of [runs[0], runs[2]]) {
      expect(runResultSchema.safeParse({ ...run, status: 'done' }).success).toBe(true);
      expect(run.history.map((h) => h.epoch)).toEqual([1, 2]);
      expect(run.backend?.name).toMatch(/^(cpu|tensorflow)$/);
      expect(run.digitScores).toHaveLength(10);
    }
    expect(runs[2].summary?.totalParams).toBe(13);
    await lab.close();
  });

  it('reuses a worker thread; a run trains to the same bits alone, after another run or after the JIT warm-up in that worker', async () => {
    const target = { ...smallConfig(1, 600), training: { ...smallConfig(1, 600).training, epochs: 2 } };
    const other = {
      ...smallConfig(3, 400),
      training: { ...smallConfig(3, 400).training, epochs: 1, learningRate: 0.05 },
    };
    const result = (o: RunOutcome) => {
      if (o.kind !== 'result') throw new Error(`expected a result, got ${JSON.stringify(o)}`);
      return o;
    };
    const alone = new WorkerPool(threadWorkerFactory(workerPath), { maxParallel: 1 });
    const fresh = result(await alone.run({ config: target }));
    alone.close();
    const shared = new WorkerPool(threadWorkerFactory(workerPath), { maxParallel: 1 });
    const before = result(await shared.run({ config: other }));
    const after = result(await shared.run({ config: target }));
    shared.close();
    expect(after.worker).toBe(before.worker);
    expect(after.usage?.runsTrained).toBe(2);
    expect(fresh.usage?.runsTrained).toBe(1);
    // Nothing leaks from one run into the next: tensor count flat across runs in one worker.
    expect(after.usage?.numTensors).toBe(before.usage?.numTensors);
    expect(after.result.weights).toEqual(fresh.result.weights);
    expect(after.result.history).toEqual(fresh.result.history);
    expect(after.result.batchLoss).toEqual(fresh.result.batchLoss);
    expect(after.result.weights).not.toEqual(before.result.weights);
    // Nor after the JIT warm-up run of a pre-warmed worker.
    const warmed = new WorkerPool(threadWorkerFactory(workerPath), { maxParallel: 1 });
    await warmed.warm();
    await warmed.settled();
    const afterWarmUp = result(await warmed.run({ config: target }));
    warmed.close();
    expect(afterWarmUp.result.weights).toEqual(fresh.result.weights);
    expect(afterWarmUp.result.batchLoss).toEqual(fresh.result.batchLoss);
  });

  it('cancels a long run in a worker thread and keeps its consistent partial result', async () => {
    const lab = new LabService({
      workerFactory: threadWorkerFactory(workerPath),
      host: 'electron',
      paths: { kind: 'absolute' },
    });
    const config = smallConfig(2, 20_000);
    const run = await lab.handle('runs:add', {
      name: 'long',
      config: { ...config, training: { ...config.training, epochs: 50 } },
    });
    let progressed = 0;
    lab.subscribe((event, _payload) => {
      if (event === 'run:progress' && ++progressed === 2) void lab.handle('runs:cancel', { ids: [run.id] });
    });
    const [cancelled] = await lab.handle('runs:train', { ids: [run.id] });
    expect(progressed).toBeGreaterThanOrEqual(2);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.history.length).toBeLessThan(50);
    expect(cancelled.weights?.embedding).toHaveLength(10);
    await lab.close();
  });

  it('round trip: train → save → open → deep-equal', async () => {
    const lab = new LabService({
      workerFactory: threadWorkerFactory(workerPath),
      host: 'electron',
      paths: { kind: 'absolute' },
    });
    await lab.handle('runs:addPreset', { preset: 'seed', samples: 300 });
    const first = lab.state().runs[0];
    await lab.handle('runs:update', {
      id: first.id,
      config: { ...first.config, training: { ...first.config.training, snapshotEveryBatches: 10 } },
    });
    await lab.handle('runs:train', {});
    const path = join(tmpdir(), `roundtrip-${process.pid}.rnnlab`);
    try {
      await lab.handle('session:save', { path });
      const other = new LabService({
        workerFactory: threadWorkerFactory(workerPath),
        host: 'electron',
        paths: { kind: 'absolute' },
      });
      const opened = await other.handle('session:open', { path });
      expect(opened.runs.every((r) => r.status === 'done')).toBe(true);
      expect(opened.runs[0].snapshots.length).toBeGreaterThan(4);
      expect(opened).toEqual(lab.state());
      await other.close();
    } finally {
      await lab.close();
      await rm(path, { force: true });
    }
  });

  it('reports the backend a worker loads for app:info', async () => {
    const lab = new LabService({
      workerFactory: threadWorkerFactory(workerPath),
      host: 'browser',
      paths: { kind: 'folder', dir: tmpdir() },
      versions: { extra: '1' },
    });
    const info = await lab.handle('app:info', {});
    expect(info).toMatchObject({
      name: 'RNN Lab',
      host: 'browser',
      versions: { extra: '1', node: process.versions.node },
    });
    expect(info.backend.name).toMatch(/^(cpu|tensorflow)$/);
    expect(info.backend.reason.length).toBeGreaterThan(0);
    await lab.close();
  });
});
