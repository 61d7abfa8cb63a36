import { describe, expect, it } from 'vitest';
import { SEED_PRESET } from '../../../shared/presets.js';
import { runConfigSchema } from '../../../shared/schemas/run-config.js';
import { sweepSpecSchema, type SweepSpecInput } from '../../../shared/schemas/sweep.js';
import { expandSweep, sweepRunCount } from '../../../shared/sweeps/expand.js';

const base = runConfigSchema.parse(SEED_PRESET[0].config);
const spec = (parts: Partial<SweepSpecInput>) =>
  sweepSpecSchema.parse({ base, axes: [], mode: { kind: 'grid' }, seeds: [0], ...parts });

describe('expandSweep on a grid', () => {
  const grid = spec({
    axes: [
      { path: 'model.embeddingDim', values: [1, 4] },
      { path: 'model.rnnActivation', values: ['linear', 'tanh', 'relu'] },
    ],
    seeds: [3, 5],
  });

  it('makes every combination × every seed, the first axis slowest and the seed fastest', () => {
    const runs = expandSweep(grid);
    expect(sweepRunCount(grid)).toBe(12);
    expect(runs).toHaveLength(12);
    expect(runs.map((r) => r.values)).toEqual(
      [1, 4].flatMap((e) =>
        ['linear', 'tanh', 'relu'].flatMap((a) =>
          [3, 5].map((s) => ({ 'model.embeddingDim': e, 'model.rnnActivation': a, 'training.seed': s })),
        ),
      ),
    );
  });

  it("sets each run's config to its values and leaves every other field as the base has it", () => {
    const run = expandSweep(grid)[9]; // embedding 4, tanh, seed 5
    expect(run.config).toEqual({
      ...base,
      model: { ...base.model, embeddingDim: 4, rnnActivation: 'tanh' },
      training: { ...base.training, seed: 5 },
    });
    expect(run.variant).toBeUndefined();
  });

  it('without axes is the base once per seed', () => {
    const runs = expandSweep(spec({ seeds: [0, 1, 2] }));
    expect(runs.map((r) => r.config)).toEqual(
      [0, 1, 2].map((seed) => ({ ...base, training: { ...base.training, seed } })),
    );
  });
});

describe('expandSweep with random draws', () => {
  const random = (seed: number) =>
    spec({
      axes: [
        { path: 'model.embeddingDim', values: [1, 2, 3, 4, 5, 6, 7, 8] },
        { path: 'training.learningRate', values: [0.001, 0.01, 0.1] },
      ],
      mode: { kind: 'random', draws: 6, seed },
      seeds: [0, 1],
    });

  it('makes draws × seeds runs, every value from its axis, the same draws for the same seed', () => {
    const runs = expandSweep(random(11));
    expect(sweepRunCount(random(11))).toBe(12);
    expect(runs).toHaveLength(12);
    for (const r of runs) {
      expect([1, 2, 3, 4, 5, 6, 7, 8]).toContain(r.config.model.embeddingDim);
      expect([0.001, 0.01, 0.1]).toContain(r.config.training.learningRate);
    }
    // Each draw is crossed with both seeds: runs 2k and 2k+1 share their values but the seed.
    for (let k = 0; k < 6; k++) {
      const { 'training.seed': s0, ...v0 } = runs[2 * k].values;
      const { 'training.seed': s1, ...v1 } = runs[2 * k + 1].values;
      expect([s0, s1, v0]).toEqual([0, 1, v1]);
    }
    expect(expandSweep(random(11))).toEqual(runs);
  });

  it('draws differently for another seed', () => {
    const values = (seed: number) => expandSweep(random(seed)).map((r) => r.values);
    expect(values(12)).not.toEqual(values(11));
  });
});

describe('expandSweep with variants', () => {
  const variants = spec({
    variants: [
      { label: 'linear', values: { 'model.rnnActivation': 'linear', 'training.learningRate': 0.02 } },
      { label: 'sigmoid RNN', values: { 'model.rnnActivation': 'sigmoid', 'training.learningRate': 0.03 } },
    ],
    axes: [{ path: 'model.embeddingDim', values: [1, 2, 3] }],
    seeds: [0, 1],
  });

  it('crosses every variant with the axes and the seeds, variant slowest', () => {
    const runs = expandSweep(variants);
    expect(sweepRunCount(variants)).toBe(12);
    expect(runs.map((r) => [r.variant, r.config.model.embeddingDim, r.config.training.seed])).toEqual(
      ['linear', 'sigmoid RNN'].flatMap((v) => [1, 2, 3].flatMap((e) => [0, 1].map((s) => [v, e, s]))),
    );
    expect(runs[6].values).toEqual({
      'model.rnnActivation': 'sigmoid',
      'training.learningRate': 0.03,
      'model.embeddingDim': 1,
      'training.seed': 0,
    });
    expect(runs[6].config.model.rnnActivation).toBe('sigmoid');
    expect(runs[6].config.training.learningRate).toBe(0.03);
  });

  it('refuses variants that set different fields, or a field an axis varies', () => {
    const differ = sweepSpecSchema.safeParse({
      ...variants,
      variants: [
        { label: 'a', values: { 'model.rnnActivation': 'tanh' } },
        { label: 'b', values: {} },
      ],
    });
    expect(differ.error?.issues[0].message).toBe(
      'every variant sets the same fields (so every run has a value for each)',
    );
    const both = sweepSpecSchema.safeParse({
      ...variants,
      variants: [{ label: 'a', values: { 'model.embeddingDim': 2 } }],
    });
    expect(both.error?.issues[0].message).toBe('a field is set by the variants and varied by an axis');
  });
});

describe('expandSweep refuses', () => {
  it('a combination the run schema refuses, in one line naming it', () => {
    const bad = spec({
      axes: [
        { path: 'model.cell', values: ['simple', 'gru'] },
        { path: 'model.embeddingDim', values: [2] },
      ],
    });
    expect(() => expandSweep(bad)).toThrow(
      'the combination model.cell=gru, model.embeddingDim=2 is invalid at $.model.readout: GRU and LSTM cells need the dense readout',
    );
  });

  it('a refused variant, naming its label', () => {
    const bad = spec({ variants: [{ label: 'no sigmoid', values: { 'model.outputActivation': 'none' } }] });
    expect(() => expandSweep(bad)).toThrow(
      'the combination model.outputActivation=none (no sigmoid) is invalid at $.model.outputActivation: without an output sigmoid',
    );
  });

  it('more runs than a session holds, before making any', () => {
    const big = spec({
      axes: [{ path: 'task.dataSeed', values: Array.from({ length: 501 }, (_, i) => i) }],
      seeds: [0, 1],
    });
    expect(sweepRunCount(big)).toBe(1002);
    expect(() => expandSweep(big)).toThrow('this sweep makes 1002 runs, more than the limit of 1000');
    const exact = spec({ ...big, axes: [{ path: 'task.dataSeed', values: Array.from({ length: 500 }, (_, i) => i) }] });
    expect(expandSweep(exact)).toHaveLength(1000);
  });
});
