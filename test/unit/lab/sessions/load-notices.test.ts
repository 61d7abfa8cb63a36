import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LabService } from '../../../../electron/lab/lab-service.js';
import { fakeFactory, finishAfter } from '../fixtures/fake-workers.js';
import { SESSION_VERSION } from '../../../../shared/schemas/session.js';

/** A version-2 file whose multi-unit run the 2→3 migration had to clear: the page is told, once, in the lab state. */
const FIXTURE = join(__dirname, '..', 'fixtures', 'v2-units.rnnlab');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lab-notices-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const service = () =>
  new LabService({
    workerFactory: fakeFactory(() => finishAfter(5)).factory,
    host: 'browser',
    paths: { kind: 'folder', dir },
  });

describe('what opening a file changed reaches the page', () => {
  it('opened from the sessions folder: one line naming the file and the cleared run; gone once saved', async () => {
    await copyFile(FIXTURE, join(dir, 'old.rnnlab'));
    const lab = service();
    const opened = await lab.handle('session:open', { path: 'old.rnnlab' });
    expect(opened.session.notices).toHaveLength(1);
    expect(opened.session.notices[0]).toMatch(/^old\.rnnlab: .*cleared/);
    expect(opened.runs.every((r) => r.status === 'idle')).toBe(true);
    const saved = await lab.handle('session:save', {});
    expect(saved.session.notices).toEqual([]);
    expect(JSON.parse(await readFile(join(dir, 'old.rnnlab'), 'utf8')).version).toBe(SESSION_VERSION);
    const reopened = await service().handle('session:open', { path: 'old.rnnlab' });
    expect(reopened.session.notices).toEqual([]);
  });

  it('uploaded text says the same; a current file says nothing', async () => {
    const lab = service();
    const text = await readFile(FIXTURE, 'utf8');
    const state = await lab.handle('session:openText', { name: 'dropped.rnnlab', text });
    expect(state.session.notices).toEqual([expect.stringMatching(/^dropped\.rnnlab: .*cleared/)]);
    const fresh = await lab.handle('session:new', {});
    expect(fresh.session.notices).toEqual([]);
  });
});
