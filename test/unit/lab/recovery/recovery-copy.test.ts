import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RecoveryCopy } from '../../../../electron/lab/recovery/recovery-copy.js';
import { sampleSession } from '../fixtures/sample-session.js';

describe('RecoveryCopy under a steady stream of changes', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rnn-lab-copy-'));
  });
  afterEach(async () => {
    vi.useRealTimers();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes delayMs after the first change even while changes keep coming, with the newest state', async () => {
    vi.useFakeTimers();
    const path = join(dir, 'copy.rnnlab');
    const outcomes: boolean[] = [];
    const copy = new RecoveryCopy(path, 2000, (o) => outcomes.push(o.ok));
    const session = sampleSession();
    let note = 0;
    const snapshot = () => ({
      ...session,
      runs: session.runs.map((r, i) => (i ? r : { ...r, note: `change ${note}` })),
    });
    // A change every 500 ms (a sweep's progress) for 2.5 s: never 2 s of quiet, yet a copy must be written.
    for (let t = 0; t < 5; t++) {
      note = t;
      copy.schedule(snapshot, () => true);
      await vi.advanceTimersByTimeAsync(500);
    }
    await copy.idle();
    expect(outcomes).toEqual([true]);
    const written = JSON.parse(await readFile(path, 'utf8')) as { runs: Array<{ note: string }> };
    // Taken when the write ran (at 2 s or just after): the changes made by then are in it.
    expect(written.runs[0].note).toMatch(/^change [3-4]$/);
  });
});
