import { randomBytes } from 'node:crypto';

const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Short ids ("r3k9x2q") that fit runIdSchema; retried on the rare clash. */
export function newRunId(taken: (id: string) => boolean): string {
  for (;;) {
    const bytes = randomBytes(6);
    const id = `r${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')}`;
    if (!taken(id)) return id;
  }
}
