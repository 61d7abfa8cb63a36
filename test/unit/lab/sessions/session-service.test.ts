import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../../electron/lab/dispatch.js';
import { LabService } from '../../../../electron/lab/lab-service.js';
import { serializeSession } from '../../../../electron/lab/sessions/session-file.js';
import { fakeFactory, finishAfter } from '../fixtures/fake-workers.js';
import { smallConfig } from '../fixtures/fake-result.js';
import { sampleSession } from '../fixtures/sample-session.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lab-sessions-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const factory = () => fakeFactory(() => finishAfter(5)).factory;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sessions through the service', () => {
  it('Electron policy: save to an absolute path, reopen in a fresh service, same state', async () => {
    const a = new LabService({ workerFactory: factory(), host: 'electron', paths: { kind: 'absolute' } });
    await a.handle('runs:addPreset', { preset: 'seed', samples: 200 });
    await a.handle('runs:train', {});
    await a.handle('view:set', { layout: 'overlay' });
    const path = join(dir, 'exp.rnnlab');
    const saved = await a.handle('session:save', { path });
    expect(saved.session).toEqual({ path, title: 'exp.rnnlab', dirty: false, notices: [] });
    const b = new LabService({ workerFactory: factory(), host: 'electron', paths: { kind: 'absolute' } });
    const opened = await b.handle('session:open', { path });
    expect(opened.runs).toEqual(a.state().runs);
    expect(opened.view).toEqual(a.state().view);
    expect(opened.session).toEqual(saved.session);
    // Save without a path goes back to the same file.
    await b.handle('runs:update', { id: opened.runs[0].id, note: 'looked at it' });
    expect(b.state().session.dirty).toBe(true);
    await b.handle('session:save', {});
    expect(JSON.parse(await readFile(path, 'utf8')).runs[0].note).toBe('looked at it');
  });

  it('browser policy: names inside the sessions folder only, .rnnlab forced, listed newest first', async () => {
    const lab = new LabService({ workerFactory: factory(), host: 'browser', paths: { kind: 'folder', dir } });
    await lab.handle('runs:add', { name: 'A', config: smallConfig(0) });
    for (const bad of ['../escape', '/etc/passwd', 'a/b', '..', '.hidden', 'C:evil']) {
      const reply = await dispatch(lab, 'session:save', { path: bad });
      expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    const first = await lab.handle('session:save', { path: 'first' });
    expect(first.session).toMatchObject({ path: 'first.rnnlab', title: 'first.rnnlab' });
    await wait(20);
    await lab.handle('session:save', { path: 'second.rnnlab' });
    expect((await lab.handle('session:list', {})).map((e) => e.name)).toEqual(['second.rnnlab', 'first.rnnlab']);
    expect(await readdir(dir)).toHaveLength(2);
    const reopened = await lab.handle('session:open', { path: 'first.rnnlab' });
    expect(reopened.runs).toHaveLength(1);
    await expect(lab.handle('session:open', { path: 'nope' })).rejects.toMatchObject({
      code: 'not-found',
      message: 'nope.rnnlab does not exist',
    });
  });

  it('opens uploaded text, refuses a bad one whole, and serializes for download', async () => {
    const lab = new LabService({ workerFactory: factory(), host: 'browser', paths: { kind: 'folder', dir } });
    const state = await lab.handle('session:openText', {
      name: 'mine.rnnlab',
      text: serializeSession(sampleSession()),
    });
    expect(state.runs).toHaveLength(5);
    expect(state.session).toEqual({ path: null, title: 'mine.rnnlab', dirty: false, notices: [] });
    const broken = serializeSession(sampleSession()).replace('"loss": 0.1', '"loss": "NaN"');
    await expect(lab.handle('session:openText', { name: 'bad.rnnlab', text: broken })).rejects.toMatchObject({
      code: 'bad-file',
      message: 'bad.rnnlab is not a valid session: $.runs.0.history.0.loss: expected number, received string',
    });
    expect(lab.state().runs).toHaveLength(5); // nothing half-loaded
    // A picked file's name is shown, never obeyed: its right-to-left override comes back escaped, in the error and the title.
    await expect(
      lab.handle('session:openText', { name: 'evil\u202Enlabbr.rnnlab', text: broken }),
    ).rejects.toMatchObject({
      message:
        'evil\\u202enlabbr.rnnlab is not a valid session: $.runs.0.history.0.loss: expected number, received string',
    });
    const titled = await lab.handle('session:openText', {
      name: 'x\u001b[2J.rnnlab',
      text: serializeSession(sampleSession()),
    });
    expect(titled.session.title).toBe('x\\u001b[2J.rnnlab');
    await lab.handle('session:openText', { name: 'mine.rnnlab', text: serializeSession(sampleSession()) });
    const { name, text } = await lab.handle('session:serialize', {});
    expect(name).toBe('mine.rnnlab');
    expect(JSON.parse(text).runs).toHaveLength(5);
  });

  it('loads a run saved as training or queued as idle, without partial results', async () => {
    const session = sampleSession();
    session.runs[0] = { ...session.runs[0], status: 'training' };
    session.runs[1] = { ...session.runs[1], status: 'queued' };
    const lab = new LabService({ workerFactory: factory(), host: 'browser', paths: { kind: 'folder', dir } });
    const state = await lab.handle('session:openText', { name: 'mid.rnnlab', text: serializeSession(session) });
    expect(state.runs.map((r) => r.status)).toEqual(['idle', 'idle', 'done', 'done', 'idle']);
    expect(state.runs[0]).toMatchObject({ id: 'run0', note: 'note 0', history: [], snapshots: [] });
    expect(state.runs[0].weights).toBeUndefined();
    expect(state.runs[2].weights).toEqual(session.runs[2].weights);
  });

  it('keeps a recovery copy while dirty, offers it to the next start, deletes it on save', async () => {
    const recoveryDir = join(dir, 'recovery');
    const a = new LabService({
      workerFactory: factory(),
      host: 'electron',
      paths: { kind: 'absolute' },
      recoveryDir,
      recoveryDelayMs: 20,
    });
    await a.handle('runs:add', { name: 'Unsaved', config: smallConfig(2) });
    await vi.waitFor(async () => expect(await readdir(recoveryDir).catch(() => [])).toHaveLength(1));
    await a.close(); // the "crash": the process goes away without saving
    const b = new LabService({
      workerFactory: factory(),
      host: 'electron',
      paths: { kind: 'absolute' },
      recoveryDir,
      recoveryDelayMs: 20,
    });
    const offer = await b.recovery();
    expect(offer.copies).toMatchObject([{ runs: 1, runNames: ['Unsaved'] }]);
    const restored = await b.restoreRecovery(offer.copies[0].id);
    expect(restored.runs.map((r) => r.name)).toEqual(['Unsaved']);
    expect(restored.session).toEqual({ path: null, title: 'Untitled', dirty: true, notices: [] });
    await b.handle('session:save', { path: join(dir, 'kept.rnnlab') });
    await vi.waitFor(async () => expect(await readdir(recoveryDir)).toEqual([]));
    expect(await b.recovery()).toEqual({ copies: [], damaged: [] });
    expect((await readdir(dir)).sort()).toEqual(['kept.rnnlab', 'recovery']);
  });

  it('saving while a run trains stores that run untrained, then the finished run makes the session dirty', async () => {
    const lab = new LabService({
      workerFactory: fakeFactory(() => finishAfter(150)).factory,
      host: 'electron',
      paths: { kind: 'absolute' },
    });
    const run = await lab.handle('runs:add', { name: 'A', config: smallConfig(0) });
    const training = lab.handle('runs:train', { ids: [run.id] });
    await wait(30);
    const path = join(dir, 'mid.rnnlab');
    await lab.handle('session:save', { path });
    const saved = JSON.parse(await readFile(path, 'utf8'));
    expect(saved.runs[0]).toMatchObject({ id: run.id, status: 'idle', history: [] });
    expect(saved.runs[0].weights).toBeUndefined();
    expect(lab.state().session.dirty).toBe(false);
    await training;
    expect(lab.state().session.dirty).toBe(true);
    expect(lab.state().runs[0].status).toBe('done');
  });

  it('does not offer a corrupt recovery copy for restore', async () => {
    const legacyRecoveryFile = join(dir, 'recovery.rnnlab');
    await writeFile(legacyRecoveryFile, '{"format":"rnn-lab-session"');
    const lab = new LabService({
      workerFactory: factory(),
      host: 'electron',
      paths: { kind: 'absolute' },
      recoveryDir: join(dir, 'recovery'),
      legacyRecoveryFile,
    });
    const offer = await lab.recovery();
    expect(offer.copies).toEqual([]);
    expect(offer.damaged).toHaveLength(1);
    await expect(lab.restoreRecovery(offer.damaged[0].id)).rejects.toMatchObject({ code: 'bad-file' });
  });
});
