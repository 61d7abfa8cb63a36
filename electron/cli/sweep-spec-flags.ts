import type { ParseArgsConfig } from 'node:util';
import { readAt } from '../../shared/config-fields/config-path.js';
import { CLI_FIELDS, type CliField } from '../../shared/config-fields/fields.js';
import { CELLS, READOUTS } from '../../shared/cells.js';
import { LabError } from '../../shared/errors.js';
import { formatZodError } from '../../shared/format-zod-error.js';
import { seedRun, type SeedShape } from '../../shared/presets.js';
import { rnnActivations } from '../../shared/schemas/run-config.js';
import {
  KEEPABLE_SERIES,
  SWEEPABLE_PATHS,
  sweepSpecSchema,
  type KeepableSeries,
  type SweepSpec,
  type SweepValue,
} from '../../shared/schemas/sweep.js';
import { parseFieldValues, parseSeeds } from '../../shared/sweeps/ranges.js';
import { SWEEP_PRESET_NAMES, SWEEP_PRESETS } from '../../shared/sweeps/presets.js';
import { flagOpt, numberOpt, stringOpt } from './args.js';
import { UsageError, type OptionValues } from './command.js';
import { flagName } from './config-flags.js';
import { crossProduct, withOverrides } from './train-configs.js';

/**
 * `rnn-lab sweep`'s flags → a sweep spec. Every field flag of `train` takes a list or a range here.
 * The fields the seed rule sets together (cell, activation, units, readout: a sigmoid SimpleRNN is its own
 * output, a GRU gets tanh and the dense readout…) become the spec's variants, one per combination, each made
 * by the rule; every other field with more than one value is an axis, and a single value is set on the base.
 */
const SEED_RULE_PATHS = ['model.cell', 'model.rnnActivation', 'model.rnnUnits', 'model.readout'] as const;
const SWEEP_FIELDS = CLI_FIELDS.filter((f) => f.path !== 'training.seed');

export function sweepFieldOptions(): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(
    SWEEP_FIELDS.map((f) => [f.cli.flag, { type: f.kind === 'boolean' ? ('boolean' as const) : ('string' as const) }]),
  );
}

/** One flag's values; Part A's messages name the config path, the CLI's name the flag. */
function valuesOf(field: CliField, text: string): SweepValue[] {
  try {
    return parseFieldValues(field.path, text);
  } catch (err) {
    if (!(err instanceof LabError)) throw err;
    throw new UsageError(err.message.replace(`${field.path}:`, `${flagName(field)}:`));
  }
}

/** Each field flag given, by config path, with its values (a boolean flag given is `true`). */
function givenFields(values: OptionValues): Map<CliField, SweepValue[]> {
  const given = new Map<CliField, SweepValue[]>();
  for (const field of SWEEP_FIELDS) {
    if (field.kind === 'boolean') {
      if (flagOpt(values, field.cli.flag)) given.set(field, [true]);
      continue;
    }
    const text = stringOpt(values, field.cli.flag);
    if (text === undefined) continue;
    const list = valuesOf(field, text);
    if (list.length > 1 && !(SWEEPABLE_PATHS as readonly string[]).includes(field.path))
      throw new UsageError(`${flagName(field)}: a sweep cannot vary this field (give one value)`);
    given.set(field, list);
  }
  return given;
}

/** The seed rule's shape for one pick of cell / activation / units / readout. */
function shapeOf(embeddingDim: number, pick: ReadonlyMap<string, SweepValue>): SeedShape {
  const units = pick.get('model.rnnUnits');
  return {
    embeddingDim,
    cell: CELLS.find((c) => c === pick.get('model.cell')),
    rnnActivation: rnnActivations.find((a) => a === pick.get('model.rnnActivation')),
    rnnUnits: typeof units === 'number' ? units : undefined,
    readout: READOUTS.find((r) => r === pick.get('model.readout')),
  };
}

/** Base config and variants from the seed-rule fields; the other single values are set on every run. */
function baseAndVariants(given: Map<CliField, SweepValue[]>): Pick<SweepSpec, 'base' | 'variants' | 'axes'> {
  const entries = [...given];
  const ruled = entries.filter(([f]) => (SEED_RULE_PATHS as readonly string[]).includes(f.path));
  const others = entries.filter(([f]) => !ruled.some(([r]) => r === f));
  const overrides = others.filter(([, v]) => v.length === 1).map(([f, v]) => [f.path, v[0]] as const);
  const axes = others.filter(([, v]) => v.length > 1).map(([f, v]) => ({ path: f.path, values: v }));
  const embedding = given.get(SWEEP_FIELDS.find((f) => f.path === 'model.embeddingDim')!)?.[0];
  const picks = crossProduct(ruled.map(([f, v]) => v.map((value) => [f.path, value] as const))).map((p) => new Map(p));
  const configs = picks.map((pick) =>
    withOverrides(seedRun(shapeOf(typeof embedding === 'number' ? embedding : 10, pick)).config, overrides),
  );
  if (configs.length === 1) return { base: configs[0], axes };
  const differ = SWEEPABLE_PATHS.filter((p) => configs.some((c) => readAt(c, p) !== readAt(configs[0], p)));
  const variants = configs.map((config, i) => ({
    label: ruled
      .filter(([, v]) => v.length > 1)
      .map(([f]) => String(picks[i].get(f.path)))
      .join(' · '),
    values: Object.fromEntries(differ.map((p) => [p, readAt(config, p) as SweepValue])),
  }));
  return { base: configs[0], axes, variants };
}

function keepOf(values: OptionValues): KeepableSeries[] {
  const text = stringOpt(values, 'keep');
  if (text === undefined) return [];
  return text.split(',').map((item) => {
    const found = KEEPABLE_SERIES.find((k) => k === item.trim());
    if (!found) throw new UsageError(`--keep: "${item}" is not one of ${KEEPABLE_SERIES.join(', ')}`);
    return found;
  });
}

/** The spec and name the flags ask for (a preset's, or the flags' own); a UsageError names the flag. */
export function sweepFromFlags(values: OptionValues): { name: string; spec: SweepSpec } {
  const preset = stringOpt(values, 'preset');
  const given = givenFields(values);
  const seedsText = stringOpt(values, 'seeds');
  const draws = numberOpt(values, 'random', 'int');
  let raw: Pick<SweepSpec, 'base' | 'axes' | 'variants'> & { seeds?: number[] };
  if (preset !== undefined) {
    const found = SWEEP_PRESET_NAMES.find((p) => p === preset);
    if (!found) throw new UsageError(`--preset: unknown sweep preset "${preset}" (${SWEEP_PRESET_NAMES.join(', ')})`);
    if (given.size) throw new UsageError('--preset cannot be combined with field flags (give --seeds to change seeds)');
    raw = { ...SWEEP_PRESETS[found].spec };
  } else {
    if (!given.size) throw new UsageError(`sweep needs --preset ${SWEEP_PRESET_NAMES.join('|')} or field flags`);
    raw = baseAndVariants(given);
  }
  const spec = {
    ...raw,
    seeds: seedsText !== undefined ? seedsOf(seedsText) : (raw.seeds ?? [raw.base.training.seed]),
    // Random draws are seeded with 0: the same command draws the same runs.
    mode: draws === undefined ? { kind: 'grid' } : { kind: 'random', draws, seed: 0 },
    keep: keepOf(values),
  };
  const parsed = sweepSpecSchema.safeParse(spec);
  if (!parsed.success) throw new UsageError(formatZodError(parsed.error, 'the sweep'));
  const varied = [...given].filter(([, v]) => v.length > 1).map(([f]) => f.cli.flag);
  return { name: stringOpt(values, 'name') ?? preset ?? defaultName(varied, parsed.data), spec: parsed.data };
}

function seedsOf(text: string): number[] {
  try {
    return parseSeeds(text);
  } catch (err) {
    if (err instanceof LabError) throw new UsageError(err.message.replace('training.seed:', '--seeds:'));
    throw err;
  }
}

/** "embedding × activation × 20 seeds": the flags given more than one value, and the seeds. */
function defaultName(varied: string[], spec: SweepSpec): string {
  const seeds = `${spec.seeds.length} seed${spec.seeds.length === 1 ? '' : 's'}`;
  return [...varied, seeds].join(' × ').slice(0, 80);
}
