import { fmt } from '../../../shared/charts/common.js';
import { bandEdges, type GroupCurve } from '../../../shared/charts/group-curves.js';
import type { MatrixCell, SuccessMatrix } from '../../../shared/charts/success-matrix.js';
import { fieldName, GROUP_BANDS, metricLabel, type GroupBand } from '../../../shared/charts/sweep-common.js';
import type { SweepValue } from '../../../shared/schemas/sweep.js';
import type { NumericMetric } from '../../../shared/sweeps/metrics.js';
import { cellOf, type RunRow } from '../../../shared/sweeps/runs-table.js';

/** Plain-text versions of the group charts, for screen readers and anyone who wants the numbers. */

/** "3/5 (60%) · mean 0.945" (the table's caption says the mean is of final val accuracy). */
export function cellText(c: MatrixCell): string {
  const rate = c.rate === null ? 'not trained' : `${Math.round(c.rate * 100)}%`;
  const mean = c.meanValAcc === null ? '' : ` · mean ${fmt(c.meanValAcc, 3)}`;
  return `${c.successes}/${c.finished} (${rate})${mean}`;
}

/** The matrix as rows (second field's values, or one row) × columns (first field's values); empty combinations null. */
export function matrixGrid(m: SuccessMatrix): { label: string; cells: (MatrixCell | null)[] }[] {
  const key = (v: SweepValue | null) => JSON.stringify(v);
  const at = new Map(m.cells.map((c) => [`${key(c.x)} ${key(c.y)}`, c]));
  const ys: (SweepValue | null)[] = m.yValues.length ? m.yValues : [null];
  return ys.map((y) => ({
    label: y === null ? 'all' : String(y),
    cells: m.xValues.map((x) => at.get(`${key(x)} ${key(y)}`) ?? null),
  }));
}

export function parallelText(rows: readonly RunRow[], faded: ReadonlySet<string>, axes: readonly string[]): string {
  const shown = rows.filter((r) => !faded.has(r.id));
  const ok = shown.filter((r) => r.success).length;
  const out = rows.length - shown.length;
  return (
    `${shown.length} runs drawn, ${ok} reached the success threshold` +
    `${out ? `; ${out} filtered out, drawn faded` : ''}. Axes: ${axes.join(', ')}.`
  );
}

/** One line per group: its final epoch's mean and band. */
export function curvesText(curves: readonly GroupCurve[], band: GroupBand): string[] {
  return curves.map((c) => {
    const e = c.mean.length - 1;
    if (e < 0) return `${c.label}: no epoch yet`;
    const { low, high } = bandEdges(c, band);
    return `${c.label}: epoch ${e + 1} mean val acc ${fmt(c.mean[e], 3)}, ${GROUP_BANDS[band]} ${fmt(low[e], 3)} to ${fmt(high[e], 3)}`;
  });
}

/** Per value of the field, how many runs and the metric's mean among those that have it. */
export function scatterText(rows: readonly RunRow[], x: string, y: NumericMetric): string[] {
  const byValue = new Map<string, number[]>();
  const counts = new Map<string, number>();
  for (const r of rows) {
    const v = String(cellOf(r, x));
    counts.set(v, (counts.get(v) ?? 0) + 1);
    const m = r.metrics[y];
    if (m !== null) byValue.set(v, [...(byValue.get(v) ?? []), m]);
  }
  const natural = (a: [string, number], b: [string, number]) => a[0].localeCompare(b[0], 'en', { numeric: true });
  return [...counts.entries()].sort(natural).map(([v, n]) => {
    const ms = byValue.get(v) ?? [];
    const mean = ms.length ? fmt(ms.reduce((a, b) => a + b, 0) / ms.length, 3) : 'none';
    return `${fieldName(x)} ${v}: ${n} runs, mean ${metricLabel(y)} ${mean}`;
  });
}
