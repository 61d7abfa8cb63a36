import { isAbsolute, resolve } from 'node:path';
import { SESSION_EXTENSION } from '../../shared/schemas/session.js';

/**
 * The session file named on a command line (double-click, `rnn-lab-app
 * file.rnnlab`, or a second instance's argv), resolved against its working
 * directory. Flags and Electron's own arguments are ignored.
 */
export function sessionFileFromArgv(argv: readonly string[], cwd: string): string | null {
  for (const arg of argv) {
    if (arg.startsWith('-')) continue;
    if (arg.toLowerCase().endsWith(SESSION_EXTENSION)) return isAbsolute(arg) ? arg : resolve(cwd, arg);
  }
  return null;
}
