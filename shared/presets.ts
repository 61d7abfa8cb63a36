import { CELL_LABELS } from './cells.js';
import type { CellKind, ReadoutKind, RnnActivation, RunConfigInput, TaskConfig } from './schemas/run-config.js';
import { TASKS, TASK_KINDS, type TaskKind } from './tasks.js';

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

/** What the seed rule needs to know to make a run of the seed's shape; what is left out gets the rule's default. */
export interface SeedShape {
  embeddingDim: number;
  /** Default: linear for a SimpleRNN (the seed's), tanh for GRU and LSTM (Keras's). */
  rnnActivation?: RnnActivation;
  /** Default: the SimpleRNN. */
  cell?: CellKind;
  /** Default: 1 unit, as in the seed. */
  rnnUnits?: number;
  /** Default: dense for GRU, LSTM or more than 1 unit (the only readout they allow), else the seed's activation. */
  readout?: ReadoutKind;
}

type SeedTask = Omit<TaskConfig, 'kind' | 'otherDigit' | 'balanced'> & Partial<TaskConfig>;

/**
 * The seed rule: a sigmoid RNN read by the activation readout is its own output (the probability), trained
 * with Adam 0.03; any other run gets the output sigmoid (or the dense readout) and Adam 0.02. The presets
 * and the CLI's custom runs are made by it, so a flag left out means the same in both.
 */
export function seedRun(shape: SeedShape, task: SeedTask = SEED_TASK): PresetRun {
  const { embeddingDim, cell = 'simple', rnnUnits = 1 } = shape;
  const rnnActivation = shape.rnnActivation ?? (cell === 'simple' ? 'linear' : 'tanh');
  const readout = shape.readout ?? (cell !== 'simple' || rnnUnits > 1 ? 'dense' : 'activation');
  const ownOutput = readout === 'activation' && rnnActivation === 'sigmoid';
  const name =
    cell === 'simple'
      ? `Embedding ${embeddingDim} · ${rnnActivation}${ownOutput ? ' RNN' : ''}`
      : `Embedding ${embeddingDim} · ${CELL_LABELS[cell]} · ${rnnActivation}`;
  return {
    name,
    config: {
      task,
      model: {
        cell,
        embeddingDim,
        rnnUnits,
        rnnActivation,
        readout,
        // The dense readout does not read it; sigmoid keeps the config valid if the readout is switched back.
        outputActivation: ownOutput ? 'none' : 'sigmoid',
      },
      training: seedTraining(ownOutput ? 0.03 : 0.02),
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

/** The seed's question at length 20, half the rows holding a 4 (unbalanced, 88 % would). */
export const LONG_TASK = { ...SEED_TASK, sequenceLength: 20, balanced: true } as const;

/**
 * GRU and LSTM units in the long preset. With 4 units both learn "contains a 4" at length 20 to validation
 * accuracy 1.0 in the default 4 epochs (Adam 0.02); the SimpleRNNs keep the seed's single unit.
 */
const LONG_GATED_UNITS = 4;

/** Linear, tanh and sigmoid SimpleRNNs (the seed's shape: 1 unit), a GRU and an LSTM, all at embedding 4. */
export const LONG_PRESET: readonly PresetRun[] = [
  seedRun({ embeddingDim: 4, rnnActivation: 'linear' }, LONG_TASK),
  seedRun({ embeddingDim: 4, rnnActivation: 'tanh' }, LONG_TASK),
  seedRun({ embeddingDim: 4, rnnActivation: 'sigmoid' }, LONG_TASK),
  seedRun({ embeddingDim: 4, cell: 'gru', rnnUnits: LONG_GATED_UNITS }, LONG_TASK),
  seedRun({ embeddingDim: 4, cell: 'lstm', rnnUnits: LONG_GATED_UNITS }, LONG_TASK),
];

/**
 * Units in the cells preset. same-ends must carry the first digit to the end: with 4 units GRU and LSTM stay
 * at chance on it, with 16 they reach about 0.89 and 0.83 validation accuracy (contains, parity and order: 1.0).
 */
const CELLS_UNITS = 16;

/** One task at length 8, balanced (same-ends is 1 in 10 rows otherwise). */
const cellsTask = (kind: TaskKind) => ({ ...SEED_TASK, kind, sequenceLength: 8, balanced: true });

/** Every task × GRU and LSTM, named "parity · LSTM". */
export const CELLS_PRESET: readonly PresetRun[] = TASK_KINDS.flatMap((kind) =>
  (['gru', 'lstm'] as const).map((cell) => ({
    ...seedRun({ embeddingDim: 4, cell, rnnUnits: CELLS_UNITS }, cellsTask(kind)),
    name: `${TASKS[kind].label} · ${CELL_LABELS[cell]}`,
  })),
);

export interface Preset {
  /** One sentence: what the preset shows. */
  description: string;
  runs: readonly PresetRun[];
}

export const PRESET_NAMES = ['seed', 'long', 'cells'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export const PRESETS: Readonly<Record<PresetName, Preset>> = {
  seed: {
    description:
      "The seed notebook's four runs: does a sequence of 3 digits hold a 4, learnt by a linear RNN with embedding 10, 4 and 1 and by a sigmoid RNN with embedding 1.",
    runs: SEED_PRESET,
  },
  long: {
    description:
      'Whether a 4 occurred among 20 digits (balanced): a linear SimpleRNN against tanh and sigmoid SimpleRNNs, a GRU and an LSTM, all with embedding 4.',
    runs: LONG_PRESET,
  },
  cells: {
    description:
      'GRU and LSTM on each of the four tasks (contains, parity, order, same-ends) at length 8, balanced: which memory each task needs.',
    runs: CELLS_PRESET,
  },
};

/** The config "Add run" starts from: the seed's first experiment. */
export const DEFAULT_RUN: PresetRun = SEED_PRESET[0];
