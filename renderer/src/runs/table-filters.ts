import { tableViewSchema, type TableView } from '../../../shared/schemas/session.js';
import { formatNumber, columnLabel } from './table-columns.js';

/** What a typed number turned into: a value to send, or a one-line reason it is not sent. */
export type Parsed = { ok: true; value: number } | { ok: false; error: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function parseNumber(text: string): Parsed {
  const t = text.trim();
  if (!NUMBER.test(t)) return { ok: false, error: `"${t}" is not a number` };
  return { ok: true, value: Number(t) };
}

/** The success threshold as typed: a number above 0 and at most 1, checked by the session's own schema. */
export function parseThreshold(text: string): Parsed {
  if (!text.trim()) return { ok: false, error: 'enter a threshold above 0 and at most 1' };
  const n = parseNumber(text);
  if (!n.ok) return { ok: false, error: `${n.error}: enter a threshold above 0 and at most 1` };
  const checked = tableViewSchema.shape.threshold.safeParse(n.value);
  if (!checked.success) return { ok: false, error: `${text.trim()} is out of range: above 0 and at most 1` };
  return { ok: true, value: checked.data };
}

export interface Bounds {
  min?: number;
  max?: number;
}

/** A range typed as two boxes; an empty box leaves that side open, both empty is no range. */
export function parseRange(
  minText: string,
  maxText: string,
): { ok: true; range: Bounds | null } | { ok: false; error: string } {
  const range: Bounds = {};
  for (const [side, text] of [
    ['min', minText],
    ['max', maxText],
  ] as const) {
    if (!text.trim()) continue;
    const n = parseNumber(text);
    if (!n.ok) return { ok: false, error: `${side}: ${n.error}` };
    range[side] = n.value;
  }
  if (range.min !== undefined && range.max !== undefined && range.min > range.max)
    return { ok: false, error: 'the min is above the max' };
  return { ok: true, range: range.min === undefined && range.max === undefined ? null : range };
}

/** One active filter, as a removable chip: its text and the view.table it leaves when removed. */
export interface FilterChip {
  id: string;
  label: string;
  without: Pick<TableView, 'text' | 'ranges' | 'oneOf'>;
}

function rangeText(column: string, { min, max }: Bounds): string {
  const label = columnLabel(column);
  const f = (x: number) => formatNumber(x, Number.isInteger(x) ? 0 : 3);
  if (min !== undefined && max !== undefined) return `${f(min)} ≤ ${label} ≤ ${f(max)}`;
  return min !== undefined ? `${label} ≥ ${f(min)}` : `${label} ≤ ${f(max!)}`;
}

const omit = <T>(record: Readonly<Record<string, T>>, key: string) =>
  Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));

/** The text filter, each range (typed here or brushed on the parallel chart) and each value list, named by column. */
export function filterChips(view: Pick<TableView, 'text' | 'ranges' | 'oneOf'>): FilterChip[] {
  const { text, ranges, oneOf } = view;
  const chips: FilterChip[] = [];
  if (text.trim()) chips.push({ id: 'text', label: `Text “${text.trim()}”`, without: { text: '', ranges, oneOf } });
  for (const [column, range] of Object.entries(ranges))
    chips.push({
      id: `range:${column}`,
      label: rangeText(column, range),
      without: { text, ranges: omit(ranges, column), oneOf },
    });
  for (const [column, values] of Object.entries(oneOf))
    chips.push({
      id: `oneOf:${column}`,
      label: `${columnLabel(column)} ∈ {${values.map(String).join(', ')}}`,
      without: { text, ranges, oneOf: omit(oneOf, column) },
    });
  return chips;
}

export const NO_FILTER: Pick<TableView, 'text' | 'ranges' | 'oneOf'> = { text: '', ranges: {}, oneOf: {} };
