import type { RunConfigInput } from './schemas/run-config.js';

/** The seed notebook's data set: 10,000 rows of 3 digits, "does it hold a 4?". */
export const SEED_TASK = {
  targetDigit: 4,
  sequenceLength: 3,
  vocabularySize: 10,
  samples: 10_000,
  validationSplit: 0.2,
  dataSeed: 1,
} as const;

const seedTraining = (learningRate: number) => ({
  optimizer: 'adam' as const,
  learningRate,
  batchSize: 8,
  epochs: 4,
  // One training seed for all four runs. With seed 42 the 1×1 orthogonal U starts at −1 and
  // "Embedding 1 · linear" stalls at 0.83 val acc (a real outcome, pinned by an engine test);
  // seed 7 reproduces the notebook's four results. Repeat ×N shows the spread across seeds.
  seed: 7,
  engine: 'fused' as const,
  snapshotEveryBatches: 0,
});

export interface PresetRun {
  name: string;
  config: RunConfigInput;
}

/** The seed's four experiments, in the notebook's order. */
export const SEED_PRESET: readonly PresetRun[] = [
  {
    name: 'Embedding 10 · linear',
    config: { task: SEED_TASK, model: { embeddingDim: 10, rnnUnits: 1, rnnActivation: 'linear', outputActivation: 'sigmoid' }, training: seedTraining(0.02) },
  },
  {
    name: 'Embedding 4 · linear',
    config: { task: SEED_TASK, model: { embeddingDim: 4, rnnUnits: 1, rnnActivation: 'linear', outputActivation: 'sigmoid' }, training: seedTraining(0.02) },
  },
  {
    name: 'Embedding 1 · linear',
    config: { task: SEED_TASK, model: { embeddingDim: 1, rnnUnits: 1, rnnActivation: 'linear', outputActivation: 'sigmoid' }, training: seedTraining(0.02) },
  },
  {
    name: 'Embedding 1 · sigmoid RNN',
    config: { task: SEED_TASK, model: { embeddingDim: 1, rnnUnits: 1, rnnActivation: 'sigmoid', outputActivation: 'none' }, training: seedTraining(0.03) },
  },
];

export const PRESETS = { seed: SEED_PRESET } as const;
export type PresetName = keyof typeof PRESETS;

/** The config "Add run" starts from: the seed's first experiment. */
export const DEFAULT_RUN: PresetRun = SEED_PRESET[0];
