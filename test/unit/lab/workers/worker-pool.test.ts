import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../../electron/lab/workers/worker-pool.js';
import { fakeFactory, finishAfter } from '../fixtures/fake-workers.js';
import { fakeResult, smallConfig } from '../fixtures/fake-result.js';

/** The pool's worker lifecycle with in-process test doubles (real threads: thread-training.test.ts). */
describe('WorkerPool reuse', () => {
  it('hands consecutive runs to the same worker and isolates a crash to its run', async () => {
    // Worker 0 trains, worker 0's second run crashes it; the next run gets a fresh worker.
    let runsOnWorker0 = 0;
    const { factory, control } = fakeFactory((_config, index) =>
      index === 0 && ++runsOnWorker0 === 2 ? (worker) => worker.exit(134, 'the worker crashed: boom') : finishAfter(5),
    );
    const pool = new WorkerPool(factory, { maxParallel: 1 });
    const outcomes = [];
    for (const i of [0, 1, 2, 3]) outcomes.push(await pool.run({ config: smallConfig(i) }));
    expect(outcomes.map((o) => o.kind)).toEqual(['result', 'failed', 'result', 'result']);
    expect(outcomes[1]).toEqual({ kind: 'failed', reason: 'the worker crashed: boom' });
    expect(control.started).toHaveLength(2);
    expect(control.started[0].runs).toHaveLength(2);
    expect(control.started[0].terminated).toBe(true);
    expect(control.started[1].runs).toHaveLength(2);
    expect(outcomes.flatMap((o) => (o.kind === 'result' ? [o.worker] : []))).toEqual([1, 2, 2]);
    expect(pool.size).toBe(1);
    pool.close();
    expect(control.started[1].terminated).toBe(true);
    expect(pool.size).toBe(0);
  });

  it('ignores a late message of an earlier run and fails a run on an invalid message, replacing that worker', async () => {
    const { factory, control } = fakeFactory((_config, index) => (worker, config) => {
      if (index === 0 && worker.runs.length === 2) {
        // A stale result for run 1 must not finish run 2; then garbage ends the worker.
        worker.send({ type: 'result', runId: worker.runs[0], result: fakeResult(config) });
        worker.send({ type: 'progress', progress: { nonsense: true } });
        return;
      }
      finishAfter(5)(worker, config);
    });
    const pool = new WorkerPool(factory, { maxParallel: 1 });
    const first = await pool.run({ config: smallConfig(0) });
    const second = await pool.run({ config: smallConfig(1) });
    const third = await pool.run({ config: smallConfig(2) });
    expect(first.kind).toBe('result');
    expect(second.kind).toBe('failed');
    expect(second.kind === 'failed' && second.reason).toMatch(/^a worker message is invalid at \$\.progress/);
    expect(third.kind).toBe('result');
    expect(control.started.map((w) => w.terminated)).toEqual([true, false]);
    pool.close();
  });

  it('ends a worker that outlives the cancel grace and trains the next run on a fresh one', async () => {
    // Worker 0 never answers a cancel; later workers finish at once.
    const { factory, control } = fakeFactory((_config, index) => (index === 0 ? () => undefined : finishAfter(5)));
    const pool = new WorkerPool(factory, { maxParallel: 1, cancelGraceMs: 30 });
    const controller = new AbortController();
    const hung = pool.run({ config: smallConfig(0), signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    expect(await hung).toEqual({ kind: 'cancelled' });
    expect(control.started[0]).toMatchObject({ cancelled: true, terminated: true });
    expect((await pool.run({ config: smallConfig(1) })).kind).toBe('result');
    expect(control.started).toHaveLength(2);
    pool.close();
  });

  it('keeps a worker that returns its partial result after a cancel', async () => {
    const { factory, control } = fakeFactory(() => finishAfter(5_000));
    const pool = new WorkerPool(factory, { maxParallel: 1 });
    const controller = new AbortController();
    const running = pool.run({ config: smallConfig(0), signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const outcome = await running;
    expect(outcome.kind === 'result' && outcome.result.status).toBe('cancelled');
    expect(control.started[0].terminated).toBe(false);
    pool.close();
    expect(control.started[0].terminated).toBe(true);
  });

  it('pre-warms up to maxParallel workers, which then take the runs', async () => {
    const { factory, control } = fakeFactory(() => finishAfter(5));
    const pool = new WorkerPool(factory, { maxParallel: 2 });
    expect(await pool.warm()).toEqual({ name: 'cpu', reason: 'test double' });
    expect(control.started).toHaveLength(2);
    await pool.settled();
    await Promise.all([0, 1, 2].map((i) => pool.run({ config: smallConfig(i) })));
    expect(control.started).toHaveLength(2);
    expect(control.started.map((w) => w.runs.length).sort()).toEqual([1, 2]);
    pool.close();
    await expect(pool.warm()).rejects.toThrow('the worker pool is closed');
  });
});

describe('WorkerPool cancellation', () => {
  it('cancels a run whose cancel arrives between the grant of a worker and the start of the run', async () => {
    const { factory, control } = fakeFactory(() => finishAfter(5));
    const pool = new WorkerPool(factory, { maxParallel: 1 });
    const controller = new AbortController();
    let started = false;
    const outcome = pool.run({ config: smallConfig(0), signal: controller.signal, onStart: () => (started = true) });
    controller.abort(); // same tick: the grant is resolved but run() has not resumed yet
    expect(await outcome).toEqual({ kind: 'cancelled' });
    expect(started).toBe(false);
    expect(control.started.flatMap((w) => w.runs)).toHaveLength(0);
    expect((await pool.run({ config: smallConfig(1) })).kind).toBe('result');
    pool.close();
  });
});
