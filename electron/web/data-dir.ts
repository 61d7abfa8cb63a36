import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where browser mode keeps sessions by default: the user's data directory,
 * following each platform's convention (XDG on Linux).
 */
export function defaultSessionsDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'RNN Lab', 'sessions');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'RNN Lab', 'sessions');
  const dataHome = env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/') ? env.XDG_DATA_HOME : join(home, '.local', 'share');
  return join(dataHome, 'rnn-lab', 'sessions');
}
