import { describe, expect, it } from 'vitest';
import type { CliCommand, CliIo } from '../../../electron/cli/command.js';
import { command as train } from '../../../electron/cli/commands/train.js';
import { runCli } from '../../../electron/cli/run-cli.js';
import { trainConfigs, type NamedConfig } from '../../../electron/cli/train-configs.js';
import { SEED_PRESET } from '../../../shared/presets.js';
import { runConfigSchema, type RunConfig } from '../../../shared/schemas/run-config.js';

/**
 * `rnn-lab train ARGS` up to the configs it would train: the real argv parsing (the train
 * command's own option table) and the real flag → config mapping; only the training is left out.
 */
async function configsFor(argv: string[]): Promise<NamedConfig[]> {
  let configs: NamedConfig[] | undefined;
  let err = '';
  const io: CliIo = {
    out: () => undefined,
    err: (t) => void (err += t),
    errIsTTY: false,
    columns: 80,
    onInterrupt: () => () => undefined,
  };
  const probe: CliCommand = { ...train, run: async ({ values }) => ((configs = trainConfigs(values)), 0) };
  const code = await runCli(['train', ...argv], io, { train: async () => ({ command: probe }) });
  if (code !== 0 || !configs) throw new Error(`train ${argv.join(' ')} → exit ${code}: ${err}`);
  return configs;
}

const base: RunConfig = runConfigSchema.parse(SEED_PRESET[0].config);
type Path = readonly [section: 'task' | 'model' | 'training', field: string];
const withField = (config: RunConfig, [section, field]: Path, value: unknown): RunConfig => ({
  ...config,
  [section]: { ...config[section], [field]: value },
});

/** One flag each, with a value no other field holds by default (or after another flag), so a crossed wire shows. */
const FLAGS: { flag: string; arg?: string; path: Path; value: unknown; also?: [Path, unknown][] }[] = [
  // More than 1 unit: the seed rule reads them out with the dense readout.
  { flag: '--units', arg: '5', path: ['model', 'rnnUnits'], value: 5, also: [[['model', 'readout'], 'dense']] },
  { flag: '--readout', arg: 'dense', path: ['model', 'readout'], value: 'dense' },
  { flag: '--epochs', arg: '6', path: ['training', 'epochs'], value: 6 },
  { flag: '--lr', arg: '0.0125', path: ['training', 'learningRate'], value: 0.0125 },
  { flag: '--batch', arg: '16', path: ['training', 'batchSize'], value: 16 },
  { flag: '--samples', arg: '640', path: ['task', 'samples'], value: 640 },
  { flag: '--seed', arg: '123', path: ['training', 'seed'], value: 123 },
  { flag: '--engine', arg: 'reference', path: ['training', 'engine'], value: 'reference' },
  { flag: '--snapshot-every', arg: '13', path: ['training', 'snapshotEveryBatches'], value: 13 },
  { flag: '--task', arg: 'parity', path: ['task', 'kind'], value: 'parity' },
  { flag: '--target', arg: '2', path: ['task', 'targetDigit'], value: 2 },
  { flag: '--other', arg: '9', path: ['task', 'otherDigit'], value: 9 },
  { flag: '--length', arg: '11', path: ['task', 'sequenceLength'], value: 11 },
  { flag: '--vocab', arg: '12', path: ['task', 'vocabularySize'], value: 12 },
  { flag: '--balanced', path: ['task', 'balanced'], value: true },
  { flag: '--validation-split', arg: '0.35', path: ['task', 'validationSplit'], value: 0.35 },
  { flag: '--data-seed', arg: '77', path: ['task', 'dataSeed'], value: 77 },
];
const argvOf = (flags: typeof FLAGS) => flags.flatMap((f) => (f.arg === undefined ? [f.flag] : [f.flag, f.arg]));

describe('rnn-lab train: every flag lands in its own config field', () => {
  it('the values are all different, so a flag read into another field cannot go unseen', () => {
    const values = FLAGS.map((f) => f.value);
    expect(new Set(values).size).toBe(values.length);
    for (const f of FLAGS) {
      // Nor is any of them already what the default config holds anywhere.
      expect(Object.values(base).flatMap((section) => Object.values(section))).not.toContain(f.value);
    }
  });

  it.each(FLAGS)('$flag alone changes only $path.1', async (f) => {
    const [run] = await configsFor(['--embedding', '10', ...argvOf([f])]);
    const expected = [[f.path, f.value] as const, ...(f.also ?? [])].reduce((c, [p, v]) => withField(c, p, v), base);
    expect(run.config).toEqual(expected);
  });

  it("all flags at once: each field holds its own flag's value", async () => {
    const argv = ['--embedding', '4', '--activation', 'tanh', ...argvOf(FLAGS)];
    const [run] = await configsFor(argv);
    let expected = withField(withField(base, ['model', 'embeddingDim'], 4), ['model', 'rnnActivation'], 'tanh');
    for (const f of FLAGS) expected = withField(expected, f.path, f.value);
    expect(run.config).toEqual(expected);
    expect(run.name).toBe('Embedding 4 · tanh');
  });

  it('--preset seed takes the same overrides into each of its four runs', async () => {
    // Not --units and --readout: the seed's sigmoid RNN is its own output, read by the activation readout.
    const flags = FLAGS.filter((f) => f.flag !== '--units' && f.flag !== '--readout');
    const runs = await configsFor(['--preset', 'seed', ...argvOf(flags)]);
    expect(runs.map((r) => r.name)).toEqual(SEED_PRESET.map((p) => p.name));
    for (const [i, run] of runs.entries()) {
      let expected = runConfigSchema.parse(SEED_PRESET[i].config);
      for (const f of flags) expected = withField(expected, f.path, f.value);
      expect(run.config).toEqual(expected);
    }
  });

  it('--embedding and --activation set the model of each run in the cross product', async () => {
    const runs = await configsFor([
      '--embedding',
      '5,2',
      '--activation',
      'relu,sigmoid',
      '--seed',
      '44',
      '--batch',
      '32',
    ]);
    expect(
      runs.map((r) => [r.config.model.embeddingDim, r.config.model.rnnActivation, r.config.model.outputActivation]),
    ).toEqual([
      [5, 'relu', 'sigmoid'],
      [5, 'sigmoid', 'none'],
      [2, 'relu', 'sigmoid'],
      [2, 'sigmoid', 'none'],
    ]);
    expect(runs.map((r) => [r.config.training.seed, r.config.training.batchSize, r.config.task.dataSeed])).toEqual(
      Array(4).fill([44, 32, base.task.dataSeed]),
    );
  });
});
