import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../electron/cli/command.js';
import { configFlagHelp, configFlagOptions } from '../../../electron/cli/config-flags.js';
import { trainConfigs } from '../../../electron/cli/train-configs.js';
import { readAt, withValueAt } from '../../../shared/config-fields/config-path.js';
import { CLI_FIELDS } from '../../../shared/config-fields/fields.js';
import { rangeText } from '../../../shared/config-fields/range-text.js';
import { SEED_PRESET, seedRun } from '../../../shared/presets.js';
import { runConfigSchema, type RunConfig } from '../../../shared/schemas/run-config.js';
import { runInProcess } from './in-process.js';

const base: RunConfig = runConfigSchema.parse(SEED_PRESET[0].config);

/** A value per single-value flag that no field holds by default, so a crossed wire shows. */
const ARGS: Record<string, [arg: string, value: number | string]> = {
  units: ['5', 5],
  lr: ['0.0125', 0.0125],
  batch: ['16', 16],
  epochs: ['6', 6],
  seed: ['123', 123],
  engine: ['reference', 'reference'],
  'snapshot-every': ['9', 9],
  samples: ['640', 640],
};
const singles = CLI_FIELDS.filter((f) => !f.cli.list);

describe('rnn-lab train: flags generated from the config fields', () => {
  it('every single-value flag has a test value, and no two values are alike', () => {
    expect(Object.keys(ARGS).sort()).toEqual(singles.map((f) => f.cli.flag).sort());
    const values = Object.values(ARGS).map(([, v]) => v);
    expect(new Set(values).size).toBe(values.length);
  });

  it.each(singles.map((f) => [f.cli.flag, f.path] as const))('--%s lands in %s and nowhere else', (flag, path) => {
    const [arg, value] = ARGS[flag];
    const [run] = trainConfigs({ embedding: '10', [flag]: arg });
    expect(readAt(run.config, path)).toBe(value);
    expect(run.config).toEqual(withValueAt(base, path, value));
  });

  it('the list flags make the cross product through the seed rule', () => {
    const runs = trainConfigs({ embedding: '5,2', activation: 'relu,sigmoid' });
    const expected = [
      [5, 'relu'],
      [5, 'sigmoid'],
      [2, 'relu'],
      [2, 'sigmoid'],
    ] as const;
    expect(runs).toEqual(
      expected.map(([embeddingDim, rnnActivation]) => {
        const run = seedRun({ embeddingDim, rnnActivation });
        return { name: run.name, config: runConfigSchema.parse(run.config) };
      }),
    );
    expect(runs.map((r) => r.config.training.learningRate)).toEqual([0.02, 0.03, 0.02, 0.03]);
  });

  it("the seed preset is the seed rule applied to the notebook's four shapes", () => {
    expect(SEED_PRESET.map((p) => p.name)).toEqual([
      'Embedding 10 · linear',
      'Embedding 4 · linear',
      'Embedding 1 · linear',
      'Embedding 1 · sigmoid RNN',
    ]);
    expect(trainConfigs({ embedding: '10,4,1' })).toEqual(trainConfigs({ preset: 'seed' }).slice(0, 3));
    expect(trainConfigs({ embedding: '1', activation: 'sigmoid' })).toEqual(trainConfigs({ preset: 'seed' }).slice(3));
  });

  it('every flag is an option of the command', () => {
    expect(Object.keys(configFlagOptions())).toEqual(CLI_FIELDS.map((f) => f.cli.flag));
  });

  it('an unknown choice names the flag and lists the choices', () => {
    const message = '--engine: unknown engine "gpu" (use fused or reference)';
    expect(() => trainConfigs({ embedding: '2', engine: 'gpu' })).toThrow(new UsageError(message));
  });
});

describe('rnn-lab train --help', () => {
  it('lists every config flag with its range', async () => {
    const registry = { train: () => import('../../../electron/cli/commands/train.js') };
    const help = await runInProcess(['train', '--help'], registry);
    expect(help.code).toBe(0);
    const lines = help.stdout.split('\n').map((l) => l.trim());
    for (const f of CLI_FIELDS) {
      const line = lines.find((l) => l.startsWith(`--${f.cli.flag} `));
      expect(line, f.cli.flag).toBeDefined();
      if (f.kind === 'enum') for (const choice of f.choices) expect(line, f.cli.flag).toContain(choice);
      else expect(line, f.cli.flag).toContain(rangeText(f));
    }
  });

  it('reads like a person wrote it', () => {
    expect(configFlagHelp()).toContain(`${'--lr X'.padEnd(23)} Adam learning rate; > 0, ≤ 1, default 0.02`);
    const embedding = "length of each digit's embedding vector; a list of whole numbers 1–64";
    expect(configFlagHelp()).toContain(`${'--embedding 10,4,1'.padEnd(23)} ${embedding}`);
  });
});
