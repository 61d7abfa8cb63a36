import type { RnnActivation, RunConfigInput } from './schemas/run-config.js';

/** The seed notebook's data set: 10,000 rows of 3 digits, "does it hold a 4?". */
export const SEED_TASK = {
  kind: 'contains',
  targetDigit: 4,
  otherDigit: 7,
  sequenceLength: 3,
  vocabularySize: 10,
  samples: 10_000,
  validationSplit: 0.2,
  balanced: false,
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

/** What the seed rule needs to know to make a run of the seed's shape. */
export interface SeedShape {
  embeddingDim: number;
  rnnActivation: RnnActivation;
}

/**
 * The seed rule: a sigmoid RNN is its own output (the probability), trained with Adam 0.03; any other RNN
 * gets the output sigmoid and Adam 0.02. The seed preset and the CLI's custom runs are made by it.
 */
export function seedRun({ embeddingDim, rnnActivation }: SeedShape): PresetRun {
  const sigmoidRnn = rnnActivation === 'sigmoid';
  return {
    name: `Embedding ${embeddingDim} · ${rnnActivation}${sigmoidRnn ? ' RNN' : ''}`,
    config: {
      task: SEED_TASK,
      model: {
        cell: 'simple',
        embeddingDim,
        rnnUnits: 1,
        rnnActivation,
        readout: 'activation',
        outputActivation: sigmoidRnn ? 'none' : 'sigmoid',
      },
      training: seedTraining(sigmoidRnn ? 0.03 : 0.02),
    },
  };
}

/** The seed's four experiments, in the notebook's order. */
export const SEED_PRESET: readonly PresetRun[] = [
  seedRun({ embeddingDim: 10, rnnActivation: 'linear' }),
  seedRun({ embeddingDim: 4, rnnActivation: 'linear' }),
  seedRun({ embeddingDim: 1, rnnActivation: 'linear' }),
  seedRun({ embeddingDim: 1, rnnActivation: 'sigmoid' }),
];

export const PRESETS = { seed: SEED_PRESET } as const;
export type PresetName = keyof typeof PRESETS;

/** The config "Add run" starts from: the seed's first experiment. */
export const DEFAULT_RUN: PresetRun = SEED_PRESET[0];
