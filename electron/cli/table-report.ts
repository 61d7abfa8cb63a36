import { toCsv } from '../../shared/charts/data-export.js';
import { tableJsonSchema, type TableJson } from '../../shared/schemas/runs-table-json.js';
import { METRIC_LABELS, NUMERIC_METRICS, type NumericMetric } from '../../shared/sweeps/metrics.js';
import type { GroupRow, RunRow, RunsTable, Spread } from '../../shared/sweeps/runs-table.js';
import { num, table } from './format.js';

/** The `table --json` contract, checked against its schema before it is printed. */
export function tableJson(rows: readonly RunRow[], groups: readonly GroupRow[]): TableJson {
  return tableJsonSchema.parse({
    runs: rows.map((r) => ({
      name: r.name,
      seed: r.seed,
      config: r.config,
      metrics: {
        valAcc: r.metrics.valAcc,
        valLoss: r.metrics.valLoss,
        epochsToSuccess: r.metrics.epochsToSuccess,
        digitMargin: r.metrics.digitMargin,
        baseline: r.metrics.baseline,
        health: r.metrics.health,
      },
    })),
    groups: groups.map((g) => ({
      key: g.key,
      count: g.count,
      successRate: g.successRate,
      valAcc: { mean: g.metrics.valAcc.mean, sd: g.metrics.valAcc.sd },
    })),
  });
}

/** A field's column heading: the name after its section (`model.embeddingDim` → `embeddingDim`). */
const short = (path: string) => path.split('.')[1] ?? path;
const cell = (v: number | string | boolean | null, digits = 4) =>
  v === null ? '-' : typeof v === 'number' ? (Number.isInteger(v) ? String(v) : num(v, digits)) : String(v);
const pm = (s: Spread) => (s.mean === null ? '-' : `${num(s.mean, 3)} ± ${num(s.sd ?? 0, 3)}`);
const rate = (g: GroupRow) => (g.successRate === null ? '-' : `${(g.successRate * 100).toFixed(0)}%`);

export function runsText(t: RunsTable, rows: readonly RunRow[]): string[] {
  const fields = t.fields.filter((f) => f !== 'training.seed');
  const header = ['name', ...fields.map(short), 'seed', ...NUMERIC_METRICS.map((m) => METRIC_LABELS[m])];
  const body = rows.map((r) => [
    r.name,
    // Config values as typed (0.02, not 0.0200); metrics to 4 decimals.
    ...fields.map((f) => String(r.values[f])),
    String(r.seed),
    ...NUMERIC_METRICS.map((m) => cell(r.metrics[m])),
  ]);
  return table(
    [...header, 'baseline', 'backend', 'status', 'health'],
    body.map((b, i) => [
      ...b,
      cell(rows[i].metrics.baseline),
      cell(rows[i].metrics.backend),
      rows[i].metrics.status,
      cell(rows[i].metrics.health?.verdict ?? null),
    ]),
  );
}

const GROUP_METRICS: readonly NumericMetric[] = ['valAcc', 'valLoss', 'epochsToSuccess', 'digitMargin'];

export function groupsText(by: readonly string[], groups: readonly GroupRow[]): string[] {
  const header = [
    ...by.map(short),
    'runs',
    'success',
    'rate',
    ...GROUP_METRICS.map((m) => `${METRIC_LABELS[m]} (mean ± sd)`),
  ];
  const body = groups.map((g) => [
    ...by.map((f) => String(g.key[f])),
    String(g.count),
    `${g.successes}/${g.finished}`,
    rate(g),
    ...GROUP_METRICS.map((m) => pm(g.metrics[m])),
  ]);
  return table(header, body);
}

const csvValue = (v: number | string | boolean | null) => (v === null ? '' : typeof v === 'boolean' ? String(v) : v);

/** One row per run: name, the varied fields by config path, the seed and every metric. */
export function runsCsv(t: RunsTable, rows: readonly RunRow[]): string {
  const fields = t.fields.filter((f) => f !== 'training.seed');
  return toCsv(
    ['name', ...fields, 'training.seed', ...NUMERIC_METRICS, 'success', 'baseline', 'backend', 'status', 'health'],
    rows.map((r) => [
      r.name,
      ...fields.map((f) => csvValue(r.values[f])),
      r.seed,
      ...NUMERIC_METRICS.map((m) => csvValue(r.metrics[m])),
      r.success ? 1 : 0,
      r.metrics.baseline,
      csvValue(r.metrics.backend),
      r.metrics.status,
      csvValue(r.metrics.health?.verdict ?? null),
    ]),
  );
}

/** One row per group: its key, count, successes over finished runs, the rate, and mean and sd of each metric. */
export function groupsCsv(by: readonly string[], groups: readonly GroupRow[]): string {
  const stats = NUMERIC_METRICS.flatMap((m) => [`${m}.mean`, `${m}.sd`]);
  return toCsv(
    [...by, 'count', 'finished', 'successes', 'successRate', ...stats],
    groups.map((g) => [
      ...by.map((f) => csvValue(g.key[f])),
      g.count,
      g.finished,
      g.successes,
      csvValue(g.successRate),
      ...NUMERIC_METRICS.flatMap((m) => [csvValue(g.metrics[m].mean), csvValue(g.metrics[m].sd)]),
    ]),
  );
}
