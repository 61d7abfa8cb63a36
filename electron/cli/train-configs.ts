import { readAt, withValueAt } from '../../shared/config-fields/config-path.js';
import { CLI_FIELDS } from '../../shared/config-fields/fields.js';
import { CELLS, READOUTS } from '../../shared/cells.js';
import { PRESET_NAMES, PRESETS, seedRun, type SeedShape } from '../../shared/presets.js';
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

/** "a, b or c": the list flags a preset cannot take. */
const listFlagsText = () => {
  const flags = LIST_FIELDS.map(flagName);
  return flags.length < 2 ? flags.join('') : `${flags.slice(0, -1).join(', ')} or ${flags.at(-1)}`;
};

/**
 * `--preset NAME` or the cross product of the list flags (`--embedding` × `--cell` × `--activation`),
 * with the single-value flags applied to every run.
 */
export function trainConfigs(values: OptionValues): NamedConfig[] {
  const preset = stringOpt(values, 'preset');
  const lists = readListFlags(values);
  if (preset !== undefined) {
    const name = PRESET_NAMES.find((p) => p === preset);
    if (name === undefined) {
      throw new UsageError(`--preset: unknown preset "${preset}" (presets: ${PRESET_NAMES.join(', ')})`);
    }
    if (lists.size) throw new UsageError(`--preset cannot be combined with ${listFlagsText()}`);
    const overrides = readOverrideFlags(values);
    return PRESETS[name].runs.map((run) => ({ name: run.name, config: withOverrides(run.config, overrides) }));
  }
  const missing = LIST_FIELDS.find((f) => f.cli.required && !lists.has(f.path));
  if (missing) {
    const flag = flagName(missing);
    const example = missing.cli.arg ?? 'LIST';
    throw new UsageError(`train needs --preset ${PRESET_NAMES.join('|')} or ${flag} LIST (e.g. ${flag} ${example})`);
  }
  const overrides = readOverrideFlags(values);
  // Only the lists given multiply; a field left out gets the seed rule's default for the run's shape.
  const given = LIST_FIELDS.filter((f) => lists.has(f.path));
  return crossProduct(given.map((f) => (lists.get(f.path) ?? []).map((v) => [f.path, v] as const))).map((picks) => {
    const run = seedRun(seedShape([...picks, ...overrides]));
    return { name: run.name, config: withOverrides(run.config, [...picks, ...overrides]) };
  });
}

/**
 * What the seed rule reads from the flags given: the picks of the list flags, `--units` and `--readout`.
 * Anything else is applied on top as an override.
 */
function seedShape(given: Overrides): SeedShape {
  const valueOf = (path: string) => given.find(([p]) => p === path)?.[1];
  const embeddingDim = valueOf('model.embeddingDim');
  if (typeof embeddingDim !== 'number') throw new Error('custom runs need an embedding size list field');
  const units = valueOf('model.rnnUnits');
  return {
    embeddingDim,
    cell: CELLS.find((c) => c === valueOf('model.cell')),
    rnnActivation: rnnActivations.find((a) => a === valueOf('model.rnnActivation')),
    // Out of range is not the seed rule's to judge: the schema says so, naming --units.
    rnnUnits: typeof units === 'number' ? units : undefined,
    readout: READOUTS.find((r) => r === valueOf('model.readout')),
  };
}

/** Every combination, the first list outermost (flag order: `--embedding 3,1 --activation a,b` → 3a 3b 1a 1b). */
export function crossProduct<T>(lists: readonly (readonly T[])[]): T[][] {
  return lists.reduce<T[][]>((combos, list) => combos.flatMap((combo) => list.map((item) => [...combo, item])), [[]]);
}

/** The config with each [path, value] set, checked whole; a UsageError names the flag of a field out of range. */
export function withOverrides(config: RunConfigInput, overrides: Overrides): RunConfig {
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
