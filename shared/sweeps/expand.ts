import { withValueAt } from '../config-fields/config-path.js';
import { LabError } from '../errors.js';
import { formatZodError } from '../format-zod-error.js';
import { MAX_RUNS_PER_SESSION } from '../limits.js';
import { mulberry32 } from '../rng.js';
import { runConfigSchema, type RunConfig } from '../schemas/run-config.js';
import type { SweepAxis, SweepSpec, SweepValue } from '../schemas/sweep.js';

/** One run a sweep makes: its config and the value of every varied field, the training seed included. */
export interface SweepPoint {
  config: RunConfig;
  values: Record<string, SweepValue>;
  /** The label of the spec's variant this run was made from, when the spec has variants (a run name can use it). */
  variant?: string;
}

/** How many runs a spec makes, without making them (the builder shows it before starting). */
export function sweepRunCount(spec: Pick<SweepSpec, 'axes' | 'mode' | 'seeds' | 'variants'>): number {
  const combos = spec.mode.kind === 'grid' ? spec.axes.reduce((n, a) => n * a.values.length, 1) : spec.mode.draws;
  return (spec.variants?.length ?? 1) * combos * spec.seeds.length;
}

/** Every variant's values (or the base alone) crossed with the axes' combinations, variant first. */
function combinations(spec: SweepSpec): Array<{ label?: string; values: Record<string, SweepValue> }> {
  const variants = spec.variants ?? [{ label: undefined, values: {} }];
  const combos = axisCombinations(spec);
  return variants.flatMap((variant) =>
    combos.map((combo) => ({ label: variant.label, values: { ...definedValues(variant.values), ...combo } })),
  );
}

/** A variant's values without the keys zod's partial record types as possibly undefined (JSON has none). */
function definedValues(values: Partial<Record<string, SweepValue>>): Record<string, SweepValue> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, SweepValue] => e[1] !== undefined));
}

/** The axes' value combinations: every one for a grid, or N seeded uniform draws. */
function axisCombinations(spec: SweepSpec): Array<Record<string, SweepValue>> {
  if (spec.mode.kind === 'random') {
    const random = mulberry32(spec.mode.seed);
    return Array.from({ length: spec.mode.draws }, () =>
      Object.fromEntries(spec.axes.map((a) => [a.path, a.values[Math.floor(random() * a.values.length)]])),
    );
  }
  return spec.axes.reduce<Array<Record<string, SweepValue>>>(
    (combos, axis: SweepAxis) => combos.flatMap((c) => axis.values.map((v) => ({ ...c, [axis.path]: v }))),
    [{}],
  );
}

/**
 * Every run of a sweep, in a stable order (combination, then seed), each config checked whole by the run
 * schema: a combination the schema refuses (e.g. GRU with the activation readout) is a one-line error naming it.
 */
export function expandSweep(spec: SweepSpec): SweepPoint[] {
  const count = sweepRunCount(spec);
  if (count > MAX_RUNS_PER_SESSION)
    throw new LabError('bad-request', `this sweep makes ${count} runs, more than the limit of ${MAX_RUNS_PER_SESSION}`);
  return combinations(spec).flatMap(({ label, values: combo }) =>
    spec.seeds.map((seed) => {
      const values: Record<string, SweepValue> = { ...combo, 'training.seed': seed };
      const raw = Object.entries(values).reduce<object>((c, [path, v]) => withValueAt(c, path, v), spec.base);
      const parsed = runConfigSchema.safeParse(raw);
      if (!parsed.success) {
        const which = Object.entries(combo)
          .map(([path, v]) => `${path}=${String(v)}`)
          .join(', ');
        const named = label === undefined ? '' : ` (${label})`;
        throw new LabError('bad-request', formatZodError(parsed.error, `the combination ${which || '(base)'}${named}`));
      }
      return { config: parsed.data, values, ...(label === undefined ? {} : { variant: label }) };
    }),
  );
}
