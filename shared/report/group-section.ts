import { fmt } from '../charts/common.js';
import type { ThemeMode } from '../charts/theme.js';
import { METRIC_LABELS, NUMERIC_METRICS } from '../sweeps/metrics.js';
import { groupLabel, groupRows, runsTable, type GroupRow, type RunRow, type RunsTable } from '../sweeps/runs-table.js';
import { numberText } from './chart-numbers.js';
import type { Figures } from './figures.js';
import { esc, tableHtml } from './html.js';
import type { ReportRun } from './report-data.js';
import { runChartsHtml } from './run-section.js';
import { configLines, swatch } from './run-text.js';

/** A field's column heading: the name after its section (`model.embeddingDim` → `embeddingDim`). */
const short = (path: string) => path.split('.')[1] ?? path;
/** Mean ± sd to 3 significant digits: a spread over seeds is no more exact than that. */
const pm = (mean: number | null, sd: number | null) => (mean === null ? '–' : `${fmt(mean, 3)} ± ${fmt(sd ?? 0, 2)}`);
const rate = (g: GroupRow) => (g.successRate === null ? '–' : `${Math.round(g.successRate * 100)}%`);

/** A group's view: one entry per group of the varied fields (but the seed), or one for all runs. */
interface Group {
  label: string;
  row: GroupRow | null;
  members: RunRow[];
}

function groupsOf(table: RunsTable, by: readonly string[]): Group[] {
  if (!by.length) return [{ label: 'all runs', row: null, members: table.rows }];
  return groupRows(table, table.rows, by).map((row) => ({
    label: groupLabel(row.key),
    row,
    members: table.rows.filter((r) => row.ids.includes(r.id)),
  }));
}

function groupsTableHtml(by: readonly string[], groups: readonly Group[]): string {
  const head = [...by.map(short), 'runs', 'success', 'rate', 'val acc', 'epochs to success'];
  const rows = groups.flatMap(({ row }) =>
    row
      ? [
          [
            ...by.map((f) => esc(String(row.key[f]))),
            String(row.count),
            `${row.successes}/${row.finished}`,
            rate(row),
            pm(row.metrics.valAcc.mean, row.metrics.valAcc.sd),
            pm(row.metrics.epochsToSuccess.mean, row.metrics.epochsToSuccess.sd),
          ],
        ]
      : [],
  );
  return tableHtml(head, rows, [...by.map(() => false), true, true, true, true, true]);
}

function runsTableHtml(table: RunsTable): string {
  const fields = table.fields.filter((f) => f !== 'training.seed');
  const head = [
    'Run',
    ...fields.map(short),
    'seed',
    ...NUMERIC_METRICS.map((m) => METRIC_LABELS[m]),
    'success',
    'status',
  ];
  const rows = table.rows.map((r) => [
    esc(r.name),
    ...fields.map((f) => esc(String(r.values[f]))),
    String(r.seed),
    ...NUMERIC_METRICS.map((m) => numberText(r.metrics[m])),
    r.success ? '✓' : '✗',
    esc(r.metrics.status),
  ]);
  const numeric = [false, ...fields.map(() => false), true, ...NUMERIC_METRICS.map(() => true), false, false];
  return tableHtml(head, rows, numeric);
}

/** The run a group's section draws: its best final val accuracy (the first of equals, in board order). */
function bestOf(members: readonly RunRow[]): RunRow {
  return members.reduce((best, r) => ((r.metrics.valAcc ?? -1) > (best.metrics.valAcc ?? -1) ? r : best));
}

/**
 * Many runs (a sweep): the groups' success and spread, the catalogue's charts of many runs, then per group
 * the board charts of its best run (not one column per run: a 200-run sweep stays a readable size), and
 * the whole runs table last.
 */
export function groupReportHtml(
  selected: readonly ReportRun[],
  mode: ThemeMode,
  threshold: number,
  figures: Figures,
): string {
  const table = runsTable(
    selected.map((r) => r.run),
    threshold,
  );
  const by = table.fields.filter((f) => f !== 'training.seed').slice(0, 2);
  const groups = groupsOf(table, by);
  const all = selected.map((_, i) => i);
  const at = new Map(selected.map((r, i) => [r.run.id, i]));
  const varied = table.fields.map(short).join(', ') || 'nothing';
  const out = [
    '<section class="summary" id="summary"><h2>Summary</h2>',
    `<p>${selected.length} runs · varied: ${esc(varied)} · success: final val accuracy ≥ ${threshold}; per group, val acc and epochs to success are mean ± sd over its runs</p>`,
    by.length ? groupsTableHtml(by, groups) : '',
    '</section>',
    '<section class="group-charts"><h2>All runs</h2>',
    figures.figure({ kind: 'group', chart: 'success-matrix', runs: all, params: {}, height: 320 }, 'Success rate'),
    figures.figure(
      { kind: 'group', chart: 'group-curves', runs: all, params: {}, height: 340 },
      'Val accuracy by group',
    ),
    figures.figure({ kind: 'group', chart: 'parallel', runs: all, params: {}, height: 380 }, 'Parallel coordinates'),
    '</section>',
  ];
  for (const g of groups) {
    const best = bestOf(g.members);
    const i = at.get(best.id)!;
    const { run, index } = selected[i];
    const stats = g.row
      ? `${g.row.count} runs · success ${g.row.successes}/${g.row.finished} (${rate(g.row)}) · val acc ${pm(g.row.metrics.valAcc.mean, g.row.metrics.valAcc.sd)}`
      : `${g.members.length} runs`;
    out.push(
      `<section class="run group" id="run-${esc(run.id)}">`,
      `<h2>${esc(g.label)}</h2>`,
      `<p class="stats">${esc(stats)}</p>`,
      `<p>Drawn below: the group's best run, ${swatch(index, mode)}<strong>${esc(run.name)}</strong> (final val accuracy ${numberText(best.metrics.valAcc)}).</p>`,
      `<ul class="config">${configLines(run)
        .map((l) => `<li>${esc(l)}</li>`)
        .join('')}</ul>`,
      runChartsHtml(i, run, figures),
      '</section>',
    );
  }
  out.push('<section class="runs-table"><h2>Runs</h2>', runsTableHtml(table), '</section>');
  return out.join('\n');
}
