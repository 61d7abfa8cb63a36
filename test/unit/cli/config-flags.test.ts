import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../electron/cli/command.js';
import { configFlagHelp, configFlagOptions } from '../../../electron/cli/config-flags.js';
import { trainConfigs } from '../../../electron/cli/train-configs.js';
import { readAt, withValueAt } from '../../../shared/config-fields/config-path.js';
import { CLI_FIELDS } from '../../../shared/config-fields/fields.js';
import { rangeText } from '../../../shared/config-fields/range-text.js';
import { PRESET_NAMES, PRESETS, SEED_PRESET, seedRun } from '../../../shared/presets.js';
import { runConfigSchema, type RunConfig } from '../../../shared/schemas/run-config.js';
import { runInProcess } from './in-process.js';

const base: RunConfig = runConfigSchema.parse(SEED_PRESET[0].config);

/** A value per single-value flag that no field holds by default, so a crossed wire shows (`true`: given bare). */
const ARGS: Record<string, [arg: string | true, value: number | string | boolean]> = {
  units: ['5', 5],
  readout: ['dense', 'dense'],
  lr: ['0.0125', 0.0125],
  batch: ['16', 16],
  epochs: ['6', 6],
  seed: ['123', 123],
  engine: ['reference', 'reference'],
  'snapshot-every': ['13', 13],
  task: ['parity', 'parity'],
  target: ['2', 2],
  other: ['9', 9],
  length: ['11', 11],
  vocab: ['12', 12],
  samples: ['640', 640],
  balanced: [true, true],
  'validation-split': ['0.35', 0.35],
  'data-seed': ['77', 77],
};
/** What the seed rule changes along with a flag: more than 1 unit is read out by the dense readout. */
const ALSO: Record<string, [path: string, value: string][]> = { units: [['model.readout', 'dense']] };
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
    const expected = [[path, value] as const, ...(ALSO[flag] ?? [])].reduce((c, [p, v]) => withValueAt(c, p, v), base);
    expect(run.config).toEqual(expected);
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

  it('every flag is an option of the command; --balanced alone takes no value', () => {
    const options = configFlagOptions();
    expect(Object.keys(options)).toEqual(CLI_FIELDS.map((f) => f.cli.flag));
    expect(Object.entries(options).filter(([, o]) => o.type === 'boolean')).toEqual([
      ['balanced', { type: 'boolean' }],
    ]);
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
      else if (f.kind === 'boolean') expect(line, f.cli.flag).toContain('a flag without a value, default off');
      else expect(line, f.cli.flag).toContain(rangeText(f));
    }
  });

  it('lists each preset with its one sentence', async () => {
    const registry = { train: () => import('../../../electron/cli/commands/train.js') };
    const help = (await runInProcess(['train', '--help'], registry)).stdout;
    for (const name of PRESET_NAMES) {
      const { runs, description } = PRESETS[name];
      expect(help).toContain(`${name.padEnd(21)} ${runs.length} runs. ${description}`);
    }
    expect(help).toContain('rnn-lab train (--preset seed|long|cells | --embedding LIST)');
  });

  it('reads like a person wrote it', () => {
    expect(configFlagHelp()).toContain(`${'--lr X'.padEnd(23)} Adam learning rate; > 0, ≤ 1, default 0.02`);
    const embedding = "length of each digit's embedding vector; a list of whole numbers 1–64";
    expect(configFlagHelp()).toContain(`${'--embedding 10,4,1'.padEnd(23)} ${embedding}`);
    expect(configFlagHelp()).toContainEqual(
      expect.stringMatching(/^--cell simple,gru,lstm .*any of simple, gru, lstm/),
    );
    expect(configFlagHelp()).toContainEqual(
      expect.stringMatching(/^--activation LIST .*default linear \(tanh for GRU/),
    );
  });
});
