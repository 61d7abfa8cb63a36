import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  parseSession,
  readSessionFile,
  serializeSession,
  writeSessionFile,
} from '../../../../electron/lab/sessions/session-file.js';
import { migrate } from '../../../../electron/lab/sessions/session-migrations.js';
import { SESSION_MAX_BYTES, SESSION_VERSION } from '../../../../shared/schemas/session.js';
import { sampleSession } from '../fixtures/sample-session.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'session-file-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const refusal = (text: string) => {
  try {
    parseSession(text, 'session.rnnlab');
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('the session was accepted');
};
const mutate = (change: (doc: any) => void) => {
  const doc = JSON.parse(serializeSession(sampleSession()));
  change(doc);
  return JSON.stringify(doc);
};

describe('session files', () => {
  it('serializes as pretty JSON with the format header and parses back deep-equal', () => {
    const session = sampleSession();
    const text = serializeSession(session);
    expect(text.startsWith(`{\n  "format": "rnn-lab-session",\n  "version": ${SESSION_VERSION},`)).toBe(true);
    expect(parseSession(text, 'x.rnnlab')).toEqual(session);
  });

  it.each([
    [
      'a null weight',
      (d: any) => {
        d.runs[0].weights.kernel[0][0] = null;
      },
      '$.runs.0.weights.kernel.0.0: expected number, received null',
    ],
    [
      'a "NaN" string',
      (d: any) => {
        d.runs[1].history[0].loss = 'NaN';
      },
      '$.runs.1.history.0.loss: expected number, received string',
    ],
    [
      'a wrong format',
      (d: any) => {
        d.format = 'something-else';
      },
      '$.format: expected "rnn-lab-session", received another text',
    ],
    [
      'a missing version',
      (d: any) => {
        delete d.version;
      },
      '$.version: expected an integer version, received nothing',
    ],
    [
      'an unknown old version',
      (d: any) => {
        d.version = 0;
      },
      '$.version: unknown session version 0',
    ],
    [
      'a bad status',
      (d: any) => {
        d.runs[2].status = 'exploded';
      },
      '$.runs.2.status:',
    ],
    [
      'a duplicate id',
      (d: any) => {
        d.runs[1].id = 'run0';
      },
      '$.runs: two runs share one id',
    ],
    [
      'a short embedding',
      (d: any) => {
        d.runs[0].weights.embedding.pop();
      },
      '$.runs.0.weights.embedding: expected 10 rows, found 9',
    ],
    [
      'a ragged snapshot',
      (d: any) => {
        d.runs[3].snapshots[0].weights.kernel[0].push(1);
      },
      '$.runs.3.snapshots.0.weights.kernel.0: expected 1 values, found 2',
    ],
    [
      'a bad date',
      (d: any) => {
        d.createdAt = 'yesterday';
      },
      '$.createdAt:',
    ],
  ])('refuses %s with one sentence naming the path', (_what, change, expected) => {
    const message = refusal(mutate(change));
    expect(message).toContain('session.rnnlab is not a valid session: ');
    expect(message).toContain(expected);
    expect(message).not.toMatch(/\n/);
  });

  it('refuses newer versions, non-JSON, truncation, non-objects and huge numbers', () => {
    expect(
      refusal(
        mutate((d) => {
          d.version = 7;
        }),
      ),
    ).toBe('session.rnnlab was made by a newer RNN Lab (version 7)');
    expect(refusal('not json')).toMatch(/^session\.rnnlab is not a valid session: it is not JSON \(.+\)$/);
    expect(refusal(serializeSession(sampleSession()).slice(0, 500))).toMatch(/it is not JSON/);
    expect(refusal('[]')).toBe('session.rnnlab is not a valid session: $: expected a JSON object');
    expect(
      refusal(
        mutate((d) => {
          d.runs[0].weights.bias = [1];
        })
          .replace('"bias": [1]', '"bias":[1e400]')
          .replace('"bias":[1]', '"bias":[1e400]'),
      ),
    ).toContain('$.runs.0.weights.bias.0');
  });

  it('refuses files over the size limit before reading them', async () => {
    const path = join(dir, 'big.rnnlab');
    await writeFile(path, Buffer.alloc(SESSION_MAX_BYTES + 1, 32));
    await expect(readSessionFile(path)).rejects.toThrow(
      'big.rnnlab is too large (64.0 MB; session files are limited to 64 MB)',
    );
    await expect(readSessionFile(join(dir, 'missing.rnnlab'))).rejects.toMatchObject({
      code: 'not-found',
      message: 'missing.rnnlab does not exist',
    });
  });

  it('migrates old versions forward through the table', () => {
    const table = { 1: (d: Record<string, unknown>) => ({ ...d, version: 2, added: true }) };
    expect(migrate({ version: 1 }, table, 2)).toEqual({ version: 2, added: true });
    expect(() => migrate({ version: 3 }, table, 2)).toThrow('newer RNN Lab (version 3)');
  });

  it('saves atomically (no temp files left) and opening never modifies the file', async () => {
    const path = join(dir, 'a.rnnlab');
    await writeSessionFile(path, sampleSession());
    await writeSessionFile(path, sampleSession(3));
    expect(await readdir(dir)).toEqual(['a.rnnlab']);
    const before = await stat(path);
    const text = await readFile(path, 'utf8');
    const opened = await readSessionFile(path);
    expect(opened.runs[0].snapshots).toHaveLength(3);
    const after = await stat(path);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(await readFile(path, 'utf8')).toBe(text);
  });
});
