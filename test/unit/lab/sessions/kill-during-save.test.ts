import { spawn } from 'node:child_process';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSessionFile, writeSessionFile } from '../../../../electron/lab/sessions/session-file.js';
import { sampleSession } from '../fixtures/sample-session.js';

/**
 * A child process saves large sessions over one file in a loop and is killed
 * with SIGKILL at random moments. After every kill the file must open as one
 * of the two complete sessions — never a mix, never truncated.
 */
const SNAPSHOTS = 250; // ≈ 2 MB per file, so kills land mid-write
const KILLS = 20;
const work = join(process.cwd(), '.tmp', `kill-save-${process.pid}`);
const child = join(work, 'save-loop.mjs');
const target = join(work, 'session.rnnlab');

beforeAll(async () => {
  await mkdir(work, { recursive: true });
  await build({
    entryPoints: ['test/unit/lab/fixtures/save-loop.ts'],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function saveAndKill(delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, target, String(SNAPSHOTS)], { stdio: ['ignore', 'pipe', 'inherit'] });
    proc.stdout.once('data', () => setTimeout(() => proc.kill('SIGKILL'), delayMs));
    proc.once('error', reject);
    proc.once('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended on its own (${signal})`)),
    );
  });
}

describe('kill during save', () => {
  it(`leaves the old or the new session after ${KILLS} SIGKILLs at random moments`, async () => {
    const versions = [sampleSession(SNAPSHOTS), sampleSession(SNAPSHOTS + 1)];
    await writeSessionFile(target, versions[0]);
    const seen = new Set<number>();
    let midWrite = 0;
    for (let i = 0; i < KILLS; i++) {
      await saveAndKill(Math.floor(Math.random() * 400));
      if ((await readdir(work)).some((n) => n.endsWith('.tmp'))) midWrite++; // this kill interrupted a write
      const opened = await readSessionFile(target);
      const which = opened.runs[0].snapshots.length - SNAPSHOTS;
      expect([0, 1]).toContain(which);
      expect(opened.runs).toEqual(versions[which].runs);
      seen.add(which);
    }
    // Temp files of killed saves may remain; they never replace the session itself.
    const names = await readdir(work);
    expect(names.filter((n) => !n.endsWith('.tmp')).sort()).toEqual(['save-loop.mjs', 'session.rnnlab']);
    // The next successful save removes the orphans of dead processes.
    await writeSessionFile(target, versions[0]);
    expect((await readdir(work)).sort()).toEqual(['save-loop.mjs', 'session.rnnlab']);
    console.log(`kills: ${KILLS}, versions seen: ${[...seen]}, kills that interrupted a write: ${midWrite}`);
    expect(seen.size).toBeGreaterThan(0);
  });
});
