import type { ParseArgsConfig } from 'node:util';

/** Where a command writes: stdout for results, stderr for progress and messages. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** stderr is a terminal: progress may redraw in place. */
  errIsTTY: boolean;
  /** Columns of the terminal (80 when unknown). */
  columns: number;
  /** Called on Ctrl+C; returns the unsubscribe. */
  onInterrupt(handler: () => void): () => void;
}

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CliArgs {
  values: OptionValues;
  positionals: string[];
}

/**
 * One `rnn-lab` command. The registry in main.ts parses argv with
 * node:util parseArgs (strict) from `options`, checks the positional count,
 * handles --help, and maps errors to exit codes.
 */
export interface CliCommand {
  name: string;
  /** After "rnn-lab ": e.g. "show FILE [--json]". */
  usage: string;
  /** One line for the command list. */
  summary: string;
  /** Option help lines, printed under the usage by --help. */
  help?: string[];
  options: NonNullable<ParseArgsConfig['options']>;
  positionals: { min: number; max: number; names: string };
  /** Returns the exit code (0 success, 1 failure while running); throw UsageError for exit 2. */
  run(args: CliArgs, io: CliIo): Promise<number>;
}

/** Bad usage or bad input: exit code 2 with this one line. */
export class UsageError extends Error {
  override name = 'UsageError';
}
