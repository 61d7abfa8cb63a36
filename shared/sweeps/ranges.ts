import { fieldAt, type ConfigField } from '../config-fields/fields.js';
import { numberText, rangeText } from '../config-fields/range-text.js';
import { LabError } from '../errors.js';
import { MAX_RUNS_PER_SESSION } from '../limits.js';
import type { SweepValue } from '../schemas/sweep.js';

/**
 * What a person types for one field of a sweep (the builder's box, a `sweep` flag) turned into its values.
 *
 * Items are separated by commas and may be mixed (`1-4,8,16`):
 * - `v`            one value: a number, a choice of an enum field (`tanh`), `true` or `false`;
 * - `a-b`, `a-b:s` integers from a to b, every one or every s-th (integer fields only; `1-10:3` = 1, 4, 7, 10);
 * - `a..b:N`       N values evenly spaced from a to b, both ends included;
 * - `a..b:logN`    N values evenly spaced in log space from a to b (both > 0), e.g. `1e-3..1e-1:log5`.
 * Values between the ends are rounded: to integers on an integer field, else a log range's to 3 significant
 * digits (learning rates are read that way) and a linear range's to 12 (float noise only).
 * Every value is checked against the field's kind and range; a value listed twice is refused (it would train
 * the same runs twice). Errors are one line naming the field, the value, the allowed range and the text.
 */
export function parseFieldValues(path: string, text: string): SweepValue[] {
  const field = fieldAt(path);
  if (!field) throw new LabError('bad-request', `${path} is not a config field`);
  const items = text.split(',').map((item) => item.trim());
  if (items.some((item) => item === ''))
    throw new LabError('bad-request', `${path}: "${text}" has an empty item (values are separated by commas)`);
  const values = items.flatMap((item) => parseItem(field, item, text));
  if (values.length > MAX_RUNS_PER_SESSION)
    throw new LabError(
      'bad-request',
      `${path}: "${text}" gives ${values.length} values, more than ${MAX_RUNS_PER_SESSION}`,
    );
  const seen = new Set<SweepValue>();
  for (const value of values) {
    if (seen.has(value)) throw new LabError('bad-request', `${path}: ${String(value)} is listed twice in "${text}"`);
    seen.add(value);
  }
  return values;
}

/** Training seeds as typed (`0-19`, `1,7,42`): integers in the seed's range, each once. */
export function parseSeeds(text: string): number[] {
  return parseFieldValues('training.seed', text) as number[];
}

const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?`;
const INT_RANGE = /^(\d+)\s*-\s*(\d+)(?:\s*:\s*(\d+))?$/;
const SPREAD = new RegExp(String.raw`^(${NUMBER})\s*\.\.\s*(${NUMBER})\s*:\s*(log)?\s*(\d+)$`, 'i');

function parseItem(field: ConfigField, item: string, text: string): SweepValue[] {
  const bad = (detail: string, shown = item) =>
    new LabError('bad-request', `${field.path}: ${detail}${inText(shown, text)}`);
  if (field.kind === 'enum') {
    if (!field.choices.includes(item)) throw bad(`${item} is not one of ${field.choices.join(', ')}`);
    return [item];
  }
  if (field.kind === 'boolean') {
    if (item !== 'true' && item !== 'false') throw bad(`${item} is not true or false`);
    return [item === 'true'];
  }
  return numbersOf(field, item).map((value) => checkedNumber(field, value, (detail) => bad(detail, String(value))));
}

/** ` (in "1-70")` when the wrong value is not the whole text: the person sees where it came from. */
function inText(shown: string, text: string): string {
  return shown === text.trim() ? '' : ` (in "${text}")`;
}

function numbersOf(field: ConfigField, item: string): number[] {
  const bad = (detail: string) => new LabError('bad-request', `${field.path}: ${detail}`);
  const range = INT_RANGE.exec(item);
  if (range && field.kind === 'int') {
    const [from, to, step] = [Number(range[1]), Number(range[2]), Number(range[3] ?? 1)];
    if (step < 1 || from > to) throw bad(`"${item}" is not a range (write from-to or from-to:step, from ≤ to)`);
    const count = Math.floor((to - from) / step) + 1;
    if (count > MAX_RUNS_PER_SESSION) throw bad(`"${item}" gives ${count} values, more than ${MAX_RUNS_PER_SESSION}`);
    return Array.from({ length: count }, (_, i) => from + i * step);
  }
  const spread = SPREAD.exec(item);
  if (spread) return spreadValues(field, item, Number(spread[1]), Number(spread[2]), Number(spread[4]), !!spread[3]);
  if (!new RegExp(`^${NUMBER}$`, 'i').test(item)) {
    const forms = field.kind === 'int' ? 'N, from-to, from-to:step or a..b:N' : 'X, a..b:N or a..b:logN';
    throw bad(`"${item}" is not a number or a range (${forms})`);
  }
  return [Number(item)];
}

/** N values from `from` to `to`, evenly spaced (in log space when `log`), rounded as parseFieldValues says. */
export function spreadValues(
  field: Pick<ConfigField, 'path' | 'kind'>,
  item: string,
  from: number,
  to: number,
  count: number,
  log: boolean,
): number[] {
  const bad = (detail: string) => new LabError('bad-request', `${field.path}: "${item}" ${detail}`);
  if (count < 2 || count > MAX_RUNS_PER_SESSION) throw bad(`asks for ${count} values (2 to ${MAX_RUNS_PER_SESSION})`);
  if (log && (from <= 0 || to <= 0)) throw bad('is a log range: both ends must be above 0');
  const [a, b] = log ? [Math.log10(from), Math.log10(to)] : [from, to];
  return Array.from({ length: count }, (_, i) => {
    if (i === 0) return from;
    if (i === count - 1) return to;
    const x = a + ((b - a) * i) / (count - 1);
    const value = log ? 10 ** x : x;
    if (field.kind === 'int') return Math.round(value);
    return Number(value.toPrecision(log ? 3 : 12));
  });
}

function checkedNumber(field: ConfigField, value: number, bad: (detail: string) => LabError): number {
  if (!Number.isFinite(value)) throw bad(`${value} is not a finite number`);
  if (field.kind === 'int' && !Number.isInteger(value)) throw bad(`${numberText(value)} is not an integer`);
  const range = field.range;
  if (range) {
    const low = range.minExclusive ? value <= range.min : value < range.min;
    const high = range.maxExclusive ? value >= range.max : value > range.max;
    if (low || high) throw bad(`${value} is outside ${rangeText(field)}`);
  }
  return value;
}

/**
 * The shortest text parseFieldValues reads back as exactly `values`, in their order (the builder shows it):
 * `1-10`, `1-9:2`, `1e-3..1e-1:log5`, else the values listed with commas (runs of integers compressed: `1-4,8,16`).
 */
export function formatValues(path: string, values: readonly SweepValue[]): string {
  const listed = values.map(String).join(',');
  const numbers = values.filter((v) => typeof v === 'number');
  if (values.length < 3 || numbers.length !== values.length) return listed;
  const [first, last] = [numbers[0], numbers[numbers.length - 1]];
  const candidates = [
    listed,
    integerRuns(numbers),
    `${first}..${last}:${numbers.length}`,
    `${first}..${last}:log${numbers.length}`,
  ].filter((text): text is string => text !== null);
  const exact = candidates.filter((text) => readsBackAs(path, text, numbers));
  return exact.reduce((best, text) => (text.length < best.length ? text : best), listed);
}

/** Integers as `a-b` / `a-b:s` runs where three or more are evenly spaced upwards; null if not all integers. */
function integerRuns(values: readonly number[]): string | null {
  if (!values.every((v) => Number.isInteger(v) && v >= 0)) return null;
  const parts: string[] = [];
  let i = 0;
  while (i < values.length) {
    const step = values[i + 1] - values[i];
    let j = i + 1;
    while (step >= 1 && j + 1 < values.length && values[j + 1] - values[j] === step) j++;
    if (step >= 1 && j - i >= 2) {
      parts.push(step === 1 ? `${values[i]}-${values[j]}` : `${values[i]}-${values[j]}:${step}`);
      i = j + 1;
    } else {
      parts.push(String(values[i]));
      i++;
    }
  }
  return parts.join(',');
}

function readsBackAs(path: string, text: string, values: readonly number[]): boolean {
  try {
    const back = parseFieldValues(path, text);
    return back.length === values.length && back.every((v, i) => v === values[i]);
  } catch {
    return false;
  }
}
