import { analysisModelOf, exhaustive, exhaustiveScope } from '../../../shared/analysis/index.js';
import { flagOpt, stringOpt } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';
import { num, table } from '../format.js';
import { findRun, loadSession } from '../load-session.js';

export const command: CliCommand = {
  name: 'exhaustive',
  usage: 'exhaustive FILE --run NAME [--json]',
  summary:
    'evaluate every possible input (vocab^T; above 100,000 a uniform sample of 100,000): accuracy and the errors, grouped',
  help: [
    '--run NAME  the run (name or id)',
    '--json      print one JSON object (errors list capped at 1,000; counts exact)',
  ],
  options: { run: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 1, max: 1, names: 'a FILE' },
  async run({ values, positionals: [file] }, io) {
    const runName = stringOpt(values, 'run');
    if (!runName) throw new UsageError('--run NAME is required');
    const run = findRun(await loadSession(file), runName);
    const r = exhaustive(analysisModelOf(run));
    if (flagOpt(values, 'json')) {
      io.out(`${JSON.stringify(r, null, 2)}\n`);
      return 0;
    }
    const ends = r.groupedBy === 'ends';
    const lines = [
      `${run.name}: ${r.sampled ? '' : 'every one of the '}${exhaustiveScope(r)}`,
      `  ${r.correct} of ${r.total} right (accuracy ${(r.accuracy * 100).toFixed(2)}%), ${r.errorCount} errors`,
      ends ? '  by the first and last digit:' : '  by number of target digits held:',
      ...table(
        [ends ? 'ends' : 'targets', 'inputs', 'errors'],
        r.byCount.map((g) => [ends ? g.label : String(g.targetCount), String(g.total), String(g.errors)]),
        '    ',
      ),
    ];
    if (r.byPattern.length) {
      lines.push(
        "  where the task's digits sit in wrong inputs (· = another digit):",
        ...table(
          ['pattern', 'errors', 'of'],
          r.byPattern.slice(0, 20).map((g) => [g.pattern ?? '', String(g.errors), String(g.total)]),
          '    ',
        ),
      );
    }
    if (r.errors.length) {
      lines.push(
        `  first ${Math.min(20, r.errors.length)} wrong inputs:`,
        ...r.errors.slice(0, 20).map((e) => `    ${e.input.join(' ')}  p=${num(e.probability, 6)}  label ${e.label}`),
      );
    }
    io.out(`${lines.join('\n')}\n`);
    return 0;
  },
};
