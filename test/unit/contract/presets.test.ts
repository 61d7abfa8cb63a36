import { describe, expect, it } from 'vitest';
import { CELLS_PRESET, LONG_PRESET, PRESET_NAMES, PRESETS, SEED_PRESET } from '../../../shared/presets.js';
import { runConfigSchema } from '../../../shared/schemas/run-config.js';
import { TASK_KINDS } from '../../../shared/tasks.js';

/** The seed's four configs, written out as they were before cells, readouts and tasks: their numbers must not move. */
const seedTask = {
  kind: 'contains',
  targetDigit: 4,
  otherDigit: 7,
  sequenceLength: 3,
  vocabularySize: 10,
  samples: 10_000,
  validationSplit: 0.2,
  balanced: false,
  dataSeed: 1,
};
const seedModel = (embeddingDim: number, rnnActivation: string, outputActivation: string) => ({
  cell: 'simple',
  embeddingDim,
  rnnUnits: 1,
  rnnActivation,
  readout: 'activation',
  outputActivation,
});
const seedTraining = (learningRate: number) => ({
  optimizer: 'adam',
  learningRate,
  batchSize: 8,
  epochs: 4,
  seed: 7,
  engine: 'fused',
  snapshotEveryBatches: 0,
});
const SEED_AS_IT_WAS = [
  ['Embedding 10 · linear', seedModel(10, 'linear', 'sigmoid'), 0.02],
  ['Embedding 4 · linear', seedModel(4, 'linear', 'sigmoid'), 0.02],
  ['Embedding 1 · linear', seedModel(1, 'linear', 'sigmoid'), 0.02],
  ['Embedding 1 · sigmoid RNN', seedModel(1, 'sigmoid', 'none'), 0.03],
] as const;

describe('presets', () => {
  it('seed: the same four runs, config for config', () => {
    expect(PRESETS.seed.runs).toBe(SEED_PRESET);
    expect(SEED_PRESET.map((r) => ({ name: r.name, config: runConfigSchema.parse(r.config) }))).toEqual(
      SEED_AS_IT_WAS.map(([name, model, lr]) => ({
        name,
        config: { task: seedTask, model, training: seedTraining(lr) },
      })),
    );
  });

  it.each(PRESET_NAMES)(
    '%s: every config parses, names are unique, and it says what it shows in one sentence',
    (name) => {
      const { runs, description } = PRESETS[name];
      for (const run of runs) expect(runConfigSchema.safeParse(run.config).success, run.name).toBe(true);
      expect(new Set(runs.map((r) => r.name)).size).toBe(runs.length);
      // One sentence: a capital, one full stop at the end and none inside.
      expect(description).toMatch(/^[A-Z][^.]*\.$/);
      expect(description.length).toBeLessThan(200);
    },
  );

  it('long: length 20, balanced contains, embedding 4: linear, tanh and sigmoid SimpleRNN, GRU and LSTM', () => {
    const configs = LONG_PRESET.map((r) => runConfigSchema.parse(r.config));
    for (const c of configs) {
      expect(c.task).toMatchObject({ kind: 'contains', sequenceLength: 20, balanced: true, targetDigit: 4 });
      expect(c.model.embeddingDim).toBe(4);
    }
    expect(configs.map((c) => [c.model.cell, c.model.rnnActivation, c.model.readout, c.model.rnnUnits])).toEqual([
      ['simple', 'linear', 'activation', 1],
      ['simple', 'tanh', 'activation', 1],
      ['simple', 'sigmoid', 'activation', 1],
      ['gru', 'tanh', 'dense', 4],
      ['lstm', 'tanh', 'dense', 4],
    ]);
  });

  it('cells: the four tasks × GRU and LSTM at length 8, named "parity · LSTM"', () => {
    expect(CELLS_PRESET.map((r) => r.name)).toEqual([
      'contains · GRU',
      'contains · LSTM',
      'parity · GRU',
      'parity · LSTM',
      'order · GRU',
      'order · LSTM',
      'same ends · GRU',
      'same ends · LSTM',
    ]);
    const configs = CELLS_PRESET.map((r) => runConfigSchema.parse(r.config));
    expect(configs.map((c) => [c.task.kind, c.model.cell])).toEqual(
      TASK_KINDS.flatMap((kind) => [
        [kind, 'gru'],
        [kind, 'lstm'],
      ]),
    );
    for (const c of configs) {
      expect(c.task).toMatchObject({ sequenceLength: 8, balanced: true, targetDigit: 4, otherDigit: 7 });
      expect(c.model).toMatchObject({ embeddingDim: 4, rnnUnits: 16, rnnActivation: 'tanh', readout: 'dense' });
    }
  });
});
