import { readAt, withValueAt } from '../../shared/config-fields/config-path.js';
import { CLI_FIELDS } from '../../shared/config-fields/fields.js';
import { PRESETS, seedRun, type SeedShape } from '../../shared/presets.js';
import {
  rnnActivations,
  runConfigSchema,
  type RunConfig,
  type RunConfigInput,
} from '../../shared/schemas/run-config.js';
import { stringOpt } from './args.js';
import { UsageError, type OptionValues } from './command.js';
import { LIST_FIELDS, flagName, readListFlags, readOverrideFlags, type FieldValue } from './config-flags.js';

export interface NamedConfig {
  name: string;
  config: RunConfig;
}

type Overrides = (readonly [path: string, value: FieldValue])[];

/** `--preset seed` or the cross product of the list flags (`--embedding` × `--activation`), with overrides. */
export function trainConfigs(values: OptionValues): NamedConfig[] {
  const preset = stringOpt(values, 'preset');
  const lists = readListFlags(values);
  if (preset !== undefined) {
    if (!Object.hasOwn(PRESETS, preset)) {
      throw new UsageError(`--preset: unknown preset "${preset}" (presets: ${Object.keys(PRESETS).join(', ')})`);
    }
    if (lists.size) throw new UsageError(`--preset cannot be combined with ${LIST_FIELDS.map(flagName).join(' or ')}`);
    const overrides = readOverrideFlags(values);
    const runs = PRESETS[preset as keyof typeof PRESETS];
    return runs.map(({ name, config }) => ({ name, config: withOverrides(config, overrides) }));
  }
  const missing = LIST_FIELDS.find((f) => f.cli.required && !lists.has(f.path));
  if (missing) {
    const flag = flagName(missing);
    throw new UsageError(`train needs --preset seed or ${flag} LIST (e.g. ${flag} ${missing.cli.arg ?? 'LIST'})`);
  }
  const overrides = readOverrideFlags(values);
  return crossProduct(
    LIST_FIELDS.map((f) => (lists.get(f.path) ?? [f.defaultValue]).map((v) => [f.path, v] as const)),
  ).map((picks) => {
    const run = seedRun(seedShape(picks));
    return { name: run.name, config: withOverrides(run.config, [...picks, ...overrides]) };
  });
}

/** The picks the seed rule reads; any other list field's pick is applied on top as an override. */
function seedShape(picks: Overrides): SeedShape {
  const valueOf = (path: string) => picks.find(([p]) => p === path)?.[1];
  const embeddingDim = valueOf('model.embeddingDim');
  const rnnActivation = rnnActivations.find((a) => a === valueOf('model.rnnActivation'));
  if (typeof embeddingDim !== 'number' || rnnActivation === undefined) {
    throw new Error('custom runs need an embedding size and an RNN activation list field');
  }
  return { embeddingDim, rnnActivation };
}

/** Every combination, the first list outermost (flag order: `--embedding 3,1 --activation a,b` → 3a 3b 1a 1b). */
function crossProduct<T>(lists: readonly (readonly T[])[]): T[][] {
  return lists.reduce<T[][]>((combos, list) => combos.flatMap((combo) => list.map((item) => [...combo, item])), [[]]);
}

function withOverrides(config: RunConfigInput, overrides: Overrides): RunConfig {
  const input = overrides.reduce<RunConfigInput>((c, [path, value]) => withValueAt(c, path, value), config);
  const parsed = runConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue.path.join('.');
  const field = CLI_FIELDS.find((f) => f.path === path);
  const where = field ? flagName(field) : `config ${path}`;
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const value = readAt(input, path);
    // `--lr` must be greater than 0, not "at least 0": the bound's own inclusiveness decides the words.
    const bound =
      issue.code === 'too_small'
        ? `${issue.inclusive === false ? 'greater than' : 'at least'} ${String(issue.minimum)}`
        : `${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}`;
    throw new UsageError(`${where}: ${String(value)} is out of range (must be ${bound})`);
  }
  throw new UsageError(`${where}: ${issue.message.replace(/^Invalid input: /, '')}`);
}
