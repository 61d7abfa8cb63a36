import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/lab/dispatch.js';
import { LabService } from '../../../../electron/lab/lab-service.js';
import { fakeFactory, finishAfter } from '../fixtures/fake-workers.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lab-paths-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const workerFactory = () => fakeFactory(() => finishAfter(5)).factory;

describe('where sessions may be is an option of its own, not implied by the host', () => {
  it('the command line reports itself as such and saves to the absolute path it was given', async () => {
    const lab = new LabService({ workerFactory: workerFactory(), host: 'cli', paths: { kind: 'absolute' } });
    expect(await lab.handle('app:info', {})).toMatchObject({ host: 'cli' });
    const path = join(dir, 'out.rnnlab');
    expect((await lab.handle('session:save', { path })).session).toEqual({
      path,
      title: 'out.rnnlab',
      dirty: false,
      notices: [],
    });
    await lab.close();
  });

  it('a folder policy refuses an absolute path, whichever host runs it', async () => {
    const lab = new LabService({ workerFactory: workerFactory(), host: 'electron', paths: { kind: 'folder', dir } });
    const reply = await dispatch(lab, 'session:save', { path: join(dir, 'x.rnnlab') });
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const saved = await lab.handle('session:save', { path: 'x' });
    expect(saved.session).toEqual({ path: 'x.rnnlab', title: 'x.rnnlab', dirty: false, notices: [] });
    await lab.close();
  });
});
