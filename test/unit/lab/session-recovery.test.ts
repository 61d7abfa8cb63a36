import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invokeContract, type InvokeChannel, type InvokeResponse } from '../../../shared/contract.js';
import { dispatch } from '../../../electron/lab/dispatch.js';
import { LabService } from '../../../electron/lab/lab-service.js';
import { fakeFactory, finishAfter } from './fixtures/fake-workers.js';
import { smallConfig } from './fixtures/fake-result.js';

let dir: string;
let recoveryPath: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lab-recovery-'));
  recoveryPath = join(dir, 'recovery.rnnlab');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const browserLab = () =>
  new LabService({ workerFactory: fakeFactory(() => finishAfter(5)).factory, host: 'browser', sessionsDir: join(dir, 'sessions'), recoveryPath, recoveryDelayMs: 20 });

/** A process that trained one run and added another, then went away without saving. */
async function crashedWithWork(): Promise<LabService> {
  const a = browserLab();
  const trained = await a.handle('runs:add', { name: 'Trained', config: smallConfig(0) });
  await a.handle('runs:train', { ids: [trained.id] });
  await a.handle('runs:add', { name: 'Untrained', config: smallConfig(1) });
  await wait(80);
  await a.close();
  return a;
}

async function ok<C extends InvokeChannel>(lab: LabService, channel: C): Promise<InvokeResponse<C>> {
  const reply = await dispatch(lab, channel, {});
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.message}`);
  // What crosses the wire must match the contract's response schema.
  return invokeContract[channel].response.parse(reply.result) as InvokeResponse<C>;
}

describe('recovery through the contract channels', () => {
  it('offers the copy a previous process left, restores it with the same runs and numbers, then offers nothing', async () => {
    const a = await crashedWithWork();
    const b = browserLab();
    const offer = await ok(b, 'session:recovery');
    expect(offer).toMatchObject({ runs: 2 });
    expect(Date.now() - Date.parse(offer!.savedAt)).toBeLessThan(60_000);

    // Working before deciding must not overwrite the offered copy.
    await b.handle('runs:add', { name: 'New work', config: smallConfig(2) });
    await wait(80);
    expect(JSON.parse(await readFile(recoveryPath, 'utf8')).runs.map((r: { name: string }) => r.name)).toEqual(['Trained', 'Untrained']);

    const restored = await ok(b, 'session:restoreRecovery');
    expect(restored.runs).toEqual(a.state().runs);
    expect(restored.runs.map((r) => r.status)).toEqual(['done', 'idle']);
    expect(restored.session).toEqual({ path: null, title: 'Untitled', dirty: true });
    expect(await ok(b, 'session:recovery')).toBeNull();
    // A reload of the page must not offer the restored work again, though it is copied again while unsaved.
    await wait(80);
    expect(existsSync(recoveryPath)).toBe(true);
    expect(await ok(b, 'session:recovery')).toBeNull();
    await b.close();
  });

  it('discards the offered copy; unsaved work of this process gets its own copy afterwards', async () => {
    await crashedWithWork();
    const b = browserLab();
    await b.handle('runs:add', { name: 'Kept', config: smallConfig(3) });
    expect(await ok(b, 'session:discardRecovery')).toEqual({ ok: true });
    expect(await ok(b, 'session:recovery')).toBeNull();
    await wait(80);
    const copy = JSON.parse(await readFile(recoveryPath, 'utf8'));
    expect(copy.runs.map((r: { name: string }) => r.name)).toEqual(['Kept']);
    // Saving ends the need for a copy.
    await b.handle('session:save', { path: 'kept' });
    await wait(40);
    expect(existsSync(recoveryPath)).toBe(false);
    await b.close();
  });

  it('opening a session while the offer stands leaves the offered copy alone', async () => {
    await crashedWithWork();
    const b = browserLab();
    await b.handle('runs:add', { name: 'Other', config: smallConfig(3) });
    await b.handle('session:save', { path: 'other' });
    await b.handle('session:new', {});
    expect(await ok(b, 'session:recovery')).toMatchObject({ runs: 2 });
    expect(existsSync(recoveryPath)).toBe(true);
    await b.close();
  });

  it('without a copy: nothing is offered and restore is a clear not-found error', async () => {
    const b = browserLab();
    expect(await ok(b, 'session:recovery')).toBeNull();
    expect(await dispatch(b, 'session:restoreRecovery', {})).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'there is no recovery copy to restore' },
    });
    await b.handle('runs:add', { name: 'Fresh', config: smallConfig(0) });
    await wait(80);
    // This process's own copy exists now, but it is never offered back to the same process.
    expect(existsSync(recoveryPath)).toBe(true);
    expect(await ok(b, 'session:recovery')).toBeNull();
    await b.close();
  });
});
