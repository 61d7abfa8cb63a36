import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotBudget } from '../../../electron/engine/snapshot-log.js';
import { LabService } from '../../../electron/lab/lab-service.js';
import { readSessionFile } from '../../../electron/lab/sessions/session-file.js';
import { threadWorkerFactory } from '../../../electron/lab/workers/thread-worker-factory.js';
import { runConfigSchema } from '../../../shared/schemas/run-config.js';
import { buildRunWorker } from './fixtures/build-worker.js';

/**
 * SLOW (about a minute, on purpose): the config class that once grew a run's
 * memory without bound (≈ 3.5 MB/s, 1,846 snapshots in 40 s, then a session
 * too large to save) trains for a fixed minute in a real worker thread through
 * the lab service, then is cancelled. Memory and counts are asserted, never time.
 *
 * Snapshots live in the worker until the run ends, so over time the test samples
 * the process's RSS (the worker thread's heap is part of it) and the main heap;
 * the kept snapshots are counted on the result the cancel returns.
 */
const TRAIN_MS = 60_000;
const SAMPLE_MS = 2_000;
/** Samples from here on are "after the cap": the budget (25 snapshots) is reached within the first seconds of training. */
const SETTLED_MS = 20_000;
const MB = 1024 * 1024;

let workerPath: string;
let dir: string;
const folder = `bounded-memory-${process.pid}`;

beforeAll(async () => {
  workerPath = await buildRunWorker(folder);
  dir = await mkdtemp(join(tmpdir(), 'bounded-memory-'));
});
afterAll(async () => {
  await rm(join(process.cwd(), '.tmp', folder), { recursive: true, force: true });
  await rm(dir, { recursive: true, force: true });
});

// samples 200,000 × length 60, vocabulary 100, embedding 64, 16 units (dense readout), batch 1, a snapshot every batch.
const config = runConfigSchema.parse({
  task: {
    targetDigit: 4,
    sequenceLength: 60,
    vocabularySize: 100,
    samples: 200_000,
    validationSplit: 0.2,
    dataSeed: 1,
  },
  model: { embeddingDim: 64, rnnUnits: 16, rnnActivation: 'linear', outputActivation: 'sigmoid', readout: 'dense' },
  training: { optimizer: 'adam', learningRate: 0.01, batchSize: 1, epochs: 200, seed: 7, snapshotEveryBatches: 1 },
});

interface Sample {
  atMs: number;
  rss: number;
  heapUsed: number;
  batch: number;
}

describe('bounded memory (slow: about a minute)', () => {
  it('a run with a snapshot every batch trains a minute with flat memory, keeps ≤ its snapshot budget, and its session saves and loads', async () => {
    const lab = new LabService({
      workerFactory: threadWorkerFactory(workerPath),
      host: 'electron',
      paths: { kind: 'absolute' },
      maxParallel: 1,
    });
    const run = await lab.handle('runs:add', { name: 'every batch', config });
    let batch = 0;
    lab.subscribe((event, payload) => {
      if (event === 'run:progress') batch = (payload as { progress: { batch: number } }).progress.batch;
    });
    const startHeap = process.memoryUsage().heapUsed;
    const training = lab.handle('runs:train', { ids: [run.id] });
    const samples: Sample[] = [];
    const t0 = performance.now();
    const timer = setInterval(() => {
      const { rss, heapUsed } = process.memoryUsage();
      samples.push({ atMs: performance.now() - t0, rss, heapUsed, batch });
    }, SAMPLE_MS);
    await new Promise((resolve) => setTimeout(resolve, TRAIN_MS));
    clearInterval(timer);
    await lab.handle('runs:cancel', { ids: [run.id] });
    const [result] = await training;

    expect(result.status).toBe('cancelled');
    // It trained well past the snapshot budget (a snapshot was offered every one of these batches).
    const budget = snapshotBudget(100 * 64 + 64 * 16 + 16 * 16 + 16);
    expect(budget).toBe(25);
    const lastStep = result.batchLoss.at(-1)!.step;
    expect(lastStep).toBeGreaterThan(4 * budget);

    // The series: within the budget, from step 0 to the step the run stopped at, evenly spread.
    const steps = result.snapshots.map((s) => s.step);
    expect(steps.length).toBeLessThanOrEqual(budget);
    expect(steps.length).toBeGreaterThan(budget / 2);
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBe(lastStep);
    expect(result.snapshots.at(-1)!.weights).toEqual(result.weights);
    const gaps = steps.slice(1, -1).map((s, i) => s - steps[i]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2 * Math.min(...gaps));

    // Memory after the cap: flat. The unbounded engine grew ≈ 2.5–3.5 MB/s here (+100 MB or more over these 40 s);
    // 64 MB leaves room for the garbage collector's swings.
    const settled = samples.filter((s) => s.atMs >= SETTLED_MS);
    expect(settled.length).toBeGreaterThan(10);
    expect(settled.at(-1)!.batch).toBeGreaterThan(settled[0].batch);
    const baseline = settled[0].rss;
    const peakGrowth = Math.max(...settled.map((s) => s.rss)) - baseline;
    expect(peakGrowth / MB).toBeLessThan(64);
    // The main thread holds no per-batch state while a run trains, and only the bounded result after it.
    expect(Math.max(...samples.map((s) => s.heapUsed)) - startHeap).toBeLessThan(32 * MB);
    expect(process.memoryUsage().heapUsed - startHeap).toBeLessThan(64 * MB);

    // The session saves, and the file loads back with the same run.
    const path = join(dir, 'every-batch.rnnlab');
    await lab.handle('session:save', { path });
    const loaded = await readSessionFile(path);
    expect(loaded.runs).toHaveLength(1);
    expect(loaded.runs[0].snapshots.map((s) => s.step)).toEqual(steps);
    expect(loaded.runs[0].weights).toEqual(result.weights);
    expect(loaded.runs[0].status).toBe('cancelled');
    await lab.close();
  });
});
