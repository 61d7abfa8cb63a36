import { randomBytes } from 'node:crypto';

const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Short ids ("r3k9x2q"; sweeps: "w…") that fit runIdSchema and sweepIdSchema; retried on the rare clash. */
export function newRunId(taken: (id: string) => boolean, prefix = 'r'): string {
  for (;;) {
    const bytes = randomBytes(6);
    const id = `${prefix}${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')}`;
    if (!taken(id)) return id;
  }
}
