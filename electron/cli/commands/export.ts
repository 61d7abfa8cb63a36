import { extname, resolve } from 'node:path';
import { chartKinds, type ChartKind } from '../../../shared/charts/index.js';
import { writeFileAtomic } from '../../lab/atomic-write.js';
import { analysisChartKinds, exportAnalysisChart, type AnalysisChartKind } from '../../export/export-analysis-chart.js';
import { exportChart, exportFormats, exportThemes, type ExportFormat, type ExportTheme } from '../../export/export-chart.js';
import { fontWarning } from '../../export/fonts.js';
import { numberOpt, stringOpt } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';
import { boardOrder } from '../board-order.js';
import { loadSession } from '../load-session.js';

/** Board charts, then the Analysis section's charts (issue 8). */
const allCharts = [...chartKinds, ...analysisChartKinds] as const;
type AnyChart = ChartKind | AnalysisChartKind;
const isAnalysis = (c: AnyChart): c is AnalysisChartKind => (analysisChartKinds as readonly string[]).includes(c);

const oneOf = <T extends string>(list: readonly T[], value: string | undefined, flag: string): T | undefined => {
  if (value === undefined) return undefined;
  if (!(list as readonly string[]).includes(value)) throw new UsageError(`${flag}: expected ${list.join('|')}, got "${value}"`);
  return value as T;
};

export const command: CliCommand = {
  name: 'export',
  usage: `export FILE --chart ${allCharts.join('|')} --run NAME|all --format png|svg --out PATH [--sequence 5,8,4]`,
  summary: 'render a chart of one run or all runs to PNG (2×, opaque) or SVG, with the UI\'s chart builders',
  help: [
    '--chart KIND     which chart: the board\'s, or lengths (accuracy vs sequence length), timeline (digit scores over training), trace',
    '--run NAME|all   one run (name or id), or all: an overlay for curves/digit-scores/lengths, a figure sheet otherwise',
    '--sequence DIGITS  for --chart trace: the sequence to trace, e.g. 5,8,4',
    '--max N          for --chart lengths: the longest length (default 50, at most 500)',
    '--format png|svg default: from the --out extension',
    '--out PATH       file to write',
    '--theme dark|light|print  colours (default light; print = white background)',
    '--width N --height N      chart size in CSS pixels (default 640×360; a title band of 30 px is added above; PNG is 2×)',
  ],
  options: {
    chart: { type: 'string' }, run: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' },
    theme: { type: 'string' }, width: { type: 'string' }, height: { type: 'string' },
    sequence: { type: 'string' }, max: { type: 'string' },
  },
  positionals: { min: 1, max: 1, names: 'a FILE' },
  async run({ values, positionals: [file] }, io) {
    const chart = oneOf<AnyChart>(allCharts, stringOpt(values, 'chart'), '--chart');
    const run = stringOpt(values, 'run');
    const out = stringOpt(values, 'out');
    if (!chart) throw new UsageError(`--chart is required (${allCharts.join('|')})`);
    const sequence = stringOpt(values, 'sequence');
    const maxLength = numberOpt(values, 'max', 'int');
    if (chart === 'trace' && sequence === undefined) throw new UsageError('--chart trace needs --sequence (e.g. --sequence 5,8,4)');
    if (sequence !== undefined && chart !== 'trace') throw new UsageError('--sequence applies to --chart trace only');
    if (maxLength !== undefined && chart !== 'lengths') throw new UsageError('--max applies to --chart lengths only');
    if (maxLength !== undefined && (maxLength < 1 || maxLength > 500)) throw new UsageError('--max: expected 1 to 500');
    if (!run) throw new UsageError('--run NAME|all is required');
    if (!out) throw new UsageError('--out PATH is required');
    const format = oneOf<ExportFormat>(exportFormats, stringOpt(values, 'format') ?? extname(out).slice(1).toLowerCase(), '--format');
    if (!format) throw new UsageError('--format png|svg is required');
    const theme = oneOf<ExportTheme>(exportThemes, stringOpt(values, 'theme'), '--theme') ?? 'light';
    const width = numberOpt(values, 'width', 'int') ?? 640;
    const height = numberOpt(values, 'height', 'int') ?? 360;
    if (width < 100 || width > 4000 || height < 100 || height > 4000) throw new UsageError('--width/--height: expected 100 to 4000');
    const session = await loadSession(file);
    const runs = boardOrder(session);
    const size = { width, height };
    const result = isAnalysis(chart)
      ? exportAnalysisChart({ runs, chart, run, format, theme, size, sequence, maxLength })
      : exportChart({ runs, chart, run, format, theme, size });
    if (format === 'png') {
      const warning = fontWarning();
      if (warning) io.err(`warning: ${warning}\n`);
    }
    await writeFileAtomic(resolve(out), result.bytes);
    io.out(`${out} (${format.toUpperCase()}, ${result.width}×${result.height}, ${result.bytes.length} bytes)\n`);
    return 0;
  },
};
