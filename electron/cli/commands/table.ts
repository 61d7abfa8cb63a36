import { DEFAULT_SUCCESS_THRESHOLD } from '../../../shared/sweeps/metrics.js';
import {
  checkColumn,
  groupRows,
  runsTable,
  sortRows,
  type RunRow,
  type TableRun,
} from '../../../shared/sweeps/runs-table.js';
import type { Session } from '../../../shared/schemas/session.js';
import { flagOpt, listOpt, parseNumber, stringOpt } from '../args.js';
import { boardOrder } from '../board-order.js';
import { UsageError, type CliCommand, type OptionValues } from '../command.js';
import { loadSession } from '../load-session.js';
import { groupsCsv, groupsText, runsCsv, runsText, tableJson } from '../table-report.js';

/** The runs of the sweep named NAME (or with that id); every run without --sweep. */
function runsOf(session: Session, sweepName: string | undefined): TableRun[] {
  const runs: TableRun[] = boardOrder(session);
  if (sweepName === undefined) return runs;
  // Sessions from before sweeps have none (the migration gives them an empty list): the lookup then says so.
  const sweeps = session.sweeps;
  const sweep = sweeps.find((s) => s.name === sweepName) ?? sweeps.find((s) => s.id === sweepName);
  if (!sweep) {
    const names = sweeps.map((s) => `"${s.name}"`).join(', ') || 'none';
    throw new UsageError(`no sweep named "${sweepName}" (sweeps: ${names})`);
  }
  return runs.filter((r) => r.sweep?.id === sweep.id);
}

function sortOf(values: OptionValues): { column: string; direction: 'asc' | 'desc' } | undefined {
  const raw = stringOpt(values, 'sort');
  if (raw === undefined) return undefined;
  const m = /^([^:]+)(?::(asc|desc))?$/.exec(raw);
  if (!m) throw new UsageError(`--sort: expected COLUMN or COLUMN:asc|desc, got "${raw}"`);
  return { column: m[1], direction: m[2] === 'desc' ? 'desc' : 'asc' };
}

function thresholdOf(values: OptionValues): number {
  const raw = stringOpt(values, 'success');
  if (raw === undefined) return DEFAULT_SUCCESS_THRESHOLD;
  const t = parseNumber(raw, '--success', 'float');
  if (t <= 0 || t > 1) throw new UsageError(`--success: expected a threshold above 0 and at most 1, got "${raw}"`);
  return t;
}

export const command: CliCommand = {
  name: 'table',
  usage: 'table FILE [--group-by FIELD[,FIELD]] [--sort METRIC] [--success 0.99] [--sweep NAME] [--json|--csv]',
  summary: 'the runs table: varied fields and metrics per run, or groups with their success rate and mean ± sd',
  help: [
    '--group-by F[,F]  one or two config paths (e.g. model.embeddingDim,model.rnnActivation): one row per group',
    '--sort COLUMN     a metric (valAcc, valLoss, epochsToSuccess, digitMargin, recurrentRadius, trainSeconds), a',
    '                  field, name, status, backend or health; add :desc to reverse (missing values stay last)',
    `--success X       a run succeeds when its final val accuracy is at least X (default ${DEFAULT_SUCCESS_THRESHOLD})`,
    '--sweep NAME      only the runs of this sweep',
    '--json            print { runs: [{ name, seed, config, metrics: { valAcc, valLoss, epochsToSuccess, digitMargin,',
    '                  baseline, health: { verdict, reason } | null } }],',
    '                  groups: [{ key: { FIELD: VALUE }, count, successRate, valAcc: { mean, sd } }] } (sd over the group)',
    '--csv             one row per run, or per group with --group-by',
  ],
  options: {
    'group-by': { type: 'string' },
    sort: { type: 'string' },
    success: { type: 'string' },
    sweep: { type: 'string' },
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1, names: 'a FILE' },
  async run({ values, positionals: [file] }, io) {
    const by = listOpt(values, 'group-by', (s) => s) ?? [];
    if (by.length > 2) throw new UsageError('--group-by: one or two fields');
    const sort = sortOf(values);
    const threshold = thresholdOf(values);
    if (flagOpt(values, 'json') && flagOpt(values, 'csv')) throw new UsageError('--json and --csv: pick one');
    const session = await loadSession(file);
    const t = runsTable(runsOf(session, stringOpt(values, 'sweep')), threshold);
    let rows: RunRow[] = t.rows;
    if (sort) rows = sortRows(rows, checkColumn(t, sort.column, '--sort column'), sort.direction);
    const groups = by.length ? groupRows(t, rows, by) : [];
    if (flagOpt(values, 'json')) io.out(`${JSON.stringify(tableJson(rows, groups), null, 2)}\n`);
    else if (flagOpt(values, 'csv')) io.out(by.length ? groupsCsv(by, groups) : runsCsv(t, rows));
    else {
      const what = `success: final val acc ≥ ${threshold}`;
      const head = `${rows.length} runs · ${what} · varied: ${t.fields.join(', ') || 'nothing'}`;
      io.out(`${[head, ...(by.length ? groupsText(by, groups) : runsText(t, rows))].join('\n')}\n`);
    }
    return 0;
  },
};
