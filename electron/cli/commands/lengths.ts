import {
  analysisModelOf,
  LENGTH_DEFAULTS,
  lengthGeneralisation,
  type LengthResult,
} from '../../../shared/analysis/index.js';
import { flagOpt, numberOpt, stringOpt } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';
import { table } from '../format.js';
import { findRun, loadSession } from '../load-session.js';

export const command: CliCommand = {
  name: 'lengths',
  usage: 'lengths FILE [--max 50] [--per-length 200] [--seed 7] [--run NAME|all] [--json]',
  summary:
    'accuracy vs sequence length 1…max on balanced sets (half labelled 1, half 0; n/a where one label is too rare)',
  help: [
    '--max N         longest length (default 50, at most 500)',
    '--per-length N  sequences per length, even (default 200)',
    '--seed N        seed of the generated sets (default 7); the same sets for every run',
    '--run NAME|all  one run or every trained run (default all)',
    '--json          print one JSON object { runs: [{ run, trainedLength, task, points: [{ length, accuracy, withTarget, withoutTarget, n, unavailable? }] }] } (n/a lengths: null numbers and the reason)',
  ],
  options: {
    max: { type: 'string' },
    'per-length': { type: 'string' },
    seed: { type: 'string' },
    run: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1, names: 'a FILE' },
  async run({ values, positionals: [file] }, io) {
    const maxLength = numberOpt(values, 'max', 'int') ?? LENGTH_DEFAULTS.maxLength;
    const perLength = numberOpt(values, 'per-length', 'int') ?? LENGTH_DEFAULTS.perLength;
    const seed = numberOpt(values, 'seed', 'int') ?? LENGTH_DEFAULTS.seed;
    if (maxLength < 1 || maxLength > 500) throw new UsageError('--max: expected 1 to 500');
    if (perLength < 2 || perLength % 2 !== 0 || perLength > 100_000)
      throw new UsageError('--per-length: expected an even number from 2 to 100000');
    if (seed < 0 || seed > 2 ** 31 - 1) throw new UsageError('--seed: expected 0 to 2147483647');
    const session = await loadSession(file);
    const which = stringOpt(values, 'run') ?? 'all';
    const runs = which === 'all' ? session.runs.filter((r) => r.weights) : [findRun(session, which)];
    if (!runs.length) throw new UsageError('no trained run in this session (train first)');
    const results: LengthResult[] = runs.map((r) =>
      lengthGeneralisation(analysisModelOf(r), { maxLength, perLength, seed }),
    );
    if (flagOpt(values, 'json')) {
      io.out(`${JSON.stringify({ maxLength, perLength, seed, runs: results }, null, 2)}\n`);
      return 0;
    }
    const pct = (x: number | null) => (x === null ? 'n/a' : (x * 100).toFixed(0));
    const halves = results.every((r) => r.task === 'contains')
      ? 'half with the target once, half without'
      : 'half labelled 1, half 0, by the task';
    const lines = [
      `Accuracy vs sequence length (${perLength} per length: ${halves}); cells: all% (label 1/label 0), n/a: one label too rare`,
    ];
    lines.push(
      ...table(
        ['length', ...results.map((r) => r.run)],
        Array.from({ length: maxLength }, (_, i) => [
          String(i + 1),
          ...results.map((r) => {
            const p = r.points[i];
            return p.accuracy === null ? 'n/a' : `${pct(p.accuracy)} (${pct(p.withTarget)}/${pct(p.withoutTarget)})`;
          }),
        ]),
      ),
    );
    io.out(`${lines.join('\n')}\n`);
    return 0;
  },
};
