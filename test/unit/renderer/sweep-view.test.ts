import { describe, expect, it } from 'vitest';
import type { Run } from '../../../shared/schemas/run.js';
import { SWEEP_PRESETS } from '../../../shared/sweeps/presets.js';
import {
  barShares,
  countsText,
  progressOf,
  rateText,
  runsBySweep,
  stateAnnouncement,
  sweepGroupFields,
} from '../../../renderer/src/sweeps/sweep-view.js';

const run = (id: string, status: Run['status'], sweep?: string) =>
  ({ id, status, ...(sweep ? { sweep: { id: sweep, values: {} } } : {}) }) as Run;

describe('runsBySweep', () => {
  it('keeps board order, and lists a run of an unknown sweep with the loose ones', () => {
    const runs = [run('a', 'done'), run('b', 'idle', 'w1'), run('c', 'done', 'w2'), run('d', 'done', 'w1')];
    const { loose, bySweep } = runsBySweep(runs, new Set(['w1']));
    expect(loose.map((r) => r.id)).toEqual(['a', 'c']);
    expect(bySweep.get('w1')?.map((r) => r.id)).toEqual(['b', 'd']);
    expect(
      runsBySweep(runs)
        .bySweep.get('w2')
        ?.map((r) => r.id),
    ).toEqual(['c']);
  });
});

describe('progress words', () => {
  const p = { done: 12, failed: 1, total: 24, training: 2, runsPerSecond: 1.25, etaSeconds: 9 };

  it('counts from the runs when nothing was pushed, with no rate', () => {
    const counted = progressOf(undefined, [run('a', 'done'), run('b', 'failed'), run('c', 'idle')]);
    expect(counted).toEqual({ done: 1, failed: 1, total: 3, training: 0, runsPerSecond: 0, etaSeconds: null });
    expect(progressOf(p, [])).toBe(p);
  });

  it('says counts, rate and time left only while running', () => {
    expect(countsText(p)).toBe('12 / 24 done · 1 failed · 2 training');
    expect(countsText({ ...p, failed: 0, training: 0 })).toBe('12 / 24 done');
    expect(rateText(p, 'running')).toBe('1.3 runs/s · about 9 s left');
    expect(rateText({ ...p, runsPerSecond: 0.5, etaSeconds: null }, 'running')).toBe('0.50 runs/s');
    expect(rateText(p, 'paused')).toBe('');
    expect(barShares(p)).toEqual({ done: 0.5, failed: 1 / 24 });
    expect(stateAnnouncement({ name: 'E × act', state: 'done' }, p)).toBe(
      'Sweep E × act finished: 12 of 24 done, 1 failed',
    );
  });
});

describe('sweepGroupFields', () => {
  it('groups by the axes with more than one value', () => {
    const spec = {
      axes: [
        { path: 'task.samples', values: [200] },
        { path: 'model.embeddingDim', values: [1, 4] },
      ],
    };
    expect(sweepGroupFields({ spec } as never)).toEqual(['model.embeddingDim']);
  });

  it('groups a preset by its axes, then what its variants set differently, at most two', () => {
    expect(sweepGroupFields(SWEEP_PRESETS['seed-variance'])).toEqual(['model.embeddingDim', 'model.rnnActivation']);
    expect(sweepGroupFields(SWEEP_PRESETS['embedding-size'])).toEqual(['model.embeddingDim', 'model.rnnActivation']);
  });
});
