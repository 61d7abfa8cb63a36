import { join } from 'node:path';

// Both hosts keep unsaved-work copies under their own data folder (Electron's userData, browser mode's data folder).

/** The folder of unsaved-work copies (one per process) kept while a session has unsaved changes. */
export function recoveryDirIn(dataDir: string): string {
  return join(dataDir, 'recovery');
}

/** Where versions before the recovery folder kept their single copy; it is moved into the folder at start. */
export function legacyRecoveryFileIn(dataDir: string): string {
  return join(dataDir, 'recovery.rnnlab');
}
