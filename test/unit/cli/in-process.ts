import type { CliIo } from '../../../electron/cli/command.js';
import { runCli, type CommandRegistry } from '../../../electron/cli/run-cli.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** One command line through the CLI's own runner (parsing, exit codes, escaping), in this process. */
export async function runInProcess(args: string[], registry: CommandRegistry): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    errIsTTY: false,
    columns: 80,
    onInterrupt: () => () => {},
  };
  const code = await runCli(args, io, registry);
  return { code, stdout, stderr };
}
