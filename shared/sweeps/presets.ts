import { readAt } from '../config-fields/config-path.js';
import { LONG_TASK, SEED_PRESET, seedRun, type PresetRun } from '../presets.js';
import { runConfigSchema } from '../schemas/run-config.js';
import { SWEEPABLE_PATHS, sweepSpecSchema, type SweepSpec, type SweepValue } from '../schemas/sweep.js';

/**
 * Sweeps that ask the seed's questions across training seeds. Every run is made by the seed rule
 * (shared/presets.ts): the fields the rule sets together (activation, output activation, learning rate,
 * readout, units) travel as one variant, and only fields the rule does not read are axes, so no
 * combination breaks it.
 */
export interface SweepPreset {
  name: SweepPresetName;
  /** One sentence: the question the sweep asks. */
  description: string;
  spec: SweepSpec;
}

export const SWEEP_PRESET_NAMES = ['seed-variance', 'embedding-size', 'length'] as const;
export type SweepPresetName = (typeof SWEEP_PRESET_NAMES)[number];

/** Seeds 0…n−1. */
const firstSeeds = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * The preset runs as variants of the first one: each variant sets every sweepable field on which any two
 * runs differ (the same fields for all, so every run's tag has a value for each), the first run is the base.
 */
function variantsOf(runs: ReadonlyArray<PresetRun & { label?: string }>) {
  const configs = runs.map((run) => runConfigSchema.parse(run.config));
  const differ = SWEEPABLE_PATHS.filter((path) => configs.some((c) => readAt(c, path) !== readAt(configs[0], path)));
  const variants = runs.map((run, i) => ({
    label: run.label ?? run.name,
    values: Object.fromEntries(differ.map((path) => [path, readAt(configs[i], path) as SweepValue])),
  }));
  return { base: configs[0], variants };
}

function preset(name: SweepPresetName, description: string, spec: Omit<SweepSpec, 'mode' | 'keep'>): SweepPreset {
  return { name, description, spec: sweepSpecSchema.parse({ ...spec, mode: { kind: 'grid' }, keep: [] }) };
}

const lengthRuns = [
  { ...seedRun({ embeddingDim: 4, rnnActivation: 'linear' }, LONG_TASK), label: 'linear SimpleRNN' },
  { ...seedRun({ embeddingDim: 4, rnnActivation: 'tanh' }, LONG_TASK), label: 'tanh SimpleRNN' },
  // The long preset's gated units: with 4, GRU and LSTM learn "contains a 4" at length 20.
  { ...seedRun({ embeddingDim: 4, cell: 'gru', rnnUnits: 4 }, LONG_TASK), label: 'GRU' },
  { ...seedRun({ embeddingDim: 4, cell: 'lstm', rnnUnits: 4 }, LONG_TASK), label: 'LSTM' },
];

export const SWEEP_PRESETS: Readonly<Record<SweepPresetName, SweepPreset>> = {
  'seed-variance': preset(
    'seed-variance',
    "How often does each of the seed's four configs (embedding 10, 4 and 1 with a linear RNN, embedding 1 with a sigmoid RNN) reach validation accuracy 1.0 over 20 training seeds?",
    { ...variantsOf(SEED_PRESET), axes: [], seeds: firstSeeds(20) },
  ),
  'embedding-size': preset(
    'embedding-size',
    'From what embedding size on (1 to 10) does a linear or a sigmoid RNN learn "contains a 4", over 10 training seeds?',
    {
      ...variantsOf([
        seedRun({ embeddingDim: 1, rnnActivation: 'linear' }),
        seedRun({ embeddingDim: 1, rnnActivation: 'sigmoid' }),
      ]),
      axes: [{ path: 'model.embeddingDim', values: firstSeeds(10).map((i) => i + 1) }],
      seeds: firstSeeds(10),
    },
  ),
  length: preset(
    'length',
    'How long a sequence (3 to 40 digits, balanced) can a linear or tanh SimpleRNN, a GRU and an LSTM read for "contains a 4", over 5 training seeds?',
    {
      ...variantsOf(lengthRuns),
      axes: [{ path: 'task.sequenceLength', values: [3, 5, 10, 20, 40] }],
      seeds: firstSeeds(5),
    },
  ),
};
