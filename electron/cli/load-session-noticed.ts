import { resolve } from 'node:path';
import { readSessionFileWithNotices } from '../lab/sessions/session-file.js';
import { escapeUnsafe } from '../../shared/text-safety.js';
import type { Session } from '../../shared/schemas/session.js';
import type { CliIo } from './command.js';

/**
 * loadSession, also telling the user on stderr (one line each, as "note: …") what opening an old
 * file had to change: stdout stays the command's output, so `show --json` still prints one object.
 */
export async function loadSessionNoticed(file: string, io: Pick<CliIo, 'err'>): Promise<Session> {
  const { session, notices } = await readSessionFileWithNotices(resolve(file), file);
  for (const notice of notices) io.err(`note: ${escapeUnsafe(notice, true)}\n`);
  return session;
}
