import { runCli, type CommandRegistry } from './run-cli.js';
import type { CliIo } from './command.js';

/**
 * The rnn-lab command registry (bundled to out/node/cli.js).
 *
 * Adding a command = one file + one line here:
 *   - electron/cli/commands/NAME.ts exports `command: CliCommand` (see ./command.ts):
 *       { name, usage, summary, help?, options (node:util parseArgs options, strict),
 *         positionals: { min, max, names }, run({ values, positionals }, io) → exit code }
 *   - add `NAME: () => import('./commands/NAME.js'),` below.
 * The runner parses argv strictly, adds --help, checks positional counts, and maps errors
 * to exit codes: throw UsageError (./command.ts) or a LabError 'bad-request' | 'bad-file' |
 * 'not-found' for exit 2 with one line on stderr; anything else exits 1; return 0 for success.
 * Helpers: ./args.ts (typed option readers), ./load-session.ts (loadSession(FILE), findRun).
 * Write results to io.out (stdout; `--json` prints exactly one JSON object), progress to io.err.
 */
const registry: CommandRegistry = {
  train: () => import('./commands/train.js'),
  sweep: () => import('./commands/sweep.js'),
  show: () => import('./commands/show.js'),
  validate: () => import('./commands/validate.js'),
  trace: () => import('./commands/trace.js'),
  exhaustive: () => import('./commands/exhaustive.js'),
  lengths: () => import('./commands/lengths.js'),
  export: () => import('./commands/export.js'),
  table: () => import('./commands/table.js'),
  report: () => import('./commands/report.js'),
};

const io: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  errIsTTY: Boolean(process.stderr.isTTY),
  columns: process.stderr.columns || 80,
  onInterrupt: (handler) => {
    process.on('SIGINT', handler);
    return () => void process.off('SIGINT', handler);
  },
};

const code = await runCli(process.argv.slice(2), io, registry);
process.exitCode = code;
// Nothing should keep the process alive after a command; if something does, do not hang.
setTimeout(() => process.exit(code), 2000).unref();
