import { describe, expect, it } from 'vitest';
import { sweepLineText } from '../../../electron/cli/sweep-line.js';
import { sweepFromFlags } from '../../../electron/cli/sweep-spec-flags.js';
import { SWEEP_PRESETS } from '../../../shared/sweeps/presets.js';
import { sweepRunCount } from '../../../shared/sweeps/expand.js';

describe('rnn-lab sweep flags → spec', () => {
  it('seed-rule fields become variants, other lists axes, single values the base', () => {
    const { name, spec } = sweepFromFlags({
      embedding: '1,4',
      activation: 'linear,sigmoid',
      length: '3-5:2',
      lr: '0.01',
      seeds: '0-19',
    });
    expect(name).toBe('embedding × activation × length × 20 seeds');
    expect(spec.axes).toEqual([
      { path: 'model.embeddingDim', values: [1, 4] },
      { path: 'task.sequenceLength', values: [3, 5] },
    ]);
    expect(spec.variants?.map((v) => v.label)).toEqual(['linear', 'sigmoid']);
    // The sigmoid SimpleRNN is its own output; --lr, one value, is set on the base and in no variant.
    expect(spec.variants?.[1]?.values).toMatchObject({
      'model.rnnActivation': 'sigmoid',
      'model.outputActivation': 'none',
    });
    expect(spec.variants?.[1]?.values).not.toHaveProperty('training.learningRate');
    expect(spec.base.training.learningRate).toBe(0.01);
    expect(spec.seeds).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect([spec.mode, spec.keep]).toEqual([{ kind: 'grid' }, []]);
    expect(sweepRunCount(spec)).toBe(2 * 2 * 2 * 20);
  });

  it('a preset keeps its definition; --seeds, --random and --keep change only theirs', () => {
    const { name, spec } = sweepFromFlags({ preset: 'seed-variance', seeds: '0-1', keep: 'snapshots,predictions' });
    expect(name).toBe('seed-variance');
    const preset = SWEEP_PRESETS['seed-variance'].spec;
    expect({ ...spec, seeds: preset.seeds, keep: [] }).toEqual(preset);
    expect([spec.seeds, spec.keep]).toEqual([
      [0, 1],
      ['snapshots', 'predictions'],
    ]);
    expect(sweepFromFlags({ embedding: '1-10', random: '3' }).spec.mode).toEqual({ kind: 'random', draws: 3, seed: 0 });
  });
});

describe('the progress line', () => {
  const sweep = SWEEP_PRESETS['seed-variance'];
  const change = (state: 'running' | 'paused', etaSeconds: number | null) => ({
    sweep: { id: 'w1', name: 'seeds', spec: sweep.spec, state, createdAt: new Date(0).toISOString() },
    progress: { done: 12, failed: 1, total: 80, training: 2, runsPerSecond: 1.25, etaSeconds },
  });

  it('reads done/failed/total, training, rate and ETA; a state other than running is named', () => {
    expect(sweepLineText(change('running', 134.2))).toBe(
      'seeds: 12/80 done, 1 failed, 2 training · 1.25 runs/s · ETA 2 min 15 s',
    );
    expect(sweepLineText(change('paused', null))).toBe(
      'seeds: 12/80 done, 1 failed, 2 training · 1.25 runs/s · ETA — (paused)',
    );
  });
});
