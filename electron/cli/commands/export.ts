import { extname, resolve } from 'node:path';
import {
  chartCatalogue,
  chartIds,
  chartParamInfo,
  chartsTaking,
  findChart,
  type ChartEntry,
  type ChartParamName,
  type ChartParams,
} from '../../../shared/catalogue/index.js';
import { writeFileAtomic } from '../../lab/sessions/atomic-write.js';
import {
  exportChart,
  exportFormats,
  exportThemes,
  type ExportFormat,
  type ExportTheme,
} from '../../export/export-chart.js';
import { fontWarning } from '../../export/fonts.js';
import { listOpt, numberOpt, stringOpt } from '../args.js';
import { UsageError, type CliCommand, type OptionValues } from '../command.js';
import { boardOrder } from '../board-order.js';
import { loadSession } from '../load-session.js';

const oneOf = <T extends string>(list: readonly T[], value: string | undefined, flag: string): T | undefined => {
  if (value === undefined) return undefined;
  if (!(list as readonly string[]).includes(value))
    throw new UsageError(`${flag}: expected ${list.join('|')}, got "${value}"`);
  return value as T;
};

/** The `--chart` list of `--help`: every catalogue chart, one line each. */
const chartHelp = chartCatalogue.map((c) => `  ${c.id.padEnd(14)} ${c.help}`);
const takers = (param: ChartParamName) =>
  chartsTaking(param)
    .map((c) => c.id)
    .join('|');
const overlaid = chartCatalogue.filter((c) => c.scope === 'group' || (c.scope === 'run' && c.overlay)).map((c) => c.id);

/** A chart's parameters: given only where they apply, and required ones present. */
function checkChartParams(entry: ChartEntry, given: ChartParams): void {
  for (const [name, value] of Object.entries(given) as [keyof typeof given, unknown][]) {
    const { flag, example } = chartParamInfo[name];
    const need = entry.params?.[name];
    if (need === 'required' && value === undefined) {
      throw new UsageError(`--chart ${entry.id} needs --${flag} (e.g. --${flag} ${example})`);
    }
    if (need === undefined && value !== undefined) {
      throw new UsageError(`--${flag} applies to --chart ${takers(name)} only`);
    }
  }
}

/** The group charts' parameters (--group-by, --x, --y, --success), read where given. */
function groupParams(values: OptionValues): Pick<ChartParams, 'groupBy' | 'x' | 'y' | 'success'> {
  const groupBy = listOpt(values, 'group-by', (s) => s);
  if (groupBy && groupBy.length > 2) throw new UsageError('--group-by: one or two fields');
  const success = numberOpt(values, 'success', 'float');
  if (success !== undefined && (success <= 0 || success > 1))
    throw new UsageError(`--success: expected a threshold above 0 and at most 1, got "${success}"`);
  return { groupBy, x: stringOpt(values, 'x'), y: stringOpt(values, 'y'), success };
}

function chartOf(values: OptionValues): ChartEntry {
  const id = oneOf(chartIds, stringOpt(values, 'chart'), '--chart');
  const entry = id === undefined ? undefined : findChart(id);
  if (!entry) throw new UsageError(`--chart is required (${chartIds.join('|')})`);
  return entry;
}

export const command: CliCommand = {
  name: 'export',
  usage: `export FILE --chart ${chartIds.join('|')} --run NAME|all --format png|svg --out PATH [--sequence 5,8,4]`,
  summary: "render a chart of one run or all runs to PNG (2×, opaque) or SVG, with the UI's chart builders",
  help: [
    '--chart KIND     which chart:',
    ...chartHelp,
    `--run NAME|all   one run (name or id), or all: one chart for ${overlaid.join('/')}, a figure sheet otherwise`,
    `--sequence DIGITS  for --chart ${takers('sequence')}: the sequence to trace, e.g. 5,8,4`,
    `--max N          for --chart ${takers('maxLength')}: the longest length (default 50, at most 500)`,
    `--group-by F[,F] for --chart ${takers('groupBy')}: config paths to group by (default: the varied fields)`,
    `--x FIELD --y METRIC  for --chart ${takers('x')}: a config path and a metric (valAcc, valLoss, epochsToSuccess, digitMargin, recurrentRadius, trainSeconds)`,
    `--success X      for --chart ${takers('success')}: success = final val accuracy ≥ X (default 0.99)`,
    '--format png|svg default: from the --out extension',
    '--out PATH       file to write',
    '--theme dark|light|print  colours (default light; print = white background)',
    '--width N --height N      chart size in CSS pixels (default 640×360; a title band of 30 px is added above; PNG is 2×)',
  ],
  options: {
    chart: { type: 'string' },
    run: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    theme: { type: 'string' },
    width: { type: 'string' },
    height: { type: 'string' },
    sequence: { type: 'string' },
    max: { type: 'string' },
    'group-by': { type: 'string' },
    x: { type: 'string' },
    y: { type: 'string' },
    success: { type: 'string' },
  },
  positionals: { min: 1, max: 1, names: 'a FILE' },
  async run({ values, positionals: [file] }, io) {
    const entry = chartOf(values);
    // A chart of many runs draws every run unless told otherwise.
    const run = stringOpt(values, 'run') ?? (entry.scope === 'group' ? 'all' : undefined);
    const out = stringOpt(values, 'out');
    const sequence = stringOpt(values, 'sequence');
    const maxLength = numberOpt(values, 'max', 'int');
    const grouped = groupParams(values);
    checkChartParams(entry, { sequence, maxLength, ...grouped });
    if (maxLength !== undefined && (maxLength < 1 || maxLength > 500)) throw new UsageError('--max: expected 1 to 500');
    if (!run) throw new UsageError('--run NAME|all is required');
    if (!out) throw new UsageError('--out PATH is required');
    const formatName = stringOpt(values, 'format') ?? extname(out).slice(1).toLowerCase();
    const format = oneOf<ExportFormat>(exportFormats, formatName, '--format');
    if (!format) throw new UsageError('--format png|svg is required');
    const theme = oneOf<ExportTheme>(exportThemes, stringOpt(values, 'theme'), '--theme') ?? 'light';
    const width = numberOpt(values, 'width', 'int') ?? 640;
    const height = numberOpt(values, 'height', 'int') ?? 360;
    if (width < 100 || width > 4000 || height < 100 || height > 4000) {
      throw new UsageError('--width/--height: expected 100 to 4000');
    }
    const session = await loadSession(file);
    const size = { width, height };
    const runs = boardOrder(session);
    const result = exportChart({ runs, chart: entry.id, run, format, theme, size, sequence, maxLength, ...grouped });
    if (format === 'png') {
      const warning = fontWarning();
      if (warning) io.err(`warning: ${warning}\n`);
    }
    await writeFileAtomic(resolve(out), result.bytes);
    io.out(`${out} (${format.toUpperCase()}, ${result.width}×${result.height}, ${result.bytes.length} bytes)\n`);
    return 0;
  },
};
