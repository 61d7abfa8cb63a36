import { describe, expect, it } from 'vitest';
import { comparedRuns, liveProgress, moveAmong, moveInOrder, orderRuns } from '../../../renderer/src/lib/run-order.js';
import { isBusy } from '../../../renderer/src/lib/run-status.js';
import {
  formatDuration,
  formatLoss,
  formatPercent,
  formatProbability,
  formatScore,
} from '../../../renderer/src/lib/format.js';
import { socketUrl } from '../../../renderer/src/host/browser-host.js';

describe('lab mirror logic', () => {
  const runs = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  it('orders runs by the view, unknown runs last, stale ids ignored', () => {
    expect(orderRuns(runs, ['c', 'x', 'a']).map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(orderRuns(runs, []).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
  it('moves a run within the order, clamped at the ends', () => {
    expect(moveInOrder(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
    expect(moveInOrder(['a', 'b', 'c'], 'c', 5)).toEqual(['a', 'b', 'c']);
    expect(moveInOrder(['a', 'b'], 'z', 1)).toEqual(['a', 'b']);
  });
  it('compares the chosen runs in board order, else the runs made by hand, else the first four', () => {
    const swept = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, sweep: { id: 's' } }));
    expect(comparedRuns(swept, []).map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(comparedRuns(swept, ['f', 'ghost', 'b']).map((r) => r.id)).toEqual(['b', 'f']);
    expect(comparedRuns(swept, ['ghost']).map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    const mixed = [...swept, ...['x', 'y', 'z', 'u', 'v'].map((id) => ({ id }))];
    expect(comparedRuns(mixed, []).map((r) => r.id)).toEqual(['x', 'y', 'z', 'u', 'v']);
  });
  it('moves a compared run past the next compared one; the others keep their places', () => {
    const order = ['a', 'b', 'c', 'd', 'e'];
    expect(moveAmong(order, ['b', 'd'], 'b', 1)).toEqual(['a', 'd', 'c', 'b', 'e']);
    expect(moveAmong(order, ['b', 'd'], 'b', -1)).toEqual(order);
    expect(moveAmong(order, order, 'e', -1)).toEqual(['a', 'b', 'c', 'e', 'd']);
  });
});

describe('progress store logic', () => {
  it('keeps progress only for runs still training', () => {
    const p = { a: 1, b: 2, gone: 3 };
    expect(
      liveProgress(p, [
        { id: 'a', status: 'training' },
        { id: 'b', status: 'done' },
      ]),
    ).toEqual({ a: 1 });
  });
  it('offers Cancel only for runs waiting for a worker or training', () => {
    expect(isBusy('queued')).toBe(true);
    expect(isBusy('training')).toBe(true);
    for (const status of ['idle', 'done', 'cancelled', 'failed'] as const) expect(isBusy(status)).toBe(false);
  });
});

describe('number formats', () => {
  it('prints losses, percentages, scores, probabilities and durations readably', () => {
    expect(formatLoss(0.12345)).toBe('0.1235');
    expect(formatLoss(3.3e-6)).toBe('3.30e-6');
    expect(formatLoss(undefined)).toBe('—');
    expect(formatPercent(0.99561)).toBe('99.6%');
    expect(formatScore(-2.5)).toBe('−2.500');
    expect(formatProbability(0.999977827)).toBe('1.00e+0');
    expect(formatProbability(0.25)).toBe('0.2500');
    expect(formatDuration(3200)).toBe('3.2 s');
    expect(formatDuration(65_000)).toBe('1 min 05 s');
  });
});

describe('browser host address', () => {
  it('carries the page token to the socket, on the same host', () => {
    expect(socketUrl({ protocol: 'http:', host: '127.0.0.1:5000', search: '?token=abc123' })).toBe(
      'ws://127.0.0.1:5000/ws?token=abc123',
    );
    expect(socketUrl({ protocol: 'http:', host: 'h:1', search: '' })).toBe('ws://h:1/ws?token=');
  });
});
