import { resolve } from 'node:path';
import { join } from 'node:path';
import { defaultDataDir } from './data-dir.js';
import { isLoopbackHost } from './guards.js';

export interface WebArgs {
  host: string;
  port: number;
  sessionsDir: string;
  /** The user data folder: the recovery copy of unsaved work. */
  dataDir: string;
  open: boolean;
  help: boolean;
}

export const USAGE = `Usage: rnn-lab-web [--port N] [--host 127.0.0.1] [--sessions DIR] [--data DIR] [--no-open]
  --port N        port to listen on (default: a free one)
  --host H        loopback address to bind (127.x.x.x or localhost; never a public one)
  --sessions DIR  folder for saved sessions (default: the data folder's sessions/)
  --data DIR      folder for the recovery copy of unsaved work (default: ${defaultDataDir()})
  --no-open       do not open the page in the default browser`;

/** Parses the browser-mode flags; throws one readable sentence on bad input. */
export function parseWebArgs(argv: readonly string[]): WebArgs {
  const args: WebArgs = {
    host: '127.0.0.1',
    port: 0,
    sessionsDir: '',
    dataDir: defaultDataDir(),
    open: true,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--port') {
      const raw = value();
      const port = Number(raw);
      if (!/^\d+$/.test(raw) || port > 65_535)
        throw new Error(`--port must be a whole number from 0 to 65535, got "${raw}"`);
      args.port = port;
    } else if (flag === '--host') {
      args.host = value();
      if (!isLoopbackHost(args.host))
        throw new Error(`--host must be a loopback address (127.x.x.x or localhost), got "${args.host}"`);
    } else if (flag === '--sessions') args.sessionsDir = resolve(value());
    else if (flag === '--data') args.dataDir = resolve(value());
    else if (flag === '--no-open') args.open = false;
    else if (flag === '--help' || flag === '-h') args.help = true;
    else throw new Error(`unknown option "${flag}" (try --help)`);
  }
  args.sessionsDir ||= join(args.dataDir, 'sessions');
  return args;
}
