import { parseArgs } from 'node:util';
import { APP_VERSION } from '../../shared/app-version.js';
import { LabError } from '../../shared/errors.js';
import { escapeUnsafe } from '../../shared/text-safety.js';
import { joinNegativeValues } from './args.js';
import { UsageError, type CliCommand, type CliIo } from './command.js';

export type CommandRegistry = Record<string, () => Promise<{ command: CliCommand }>>;

const INPUT_ERRORS = new Set(['bad-request', 'bad-file', 'not-found']);

/** Runs one command line; returns the exit code (0 ok, 1 failed while running, 2 bad usage or input). */
export async function runCli(argv: string[], io: CliIo, registry: CommandRegistry): Promise<number> {
  try {
    return await route(argv, safeOut(io), registry);
  } catch (err) {
    const usage = err instanceof UsageError || (err instanceof LabError && INPUT_ERRORS.has(err.code));
    const message = err instanceof Error ? err.message : String(err);
    // Our own messages are one line by design, so a newline in one came from a file or an argument: escape it.
    // Other errors (tfjs, Node) may explain at length: their first line says what happened.
    io.err(`rnn-lab: ${escapeUnsafe(usage ? message : message.split('\n')[0], true)}\n`);
    if (!usage && process.env.RNN_LAB_DEBUG && err instanceof Error) io.err(`${err.stack}\n`);
    return usage ? 2 : 1;
  }
}

/**
 * Everything a command prints on stdout quotes file-supplied text (run names,
 * notes, errors, backend reasons, file names): escaped here once, so no printer
 * can forget. Progress on stderr draws with escape codes and escapes its own text.
 */
function safeOut(io: CliIo): CliIo {
  return { ...io, out: (text) => io.out(escapeUnsafe(text)) };
}

async function route(argv: string[], io: CliIo, registry: CommandRegistry): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    io.out(`${APP_VERSION}\n`);
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const target = name === 'help' ? rest[0] : undefined;
    if (target) return route([target, '--help'], io, registry);
    const text = await overview(registry);
    (name === undefined ? io.err : io.out)(text);
    return name === undefined ? 2 : 0;
  }
  const load = Object.hasOwn(registry, name) ? registry[name] : undefined;
  if (!load) throw new UsageError(`unknown command "${name}" (commands: ${Object.keys(registry).join(', ')})`);
  const { command } = await load();
  const { values, positionals } = parse(command, rest);
  if (values.help === true) {
    io.out(commandHelp(command));
    return 0;
  }
  const { min, max, names } = command.positionals;
  if (positionals.length < min)
    throw new UsageError(`${command.name} needs ${names} (usage: rnn-lab ${command.usage})`);
  if (positionals.length > max) throw new UsageError(`${command.name}: unexpected argument "${positionals[max]}"`);
  return command.run({ values, positionals }, io);
}

function parse(command: CliCommand, args: string[]) {
  try {
    return parseArgs({
      args: joinNegativeValues(args, command.options),
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    const ambiguous = /^Option '(-[-\w]+)' argument is ambiguous/.exec((err as Error).message);
    if (ambiguous) throw new UsageError(`${command.name}: option '${ambiguous[1]}' needs a value`);
    // parseArgs explains at length; the first sentence names the problem.
    const message = (err as Error).message.split(/\.\s/)[0].replace(/\.$/, '');
    throw new UsageError(`${command.name}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`);
  }
}

async function overview(registry: CommandRegistry): Promise<string> {
  const commands = await Promise.all(Object.values(registry).map(async (load) => (await load()).command));
  return [
    `rnn-lab ${APP_VERSION}: train and inspect tiny Embedding → SimpleRNN models`,
    '',
    'Usage:',
    ...commands.flatMap((c) => [`  rnn-lab ${c.usage}`, `      ${c.summary}`]),
    '',
    'rnn-lab COMMAND --help shows the options of a command.',
    'Exit codes: 0 success, 1 failure while running, 2 bad usage or bad input.',
    '',
  ].join('\n');
}

function commandHelp(command: CliCommand): string {
  return [
    `Usage: rnn-lab ${command.usage}`,
    '',
    command.summary,
    ...(command.help ? ['', ...command.help.map((l) => `  ${l}`)] : []),
    '',
  ].join('\n');
}
