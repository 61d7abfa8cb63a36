import { fieldAt } from '../../../shared/config-fields/fields.js';
import { LabError } from '../../../shared/errors.js';
import type { z } from 'zod';
import { MAX_RUNS_PER_SESSION } from '../../../shared/limits.js';
import type { RunConfig } from '../../../shared/schemas/run-config.js';
import {
  SWEEPABLE_PATHS,
  sweepSchema,
  sweepSpecSchema,
  type KeepableSeries,
  type SweepSpec,
  type SweepValue,
  type SweepVariant,
} from '../../../shared/schemas/sweep.js';
import { expandSweep, sweepRunCount } from '../../../shared/sweeps/expand.js';
import { formatValues, parseFieldValues, parseSeeds } from '../../../shared/sweeps/ranges.js';
import type { SweepPreset } from '../../../shared/sweeps/presets.js';

/**
 * The sweep builder's form as plain data (what its inputs hold) and its reading into a sweep spec, with one
 * message per bad field: kept out of the component so the rules are tested without a page.
 */
export interface FieldRow {
  path: string;
  /** Values as typed (`1-10`, `0.001,0.01`); for choice fields the ticked choices joined by commas. */
  text: string;
}

export interface BuilderForm {
  name: string;
  base: RunConfig;
  /** Where the base came from, said in the dialog: "the default run", a run's name or a preset's. */
  baseLabel: string;
  rows: FieldRow[];
  /** Sets of values that change together, from a preset (the seed rule's configs); crossed with the rows. */
  variants: SweepVariant[];
  mode: 'grid' | 'random';
  draws: string;
  /** Seed of the random draws (fixed per dialog, so the count and the runs do not change while typing). */
  drawSeed: number;
  seeds: string;
  keep: KeepableSeries[];
}

export type FormErrors = Partial<Record<'name' | 'seeds' | 'draws' | 'form', string>> & { rows: string[] };

export type BuilderResult =
  | { ok: true; name: string; spec: SweepSpec; count: number; configs: RunConfig[] }
  | { ok: false; errors: FormErrors; count: number | null; reason: string };

/** Fields whose values are ticked from a list rather than typed. */
export function choicesOf(path: string): readonly string[] | null {
  const field = fieldAt(path);
  if (field?.kind === 'enum') return field.choices;
  if (field?.kind === 'boolean') return ['true', 'false'];
  return null;
}

/** Fields one more row may vary: sweepable, not varied yet, not set by the variants. */
export function addableFields(form: Pick<BuilderForm, 'rows' | 'variants'>): string[] {
  const taken = new Set([...form.rows.map((r) => r.path), ...form.variants.flatMap((v) => Object.keys(v.values))]);
  return SWEEPABLE_PATHS.filter((p) => !taken.has(p));
}

export function emptyForm(base: RunConfig, baseLabel: string, drawSeed = 1): BuilderForm {
  return {
    name: '',
    base,
    baseLabel,
    rows: [],
    variants: [],
    mode: 'grid',
    draws: '20',
    drawSeed,
    seeds: '0-4',
    keep: [],
  };
}

/** A preset's spec as the form shows it: its base and variants as they are, its axes and seeds as text. */
export function formOfPreset(preset: SweepPreset, drawSeed = 1): BuilderForm {
  const { spec } = preset;
  return {
    ...emptyForm(spec.base, `the ${preset.name} preset`, drawSeed),
    name: preset.name,
    rows: spec.axes.map((a) => ({ path: a.path, text: formatValues(a.path, a.values) })),
    variants: spec.variants ?? [],
    seeds: formatValues('training.seed', spec.seeds),
    keep: [...spec.keep],
  };
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
/** A schema's first complaint as a sentence ("Sweep name is empty"). */
const firstIssue = (error: z.ZodError) => {
  const text = error.issues[0]?.message ?? 'invalid';
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** The field's path at the head of a parse message says less than the row it sits under: drop it. */
const withoutPath = (path: string, text: string) => text.replace(`${path}: `, '');

function readRows(rows: readonly FieldRow[], errors: FormErrors): { path: string; values: SweepValue[] }[] {
  return rows.flatMap((row, i) => {
    if (row.text.trim() === '') {
      errors.rows[i] = choicesOf(row.path) ? 'Tick at least one value' : 'Type the values (e.g. 1,4 or 1-10)';
      return [];
    }
    try {
      return [{ path: row.path, values: parseFieldValues(row.path, row.text) }];
    } catch (err) {
      errors.rows[i] = withoutPath(row.path, message(err));
      return [];
    }
  });
}

function readDraws(form: BuilderForm, errors: FormErrors): SweepSpec['mode'] {
  if (form.mode === 'grid') return { kind: 'grid' };
  const draws = Number(form.draws.trim());
  if (form.draws.trim() === '' || !Number.isInteger(draws) || draws < 1 || draws > MAX_RUNS_PER_SESSION)
    errors.draws = `Draws: a whole number from 1 to ${MAX_RUNS_PER_SESSION}`;
  return {
    kind: 'random',
    draws: Math.max(1, Math.min(MAX_RUNS_PER_SESSION, Math.round(draws) || 1)),
    seed: form.drawSeed,
  };
}

/** "Embedding size × RNN activation × 6 seeds": the fields given more than one value, and the seeds. */
export function defaultSweepName(form: Pick<BuilderForm, 'rows' | 'variants'>, seedCount: number): string {
  const varied = form.rows
    .filter((r) => r.text.includes(',') || /\d\s*(-|\.\.)/.test(r.text))
    .map((r) => fieldAt(r.path)?.label ?? r.path);
  const variants = form.variants.length > 1 ? [`${form.variants.length} configs`] : [];
  const seeds = `${seedCount} seed${seedCount === 1 ? '' : 's'}`;
  return [...variants, ...varied, seeds].join(' × ').slice(0, 80);
}

function fail(errors: FormErrors, count: number | null): BuilderResult {
  const first = [errors.name, ...errors.rows, errors.seeds, errors.draws, errors.form].find((e) => !!e);
  return { ok: false, errors, count, reason: first ?? 'the sweep is not complete' };
}

/**
 * Reads the form: each field's values, the seeds, the mode and the name, then the spec as the service will
 * check it (a field varied twice, a combination the run schema refuses), and the session's run limit.
 * `existingRuns` is how many runs the session holds already.
 */
export function readForm(form: BuilderForm, existingRuns: number): BuilderResult {
  const errors: FormErrors = { rows: [] };
  const axes = readRows(form.rows, errors);
  let seeds: number[] = [];
  try {
    seeds = parseSeeds(form.seeds);
  } catch (err) {
    errors.seeds = form.seeds.trim() === '' ? 'Type the seeds (e.g. 0-19)' : withoutPath('training.seed', message(err));
  }
  const mode = readDraws(form, errors);
  const name = sweepSchema.shape.name.safeParse(form.name.trim() || defaultSweepName(form, seeds.length));
  if (!name.success) errors.name = firstIssue(name.error);
  const variants = form.variants.length ? form.variants : undefined;
  if (errors.rows.some(Boolean) || errors.seeds || errors.draws) return fail(errors, null);
  const runs = sweepRunCount({ axes, mode, seeds, variants });
  const room = MAX_RUNS_PER_SESSION - existingRuns;
  if (runs > room) {
    errors.form = `${runs} runs: the session has room for ${room} more (at most ${MAX_RUNS_PER_SESSION} runs)`;
    return fail(errors, runs);
  }
  const parsed = sweepSpecSchema.safeParse({ base: form.base, axes, variants, mode, seeds, keep: form.keep });
  if (!parsed.success) {
    errors.form = firstIssue(parsed.error);
    return fail(errors, runs);
  }
  let configs: RunConfig[];
  try {
    configs = expandSweep(parsed.data).map((p) => p.config);
  } catch (err) {
    errors.form = err instanceof LabError ? err.message : message(err);
    return fail(errors, runs);
  }
  if (!name.success) return fail(errors, runs);
  return { ok: true, name: name.data, spec: parsed.data, count: runs, configs };
}
