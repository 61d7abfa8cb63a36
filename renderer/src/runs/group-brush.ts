import type { ParallelAxis } from '../../../shared/charts/parallel.js';
import type { TableView } from '../../../shared/schemas/session.js';
import type { SweepValue } from '../../../shared/schemas/sweep.js';

/**
 * Brushes on the parallel-coordinates chart ↔ the runs table's filter. A numeric axis's brush is a range
 * (`view.table.ranges`), a category axis's the values inside it (`view.table.oneOf`); and back, so the
 * table's filter shows on the axes. Intervals are ECharts' own: data values on a numeric axis, category
 * indices on a category axis.
 */
export type Interval = [number, number];
export type AxisFilter = Pick<TableView, 'ranges' | 'oneOf'>;
type Range = TableView['ranges'][string];

/** Three significant digits of the brush's span, rounded outwards: a chip reads "0.85–1", and no brushed run drops out. */
export function roundOutward(min: number, max: number): Range {
  const span = Math.abs(max - min) || Math.abs(max) || 1;
  const step = 10 ** (Math.floor(Math.log10(span)) - 2);
  const clean = (x: number) => Number(x.toPrecision(12));
  return { min: clean(Math.floor(min / step) * step), max: clean(Math.ceil(max / step) * step) };
}

/** The categories whose index lies inside any interval (ECharts snaps a category brush to whole indices). */
function categoriesIn(axis: ParallelAxis, intervals: readonly Interval[]): SweepValue[] {
  const values = axis.values ?? [];
  const inside = (i: number) => intervals.some(([a, b]) => Math.min(a, b) - 1e-9 <= i && i <= Math.max(a, b) + 1e-9);
  return values.filter((_, i) => inside(i));
}

/**
 * The table's filter after a brush on one axis: that axis's column replaced (several intervals on a numeric
 * axis become the one range spanning them), or removed when the brush was cleared. Other columns are kept.
 */
export function applyBrush(filter: AxisFilter, axis: ParallelAxis, intervals: readonly Interval[]): AxisFilter {
  const { [axis.column]: _range, ...ranges } = filter.ranges;
  const { [axis.column]: _values, ...oneOf } = filter.oneOf;
  if (!intervals.length) return { ranges, oneOf };
  if (axis.values) return { ranges, oneOf: { ...oneOf, [axis.column]: categoriesIn(axis, intervals) } };
  const lo = Math.min(...intervals.flat());
  const hi = Math.max(...intervals.flat());
  return { ranges: { ...ranges, [axis.column]: roundOutward(lo, hi) }, oneOf };
}

/** Consecutive indices as runs: [0, 1, 3] → [[0, 1], [3, 3]]. */
function spans(indices: readonly number[]): Interval[] {
  const out: Interval[] = [];
  for (const i of [...indices].sort((a, b) => a - b)) {
    const last = out.at(-1);
    if (last && i === last[1] + 1) last[1] = i;
    else out.push([i, i]);
  }
  return out;
}

/** How far a drawn category selection reaches either side of its categories (a single one is not a hairline). */
const CATEGORY_PAD = 0.3;

/**
 * The intervals to draw on an axis for the table's filter: a range (an open end reaches the axis's data
 * extent), or each run of consecutive selected categories, padded so it shows. None when unfiltered.
 */
export function axisIntervals(axis: ParallelAxis, filter: AxisFilter, extent: Interval | null): Interval[] {
  if (axis.values) {
    const chosen = filter.oneOf[axis.column];
    if (!chosen) return [];
    const keys = new Set(chosen.map((v) => JSON.stringify(v)));
    const indices = axis.values.flatMap((v, i) => (keys.has(JSON.stringify(v)) ? [i] : []));
    return spans(indices).map(([a, b]) => [a - CATEGORY_PAD, b + CATEGORY_PAD]);
  }
  const range = filter.ranges[axis.column];
  if (!range) return [];
  const min = range.min ?? extent?.[0];
  const max = range.max ?? extent?.[1];
  return min === undefined || max === undefined ? [] : [[min, max]];
}

/** Whether two filters say the same (a brush that changes nothing is not written back). */
export function sameFilter(a: AxisFilter, b: AxisFilter): boolean {
  const norm = (f: AxisFilter) =>
    JSON.stringify([Object.entries(f.ranges).sort(byKey), Object.entries(f.oneOf).sort(byKey)]);
  return norm(a) === norm(b);
}
const byKey = (x: [string, unknown], y: [string, unknown]) => x[0].localeCompare(y[0]);
