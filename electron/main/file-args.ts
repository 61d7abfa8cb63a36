import { isAbsolute, resolve } from 'node:path';
import { hasSessionExtension } from '../../shared/schemas/session.js';

/** A session file by its name; anything else the OS hands us (open-file, argv) is ignored. */
export const isSessionFile = hasSessionExtension;

/**
 * The session file named on a command line (double-click, `rnn-lab-app
 * file.rnnlab`, or a second instance's argv), resolved against its working
 * directory. Flags and Electron's own arguments are ignored.
 */
export function sessionFileFromArgv(argv: readonly string[], cwd: string): string | null {
  for (const arg of argv) {
    if (arg.startsWith('-')) continue;
    if (isSessionFile(arg)) return isAbsolute(arg) ? arg : resolve(cwd, arg);
  }
  return null;
}
