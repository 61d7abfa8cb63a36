import { constants } from 'node:buffer';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsonTextBytes } from '../../../../electron/lab/sessions/json-text-size.js';
import { serializeSession, writeSessionFile } from '../../../../electron/lab/sessions/session-file.js';
import type { Session } from '../../../../shared/schemas/session.js';
import { SESSION_MAX_BYTES } from '../../../../shared/schemas/session.js';
import { sampleSession } from '../fixtures/sample-session.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'save-size-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const MB = 1024 * 1024;
const tooLarge = /^this session is too large to save \((\d+\.\d) MB, limit 64 MB\)$/;

/** The first sample run with `count` snapshots that all share one weights object (cheap to hold, full size as text). */
function withSnapshots(count: number, row: number[]): Session {
  const session = sampleSession();
  const run = session.runs[0];
  const weights = { ...run.snapshots[0].weights, embedding: [row] };
  const snapshots = Array.from({ length: count }, (_, step) => ({ epoch: 0, batch: 0, step, weights }));
  return { ...session, runs: [{ ...run, snapshots }, ...session.runs.slice(1)] };
}

describe('the size a session will have as a file', () => {
  it('is counted exactly without building the text', () => {
    const samples: unknown[] = [
      sampleSession(3),
      { a: undefined, b: [undefined, NaN, -0, 1e21, 1.5e-7, null], c: {}, d: [], e: [[]] },
      { 'é"\\\n': ['ü', '😀', '\u0001', '\ud800'], t: true, f: false },
      'text',
      3,
      null,
    ];
    for (const value of samples) {
      for (const indent of [0, 2]) {
        expect(jsonTextBytes(value, indent)).toBe(Buffer.byteLength(JSON.stringify(value, null, indent), 'utf8'));
      }
    }
    const session = sampleSession(2);
    expect(jsonTextBytes(session, 2) + 1).toBe(Buffer.byteLength(serializeSession(session), 'utf8'));
  });
});

describe('saving a session over the file limit', () => {
  it('is refused with one line giving its size; the file already there is left as it was', async () => {
    // ~67 MB of text: 2200 snapshots of 1000 numbers each.
    const session = withSnapshots(
      2200,
      Array.from({ length: 1000 }, (_, i) => 0.123456789 + i * 1e-9),
    );
    const bytes = jsonTextBytes(session, 2) + 1;
    expect(bytes).toBeGreaterThan(SESSION_MAX_BYTES);
    const shown = (Math.ceil((bytes / MB) * 10) / 10).toFixed(1);
    expect(() => serializeSession(session)).toThrow(
      expect.objectContaining({
        code: 'bad-file',
        message: `this session is too large to save (${shown} MB, limit 64 MB)`,
      }),
    );
    const path = join(dir, 'big.rnnlab');
    await writeFile(path, 'the previous save');
    await expect(writeSessionFile(path, session)).rejects.toMatchObject({
      code: 'bad-file',
      message: expect.stringMatching(tooLarge),
    });
    expect(await readFile(path, 'utf8')).toBe('the previous save');
    expect(await readdir(dir)).toEqual(['big.rnnlab']);
  });

  it('a session too large for one JavaScript string says how large instead of "Invalid string length"', () => {
    // 40 snapshots sharing one row of 1,000,000 zeros: ~760 MB of text (each zero on its own indented line).
    const huge = withSnapshots(
      40,
      Array.from({ length: 1_000_000 }, () => 0),
    );
    let error: unknown;
    try {
      serializeSession(huge);
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({ code: 'bad-file', message: expect.stringMatching(tooLarge) });
    // Past the longest string V8 can build: JSON.stringify would have thrown "Invalid string length" here.
    const mb = Number(tooLarge.exec((error as Error).message)![1]);
    expect(mb * MB).toBeGreaterThan(constants.MAX_STRING_LENGTH);
  });
});
