import { describe, expect, it } from 'vitest';
import { schedule, type ChartJob } from '../../../renderer/src/lib/chart-scheduler.js';
import { optionKey } from '../../../renderer/src/lib/option-key.js';

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
    expect(optionKey(a)).toBe(
      optionKey({ series: [{ data: [1, 2] }], tooltip: { formatter: (v: number) => String(v) } }),
    );
    expect(optionKey(a)).not.toBe(optionKey({ ...a, series: [{ data: [1, 3] }] }));
    expect(optionKey(a)).not.toBe(optionKey({ ...a, tooltip: { formatter: (v: number) => v.toFixed(2) } }));
  });
});
