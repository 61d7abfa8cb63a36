import { resolve } from 'node:path';
import { readSessionFile } from '../lab/sessions/session-file.js';
import type { Run } from '../../shared/schemas/run.js';
import type { Session } from '../../shared/schemas/session.js';
import { UsageError } from './command.js';

/**
 * Reads FILE for a command; a missing, unreadable or invalid file becomes a
 * LabError ('not-found'/'bad-file') that main.ts turns into exit 2 with the
 * loader's one sentence. Messages name the file as the user typed it.
 */
export function loadSession(file: string): Promise<Session> {
  return readSessionFile(resolve(file), file);
}

/** `--run NAME|ID|all`-style selection for commands that act on one run. */
export function findRun(session: Session, nameOrId: string): Run {
  const run = session.runs.find((r) => r.id === nameOrId) ?? session.runs.find((r) => r.name === nameOrId);
  if (run) return run;
  const names = session.runs.map((r) => `"${r.name}"`).join(', ') || 'none';
  throw new UsageError(`no run named "${nameOrId}" (runs: ${names})`);
}
