import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { REPORT_THEMES, type ReportTheme } from '../../../shared/report/report-data.js';
import { writeReport } from '../../report/write-report.js';
import { listOpt, stringOpt } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';

function themeOf(value: string | undefined): ReportTheme {
  if (value === undefined) return 'light';
  if (!(REPORT_THEMES as readonly string[]).includes(value))
    throw new UsageError(`--theme: expected ${REPORT_THEMES.join('|')}, got "${value}"`);
  return value as ReportTheme;
}

export const command: CliCommand = {
  name: 'report',
  usage: 'report FILE --out report.html [--runs NAME,…|--sweep NAME] [--theme light|dark|print]',
  summary: 'one self-contained HTML report of the runs: charts you can hover, their numbers, printable; opens offline',
  help: [
    '--out PATH       the HTML file to write (written whole or not at all)',
    '--runs NAME,…    only these runs (names or ids; default: every run)',
    "--sweep NAME     one sweep's runs, drawn per group (a sweep's name or id)",
    "--theme light|dark|print  colours (default light; print = white, every chart's numbers shown)",
  ],
  options: {
    out: { type: 'string' },
    runs: { type: 'string' },
    sweep: { type: 'string' },
    theme: { type: 'string' },
  },
  positionals: { min: 1, max: 1, names: 'a FILE' },
  async run({ values, positionals: [file] }, io) {
    const out = stringOpt(values, 'out');
    if (!out) throw new UsageError('--out PATH is required');
    const target = resolve(out);
    if (!existsSync(dirname(target)) || !statSync(dirname(target)).isDirectory())
      throw new UsageError(`--out: the folder ${dirname(out)} does not exist`);
    if (existsSync(target) && statSync(target).isDirectory())
      throw new UsageError(`--out: ${out} is a folder, not a file`);
    const runs = listOpt(values, 'runs', (s) => s);
    const sweep = stringOpt(values, 'sweep');
    if (runs && sweep !== undefined) throw new UsageError('--runs and --sweep: pick one');
    const theme = themeOf(stringOpt(values, 'theme'));
    const bytes = await writeReport(file, out, { runs, sweep, theme });
    io.out(`${out} (HTML report, ${bytes} bytes)\n`);
    return 0;
  },
};
