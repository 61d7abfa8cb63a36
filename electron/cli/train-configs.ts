import { PRESETS } from '../../shared/presets.js';
import {
  engines,
  rnnActivations,
  runConfigSchema,
  type RnnActivation,
  type RunConfig,
  type RunConfigInput,
} from '../../shared/schemas/run-config.js';
import { listOpt, numberOpt, parseNumber, stringOpt } from './args.js';
import { UsageError, type OptionValues } from './command.js';

export interface NamedConfig {
  name: string;
  config: RunConfig;
}

/** Which flag sets each config field, so schema errors can name the flag the user typed. */
const FLAGS: Record<string, string> = {
  'model.embeddingDim': '--embedding',
  'model.rnnActivation': '--activation',
  'model.rnnUnits': '--units',
  'training.epochs': '--epochs',
  'training.learningRate': '--lr',
  'training.batchSize': '--batch',
  'training.seed': '--seed',
  'training.engine': '--engine',
  'training.snapshotEveryBatches': '--snapshot-every',
  'task.samples': '--samples',
};

/** `--preset seed` or the cross product of `--embedding` × `--activation`, with overrides. */
export function trainConfigs(values: OptionValues): NamedConfig[] {
  const preset = stringOpt(values, 'preset');
  const embeddings = listOpt(values, 'embedding', (s) => parseNumber(s, '--embedding', 'int'));
  const activations = listOpt(values, 'activation', parseActivation);
  if (preset !== undefined) {
    if (!Object.hasOwn(PRESETS, preset)) throw new UsageError(`--preset: unknown preset "${preset}" (presets: ${Object.keys(PRESETS).join(', ')})`);
    if (embeddings || activations) throw new UsageError('--preset cannot be combined with --embedding or --activation');
    return PRESETS[preset as keyof typeof PRESETS].map(({ name, config }) => ({ name, config: withOverrides(config, values) }));
  }
  if (!embeddings) throw new UsageError('train needs --preset seed or --embedding LIST (e.g. --embedding 10,4,1)');
  const base = PRESETS.seed[0].config;
  return embeddings.flatMap((embeddingDim) =>
    (activations ?? ['linear']).map((rnnActivation) => {
      // The seed's shapes: a sigmoid RNN is its own output (Adam 0.03); the others get an output sigmoid (Adam 0.02).
      const sigmoidRnn = rnnActivation === 'sigmoid';
      const config: RunConfigInput = {
        ...base,
        model: { embeddingDim, rnnUnits: 1, rnnActivation, outputActivation: sigmoidRnn ? 'none' : 'sigmoid' },
        training: { ...base.training, learningRate: sigmoidRnn ? 0.03 : 0.02 },
      };
      return {
        name: `Embedding ${embeddingDim} · ${rnnActivation}${sigmoidRnn ? ' RNN' : ''}`,
        config: withOverrides(config, values),
      };
    }),
  );
}

function parseActivation(raw: string): RnnActivation {
  if ((rnnActivations as readonly string[]).includes(raw)) return raw as RnnActivation;
  throw new UsageError(`--activation: unknown activation "${raw}" (use ${rnnActivations.join(', ')})`);
}

function withOverrides(config: RunConfigInput, values: OptionValues): RunConfig {
  const engine = stringOpt(values, 'engine');
  if (engine !== undefined && !(engines as readonly string[]).includes(engine)) {
    throw new UsageError(`--engine: unknown engine "${engine}" (use ${engines.join(' or ')})`);
  }
  const pick = <T>(value: T | undefined, fallback: T) => (value === undefined ? fallback : value);
  const input = {
    ...config,
    model: { ...config.model, rnnUnits: pick(numberOpt(values, 'units', 'int'), config.model.rnnUnits) },
    task: { ...config.task, samples: pick(numberOpt(values, 'samples', 'int'), config.task.samples) },
    training: {
      ...config.training,
      epochs: pick(numberOpt(values, 'epochs', 'int'), config.training.epochs),
      learningRate: pick(numberOpt(values, 'lr', 'float'), config.training.learningRate),
      batchSize: pick(numberOpt(values, 'batch', 'int'), config.training.batchSize),
      seed: pick(numberOpt(values, 'seed', 'int'), config.training.seed),
      engine: pick(engine as RunConfig['training']['engine'] | undefined, config.training.engine),
      snapshotEveryBatches: pick(numberOpt(values, 'snapshot-every', 'int'), config.training.snapshotEveryBatches),
    },
  };
  const parsed = runConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue.path.join('.');
  const where = FLAGS[path] ?? `config ${path}`;
  const value = issue.path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown>)?.[key], input);
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    // `--lr` must be greater than 0, not "at least 0": the bound's own inclusiveness decides the words.
    const bound = issue.code === 'too_small'
      ? `${issue.inclusive === false ? 'greater than' : 'at least'} ${String(issue.minimum)}`
      : `${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}`;
    throw new UsageError(`${where}: ${String(value)} is out of range (must be ${bound})`);
  }
  throw new UsageError(`${where}: ${issue.message.replace(/^Invalid input: /, '')}`);
}
