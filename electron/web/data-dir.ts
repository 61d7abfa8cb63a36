import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Browser mode's folder in the user's data directory, following each
 * platform's convention (XDG on Linux): the recovery copies live here, and
 * the sessions folder inside it by default.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'RNN Lab');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'RNN Lab');
  const dataHome =
    env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/') ? env.XDG_DATA_HOME : join(home, '.local', 'share');
  return join(dataHome, 'rnn-lab');
}

export function defaultSessionsDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  return join(defaultDataDir(platform, env, home), 'sessions');
}
