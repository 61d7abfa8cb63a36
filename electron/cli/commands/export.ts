import { extname, resolve } from 'node:path';
import { chartKinds, type ChartKind } from '../../../shared/charts/index.js';
import { writeFileAtomic } from '../../lab/atomic-write.js';
import { exportChart, exportFormats, exportThemes, type ExportFormat, type ExportTheme } from '../../export/export-chart.js';
import { fontWarning } from '../../export/fonts.js';
import { numberOpt, stringOpt } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';
import { loadSession } from '../load-session.js';

const oneOf = <T extends string>(list: readonly T[], value: string | undefined, flag: string): T | undefined => {
  if (value === undefined) return undefined;
  if (!(list as readonly string[]).includes(value)) throw new UsageError(`${flag}: expected ${list.join('|')}, got "${value}"`);
  return value as T;
};

export const command: CliCommand = {
  name: 'export',
  usage: `export FILE --chart ${chartKinds.join('|')} --run NAME|all --format png|svg --out PATH`,
  summary: 'render a chart of one run or all runs to PNG (2×, opaque) or SVG, with the UI\'s chart builders',
  help: [
    '--chart KIND     which chart (as on the board)',
    '--run NAME|all   one run (name or id), or all: an overlay for curves/digit-scores, a figure sheet otherwise',
    '--format png|svg default: from the --out extension',
    '--out PATH       file to write',
    '--theme dark|light|print  colours (default light; print = white background)',
    '--width N --height N      layout size in CSS pixels (default 640×360; PNG is 2× that)',
  ],
  options: {
    chart: { type: 'string' }, run: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' },
    theme: { type: 'string' }, width: { type: 'string' }, height: { type: 'string' },
  },
  positionals: { min: 1, max: 1, names: 'a FILE' },
  async run({ values, positionals: [file] }, io) {
    const chart = oneOf<ChartKind>(chartKinds, stringOpt(values, 'chart'), '--chart');
    const run = stringOpt(values, 'run');
    const out = stringOpt(values, 'out');
    if (!chart) throw new UsageError(`--chart is required (${chartKinds.join('|')})`);
    if (!run) throw new UsageError('--run NAME|all is required');
    if (!out) throw new UsageError('--out PATH is required');
    const format = oneOf<ExportFormat>(exportFormats, stringOpt(values, 'format') ?? extname(out).slice(1).toLowerCase(), '--format');
    if (!format) throw new UsageError('--format png|svg is required');
    const theme = oneOf<ExportTheme>(exportThemes, stringOpt(values, 'theme'), '--theme') ?? 'light';
    const width = numberOpt(values, 'width', 'int') ?? 640;
    const height = numberOpt(values, 'height', 'int') ?? 360;
    if (width < 100 || width > 4000 || height < 100 || height > 4000) throw new UsageError('--width/--height: expected 100 to 4000');
    const session = await loadSession(file);
    // Board order, so each run keeps the colour it has in the app.
    const placed = session.view.order.flatMap((id) => session.runs.filter((r) => r.id === id));
    const runs = [...placed, ...session.runs.filter((r) => !placed.includes(r))];
    const result = exportChart({ runs, chart, run, format, theme, size: { width, height } });
    if (format === 'png') {
      const warning = fontWarning();
      if (warning) io.err(`warning: ${warning}\n`);
    }
    await writeFileAtomic(resolve(out), result.bytes);
    io.out(`${out} (${format.toUpperCase()}, ${result.width}×${result.height}, ${result.bytes.length} bytes)\n`);
    return 0;
  },
};
