import { describe, expect, it } from 'vitest';
import { SEED_PRESET } from '../../../shared/presets.js';
import { runConfigSchema } from '../../../shared/schemas/run-config.js';
import { sweepSpecSchema } from '../../../shared/schemas/sweep.js';
import { expandSweep, sweepRunCount } from '../../../shared/sweeps/expand.js';
import { SWEEP_PRESET_NAMES, SWEEP_PRESETS } from '../../../shared/sweeps/presets.js';

describe('sweep presets', () => {
  it.each([
    ['seed-variance', 80],
    ['embedding-size', 200],
    ['length', 100],
  ] as const)('%s expands to %i runs whose configs parse and whose tags match them', (name, count) => {
    const { spec, description } = SWEEP_PRESETS[name];
    expect(description).toMatch(/^[A-Z].*\?$/);
    expect(sweepSpecSchema.parse(spec)).toEqual(spec);
    expect(sweepRunCount(spec)).toBe(count);
    const runs = expandSweep(spec);
    expect(runs).toHaveLength(count);
    for (const run of runs) {
      expect(runConfigSchema.parse(run.config)).toEqual(run.config);
      for (const [path, value] of Object.entries(run.values)) {
        const [section, field] = path.split('.') as ['model', 'cell'];
        expect(run.config[section][field], path).toBe(value);
      }
    }
    expect(Object.keys(SWEEP_PRESETS)).toEqual([...SWEEP_PRESET_NAMES]);
  });

  it("seed-variance's runs are the seed preset's four configs, each with seeds 0–19", () => {
    const runs = expandSweep(SWEEP_PRESETS['seed-variance'].spec);
    const expected = SEED_PRESET.flatMap((run) => {
      const config = runConfigSchema.parse(run.config);
      return Array.from({ length: 20 }, (_, seed) => ({ ...config, training: { ...config.training, seed } }));
    });
    expect(runs.map((r) => r.config)).toEqual(expected);
    expect(runs.map((r) => r.variant).filter((v, i, all) => all.indexOf(v) === i)).toEqual(
      SEED_PRESET.map((r) => r.name),
    );
    expect(Object.keys(runs[0].values).sort()).toEqual([
      'model.embeddingDim',
      'model.outputActivation',
      'model.rnnActivation',
      'training.learningRate',
      'training.seed',
    ]);
  });

  it('embedding-size keeps the seed rule: the sigmoid RNN has no output sigmoid and Adam 0.03 at every size', () => {
    const runs = expandSweep(SWEEP_PRESETS['embedding-size'].spec);
    const sizes = new Set(runs.map((r) => r.config.model.embeddingDim));
    expect([...sizes]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const { config } of runs) {
      const sigmoid = config.model.rnnActivation === 'sigmoid';
      expect([config.model.outputActivation, config.training.learningRate]).toEqual(
        sigmoid ? ['none', 0.03] : ['sigmoid', 0.02],
      );
    }
    expect(runs.filter((r) => r.config.model.rnnActivation === 'sigmoid')).toHaveLength(100);
  });

  it('length trains balanced at 3…40 digits; GRU and LSTM get tanh, 4 units and the dense readout', () => {
    const runs = expandSweep(SWEEP_PRESETS.length.spec);
    expect([...new Set(runs.map((r) => r.config.task.sequenceLength))]).toEqual([3, 5, 10, 20, 40]);
    expect(runs.every((r) => r.config.task.balanced)).toBe(true);
    const shapes = new Set(
      runs.map(({ config: { model } }) => `${model.cell} ${model.rnnActivation} ${model.rnnUnits} ${model.readout}`),
    );
    expect([...shapes]).toEqual([
      'simple linear 1 activation',
      'simple tanh 1 activation',
      'gru tanh 4 dense',
      'lstm tanh 4 dense',
    ]);
    expect(new Set(runs.map((r) => r.config.training.seed))).toEqual(new Set([0, 1, 2, 3, 4]));
  });
});
