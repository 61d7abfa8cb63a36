import { describe, expect, it } from 'vitest';
import { mergeRuns, runKey } from '../../../renderer/src/stores/run-merge.js';
import { schedule, type ChartJob } from '../../../renderer/src/lib/chart-scheduler.js';
import { optionKey } from '../../../renderer/src/lib/option-key.js';
import { fakeRun } from './fixtures.js';

/** A push as the service sends it: fresh objects from JSON, equal values. */
const push = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('lab mirror: structural sharing between state pushes', () => {
  it('keeps every unchanged run object, and the array itself when nothing changed', () => {
    const keys = new WeakMap();
    const first = mergeRuns([], [fakeRun('a'), fakeRun('b')], keys);
    const same = mergeRuns(first, push(first), keys);
    expect(same).toBe(first);
    const renamed = push(first);
    renamed[1].name = 'B renamed';
    const next = mergeRuns(first, renamed, keys);
    expect(next).not.toBe(first);
    expect(next[0]).toBe(first[0]);
    expect(next[1]).not.toBe(first[1]);
    expect(next[1].name).toBe('B renamed');
    // Same weights values: the changed run keeps the previous weights object (analysis memoises on it).
    expect(next[1].weights).toBe(first[1].weights);
  });

  it('sees a run change in any field a push can change', () => {
    const base = fakeRun('a');
    const changed: Array<Partial<typeof base>> = [
      { status: 'training' },
      { note: 'n' },
      { history: base.history.slice(0, 1) },
      { history: base.history.map((h) => ({ ...h, valAcc: 0.5 })) },
      { snapshots: [{ epoch: 0, batch: 0, step: 0, weights: base.weights! }] },
      { batchLoss: [...base.batchLoss, { step: 30, loss: 0.1 }] },
      { weights: { ...base.weights!, bias: [0.25] } },
      { config: { ...base.config, training: { ...base.config.training, seed: 99 } } },
      { error: 'boom' },
      { trainSeconds: 9 },
    ];
    for (const patch of changed) expect(runKey({ ...base, ...patch }), JSON.stringify(Object.keys(patch))).not.toBe(runKey(base));
    expect(runKey(push(base))).toBe(runKey(base));
  });

  it('follows removals and reordering', () => {
    const keys = new WeakMap();
    const first = mergeRuns([], [fakeRun('a'), fakeRun('b')], keys);
    const swapped = mergeRuns(first, push([first[1], first[0]]), keys);
    expect(swapped.map((r) => r.id)).toEqual(['b', 'a']);
    expect(swapped[0]).toBe(first[1]);
    expect(mergeRuns(first, push([first[0]]), keys)).toEqual([first[0]]);
  });
});

describe('chart scheduler', () => {
  /** One macrotask later: the scheduler's pending task (queued earlier) has run. */
  const task = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('runs heavy jobs one task each, visible ones first, and holds jobs that are not ready', async () => {
    const order: string[] = [];
    let ready = false;
    const job = (name: string, visible: boolean, ms: number, isReady = () => true): ChartJob => ({
      visible: () => visible,
      ready: isReady,
      run: () => {
        order.push(name);
        const end = performance.now() + ms;
        while (performance.now() < end) {
          // busy, as a setOption is
        }
        return false;
      },
    });
    schedule(job('hidden', false, 8));
    schedule(job('waits', true, 0, () => ready));
    schedule(job('visible', true, 8));
    await task();
    expect(order).toEqual(['visible']); // one heavy job per task, on-screen first
    await task();
    expect(order).toEqual(['visible', 'hidden']);
    await task();
    expect(order).toEqual(['visible', 'hidden']); // not ready: stays queued without a timer
    ready = true;
    schedule(job('cheap', true, 0));
    await task();
    expect(order).toEqual(['visible', 'hidden', 'waits', 'cheap']); // cheap jobs share a task
  });
});

describe('option key', () => {
  it('is equal for equal options and tells formatters apart by source', () => {
    const a = { series: [{ data: [1, 2] }], tooltip: { formatter: (v: number) => String(v) } };
    expect(optionKey(a)).toBe(optionKey({ series: [{ data: [1, 2] }], tooltip: { formatter: (v: number) => String(v) } }));
    expect(optionKey(a)).not.toBe(optionKey({ ...a, series: [{ data: [1, 3] }] }));
    expect(optionKey(a)).not.toBe(optionKey({ ...a, tooltip: { formatter: (v: number) => v.toFixed(2) } }));
  });
});
