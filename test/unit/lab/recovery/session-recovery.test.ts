import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  invokeContract,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
  type LabState,
} from '../../../../shared/contract.js';
import { LabError } from '../../../../shared/errors.js';
import { dispatch } from '../../../../electron/lab/dispatch.js';
import { LabService, type LabServiceOptions } from '../../../../electron/lab/lab-service.js';
import { recoveryFailureReason } from '../../../../electron/lab/recovery/recovery-reason.js';
import { parseSession, serializeSession } from '../../../../electron/lab/sessions/session-file.js';
import { fakeFactory, finishAfter } from '../fixtures/fake-workers.js';
import { smallConfig } from '../fixtures/fake-result.js';
import { sampleSession } from '../fixtures/sample-session.js';

let dir: string;
let recoveryDir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lab-recovery-'));
  recoveryDir = join(dir, 'recovery');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const browserLab = (extra: Partial<LabServiceOptions> = {}) =>
  new LabService({
    workerFactory: fakeFactory(() => finishAfter(5)).factory,
    host: 'browser',
    paths: { kind: 'folder', dir: join(dir, 'sessions') },
    recoveryDir,
    recoveryDelayMs: 20,
    ...extra,
  });

/** The copies on disk: file name → run names (damaged files → null). */
async function onDisk(): Promise<Map<string, string[] | null>> {
  const names = (await readdir(recoveryDir).catch(() => [] as string[])).filter((n) => n.endsWith('.rnnlab')).sort();
  const copies = new Map<string, string[] | null>();
  for (const name of names) {
    try {
      copies.set(
        name,
        JSON.parse(await readFile(join(recoveryDir, name), 'utf8')).runs.map((r: { name: string }) => r.name),
      );
    } catch {
      copies.set(name, null);
    }
  }
  return copies;
}

/** The runs of every valid copy on disk. */
async function copiesOnDisk(): Promise<unknown[]> {
  const names = (await readdir(recoveryDir).catch(() => [] as string[])).filter((n) => n.endsWith('.rnnlab'));
  const texts = await Promise.all(names.map((n) => readFile(join(recoveryDir, n), 'utf8').catch(() => '')));
  return texts.flatMap((t) => {
    try {
      return [parseSession(t, 'copy').runs];
    } catch {
      return [];
    }
  });
}

/** Waits until some copy on disk holds exactly these runs (the debounced write has landed). */
async function copied(runNames: string[]): Promise<void> {
  await vi.waitFor(async () => expect([...(await onDisk()).values()]).toContainEqual(runNames), {
    timeout: 5_000,
    interval: 10,
  });
}

/** A process that trained runs, then went away without saving (its copy stays on disk). */
async function crashedWith(names: string[], first = 0): Promise<LabState> {
  const lab = browserLab();
  for (const [i, name] of names.entries()) await lab.handle('runs:add', { name, config: smallConfig(first + i) });
  await lab.handle('runs:train', { ids: [lab.state().runs[0].id] });
  const state = lab.state();
  // The copy must hold the finished run, not an earlier write.
  await vi.waitFor(async () => expect(await copiesOnDisk()).toContainEqual(state.runs), {
    timeout: 5_000,
    interval: 10,
  });
  await lab.close();
  return state;
}

async function ok<C extends InvokeChannel>(
  lab: LabService,
  channel: C,
  request: InvokeRequest<C>,
): Promise<InvokeResponse<C>> {
  const reply = await dispatch(lab, channel, request);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.message}`);
  // What crosses the wire must match the contract's response schema.
  return invokeContract[channel].response.parse(reply.result) as InvokeResponse<C>;
}

describe('recovery copies through the contract channels', () => {
  it('offers the copy a previous process left and restores it with the same runs and numbers; new work gets its own copy meanwhile', async () => {
    const before = await crashedWith(['Trained', 'Untrained']);
    const b = browserLab();
    const offer = await ok(b, 'session:recovery', {});
    expect(offer.damaged).toEqual([]);
    expect(offer.copies).toHaveLength(1);
    expect(offer.copies[0]).toMatchObject({ runs: 2, runNames: ['Trained', 'Untrained'] });
    expect(Date.now() - Date.parse(offer.copies[0].savedAt)).toBeLessThan(60_000);

    // Working before deciding writes this process's own copy and leaves the offered one as it was.
    await b.handle('runs:add', { name: 'New work', config: smallConfig(2) });
    await copied(['New work']);
    expect([...(await onDisk()).values()]).toContainEqual(['Trained', 'Untrained']);
    expect((await ok(b, 'session:recovery', {})).copies.map((c) => c.id)).toEqual([offer.copies[0].id]);

    const restored = await ok(b, 'session:restoreRecovery', { id: offer.copies[0].id });
    expect(restored.runs).toEqual(before.runs);
    expect(restored.runs.map((r) => r.status)).toEqual(['done', 'idle']);
    expect(restored.session).toEqual({ path: null, title: 'Untitled', dirty: true, notices: [] });
    // The work open before the restore was unsaved: its copy stays, offered in turn.
    const after = await ok(b, 'session:recovery', {});
    expect(after.copies.map((c) => c.runNames)).toEqual([['New work']]);
    expect(after.copies[0].id).not.toBe(offer.copies[0].id);
    await b.close();
  });

  it('two leftovers and unsaved work: nothing is deleted until the user decides, then only what was decided', async () => {
    await crashedWith(['Older A'], 0);
    await crashedWith(['Newer B'], 1);
    const c = browserLab();
    await c.handle('runs:add', { name: 'Current C', config: smallConfig(2) });
    await copied(['Current C']);

    // Newest first; the page can tell them apart by time and names.
    const offer = await ok(c, 'session:recovery', {});
    expect(offer.copies.map((x) => x.runNames)).toEqual([['Newer B'], ['Older A']]);
    expect(Date.parse(offer.copies[0].savedAt)).toBeGreaterThanOrEqual(Date.parse(offer.copies[1].savedAt));
    const [b, a] = offer.copies as [(typeof offer.copies)[0], (typeof offer.copies)[0]];
    expect([...(await onDisk()).values()].sort()).toEqual([['Current C'], ['Newer B'], ['Older A']]);

    // Discarding one leaves the other and the current work's copy.
    expect(await ok(c, 'session:discardRecovery', { id: b.id })).toEqual({ ok: true });
    expect([...(await onDisk()).values()].sort()).toEqual([['Current C'], ['Older A']]);
    expect((await ok(c, 'session:recovery', {})).copies.map((x) => x.id)).toEqual([a.id]);

    // Restoring the other keeps the current work on disk and offers it.
    const restored = await ok(c, 'session:restoreRecovery', { id: a.id });
    expect(restored.runs.map((r) => r.name)).toEqual(['Older A']);
    expect((await ok(c, 'session:recovery', {})).copies.map((x) => x.runNames)).toEqual([['Current C']]);
    expect([...(await onDisk()).values()].sort()).toEqual([['Current C'], ['Older A']]);

    // Saving the restored work deletes its copy (now this process's own) and nothing else.
    await c.handle('session:save', { path: 'kept' });
    await vi.waitFor(async () => expect([...(await onDisk()).values()]).toEqual([['Current C']]));
    expect((await ok(c, 'session:recovery', {})).copies.map((x) => x.runNames)).toEqual([['Current C']]);
    await c.close();
  });

  it('restoring while the current work was never copied yet writes it first, so it is offered with its runs', async () => {
    await crashedWith(['Left']);
    // A long quiet spell: no copy of the current work exists when the restore comes.
    const b = browserLab({ recoveryDelayMs: 60_000 });
    await b.handle('runs:add', { name: 'Fresh edit', config: smallConfig(3) });
    expect([...(await onDisk()).values()]).toEqual([['Left']]);
    const [left] = (await b.recovery()).copies;
    await b.restoreRecovery(left.id);
    expect((await b.recovery()).copies.map((x) => x.runNames)).toEqual([['Fresh edit']]);
    // A reload of the page does not offer the restored work again.
    expect((await b.recovery()).copies.some((x) => x.id === left.id)).toBe(false);
    await b.close();
  });

  it('restore and discard take an id from the listing only: paths, own and unknown ids are refused with one line', async () => {
    await crashedWith(['Left']);
    const b = browserLab();
    await b.handle('runs:add', { name: 'Mine', config: smallConfig(1) });
    await copied(['Mine']);
    const ownFile = [...(await onDisk()).entries()].find(([, names]) => names?.[0] === 'Mine')![0];
    const ownId = ownFile.replace(/\.rnnlab$/, '');

    for (const id of ['../sessions/kept', '/etc/passwd', 'recovery', `${ownId}.rnnlab`]) {
      const reply = await dispatch(b, 'session:restoreRecovery', { id });
      expect(reply).toEqual({
        ok: false,
        error: {
          code: 'bad-request',
          message:
            'session:restoreRecovery request is invalid at $.id: expected a recovery copy id from session:recovery',
        },
      });
    }
    expect(await dispatch(b, 'session:restoreRecovery', { id: ownId })).toEqual({
      ok: false,
      error: { code: 'not-found', message: `there is no recovery copy ${ownId} to restore` },
    });
    expect(await dispatch(b, 'session:discardRecovery', { id: '20200101T000000Z-00000000' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'there is no recovery copy 20200101T000000Z-00000000 to discard' },
    });
    // Nothing was touched by the refused calls.
    expect([...(await onDisk()).values()].sort()).toEqual([['Left'], ['Mine']]);
    await b.close();
  });

  it('a copy that does not validate is listed as damaged, never restored, and kept until the user discards it', async () => {
    await mkdir(recoveryDir, { recursive: true });
    const id = '20240102T030405Z-0123abcd';
    const file = join(recoveryDir, `${id}.rnnlab`);
    await writeFile(file, '{"format":"rnn-lab-session"');
    // Files that are not copies (the atomic writer's temporaries, strays) are ignored.
    await writeFile(join(recoveryDir, `.${id}.rnnlab.123.abcdef01.tmp`), 'partial');
    await writeFile(join(recoveryDir, 'notes.rnnlab'), 'x');
    const lab = browserLab();
    const offer = await ok(lab, 'session:recovery', {});
    expect(offer.copies).toEqual([]);
    expect(offer.damaged).toEqual([
      {
        id,
        savedAt: (await stat(file)).mtime.toISOString(),
        reason: expect.stringMatching(/^the recovery copy is not a valid session: it is not JSON/),
      },
    ]);
    const reply = await dispatch(lab, 'session:restoreRecovery', { id });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'bad-file', message: expect.stringMatching(/^the recovery copy is not a valid session: /) },
    });
    expect(existsSync(file)).toBe(true);
    expect(lab.state().runs).toEqual([]);
    expect(await ok(lab, 'session:discardRecovery', { id })).toEqual({ ok: true });
    expect(existsSync(file)).toBe(false);
    expect(await ok(lab, 'session:recovery', {})).toEqual({ copies: [], damaged: [] });
    await lab.close();
  });

  it('moves the single copy older versions kept into the folder, with its time, and offers it', async () => {
    const legacy = join(dir, 'recovery.rnnlab');
    const session = sampleSession();
    await writeFile(legacy, serializeSession(session));
    const then = new Date('2024-05-06T07:08:09Z');
    await utimes(legacy, then, then);
    const lab = browserLab({ legacyRecoveryFile: legacy });
    const offer = await lab.recovery();
    expect(offer.copies).toEqual([
      {
        id: expect.stringMatching(/^20240506T070809Z-[0-9a-f]{8}$/),
        savedAt: then.toISOString(),
        runs: session.runs.length,
        runNames: session.runs.slice(0, 3).map((r) => r.name),
      },
    ]);
    expect(existsSync(legacy)).toBe(false);
    const restored = await lab.restoreRecovery(offer.copies[0].id);
    expect(restored.runs.map((r) => r.id)).toEqual(session.runs.map((r) => r.id));
    await lab.close();
  });

  it('without a recovery folder: nothing is offered and restore is a clear not-found error', async () => {
    const lab = new LabService({
      workerFactory: fakeFactory(() => finishAfter(5)).factory,
      host: 'browser',
      paths: { kind: 'folder', dir: join(dir, 'sessions') },
    });
    expect(await ok(lab, 'session:recovery', {})).toEqual({ copies: [], damaged: [] });
    expect(await dispatch(lab, 'session:restoreRecovery', { id: '20200101T000000Z-00000000' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'there is no recovery copy 20200101T000000Z-00000000 to restore' },
    });
    await lab.close();
  });
});

describe('a recovery write that fails is shown, never swallowed', () => {
  it('carries the reason in the lab state until a later write succeeds, and tells the host once', async () => {
    // A file where the folder should be: every write fails (as a full disk or a read-only folder would).
    await writeFile(recoveryDir, 'in the way');
    const logged: [string, string][] = [];
    const lab = browserLab({ onRecoveryError: (reason, detail) => logged.push([reason, detail]) });
    const pushed: (string | null)[] = [];
    lab.subscribe((event, payload) => {
      if (event === 'recovery:changed') pushed.push(payload.error);
    });
    expect(lab.state().recoveryError).toBeUndefined();

    await lab.handle('runs:add', { name: 'Unprotected', config: smallConfig(0) });
    const reason = 'a file stands where a folder should be';
    await vi.waitFor(() => expect(lab.state().recoveryError).toBe(reason));
    expect(pushed.at(-1)).toBe(reason);
    expect((await ok(lab, 'lab:state', {})).recoveryError).toBe(reason);
    // A second failed write: still shown, logged only once, with the detail the log needs.
    await lab.handle('runs:add', { name: 'Still unprotected', config: smallConfig(1) });
    await new Promise((r) => setTimeout(r, 100));
    expect(lab.state().recoveryError).toBe(reason);
    expect(logged).toEqual([[reason, expect.stringContaining(recoveryDir)]]);

    // The way is cleared: the next copy succeeds and the warning goes.
    await rm(recoveryDir);
    await lab.handle('runs:add', { name: 'Protected again', config: smallConfig(2) });
    await copied(['Unprotected', 'Still unprotected', 'Protected again']);
    await vi.waitFor(() => expect(lab.state().recoveryError).toBeUndefined());
    expect(pushed).toEqual([reason, null]);
    await lab.close();
  });

  it('a restore whose current work cannot be copied is refused and replaces nothing', async () => {
    await crashedWith(['Left']);
    const b = browserLab();
    await b.handle('runs:add', { name: 'Precious', config: smallConfig(1) });
    await copied(['Precious']);
    // This process's copy can no longer be replaced: a non-empty folder took its name.
    const own = [...(await onDisk()).entries()].find(([, names]) => names?.[0] === 'Precious')![0];
    await rm(join(recoveryDir, own));
    await mkdir(join(recoveryDir, own, 'blocker'), { recursive: true });
    const [left] = (await b.recovery()).copies;
    expect(await dispatch(b, 'session:restoreRecovery', { id: left.id })).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: 'the unsaved work open now could not be copied (a folder has that name), so it was not replaced',
      },
    });
    expect(b.state().runs.map((r) => r.name)).toEqual(['Precious']);
    expect(b.state().recoveryError).toBe('a folder has that name');
    expect((await b.recovery()).copies.map((c) => c.id)).toEqual([left.id]);
    await b.close();
  });

  it('names the cause in one line, without paths or errno text', () => {
    const errno = (code: string) =>
      Object.assign(new Error(`${code}: failed, open '/home/u/.local/share/rnn-lab/recovery/x.rnnlab'`), { code });
    expect(recoveryFailureReason(errno('ENOSPC'))).toBe('disk full');
    expect(recoveryFailureReason(errno('EACCES'))).toBe('permission denied');
    expect(recoveryFailureReason(errno('EROFS'))).toBe('read-only disk');
    expect(recoveryFailureReason(new RangeError('Invalid string length'))).toBe('the session is too large to copy');
    expect(recoveryFailureReason(new LabError('bad-file', 'too large to save (70.0 MB, limit 64 MB)'))).toBe(
      'too large to save (70.0 MB, limit 64 MB)',
    );
    expect(recoveryFailureReason(errno('EXDEV'))).toBe('file system error');
  });
});
