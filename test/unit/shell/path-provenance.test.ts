import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/lab/dispatch.js';
import { serializeSession } from '../../../electron/lab/sessions/session-file.js';
import { sampleSession } from '../lab/fixtures/sample-session.js';
import { documentFlow } from './scripted-dialogs.js';

/**
 * The document controller opens and saves only files the user chose in a
 * dialog, the OS handed over, or the recent list holds: a path the page makes
 * up is refused before anything is read, written or asked.
 */
describe('Electron session paths come from dialogs and the OS, never from the page', () => {
  let flow: ReturnType<typeof documentFlow>;
  let dir: string;
  const file = (name: string) => join(dir, name);
  const forbidden = {
    code: 'forbidden',
    message: expect.stringMatching(/^(Open|Save) refused: this path was not chosen in a dialog$/),
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rnnlab-provenance-'));
    flow = documentFlow();
    writeFileSync(file('existing.rnnlab'), serializeSession(sampleSession()));
  });
  afterEach(() => flow.service.close());

  it('refuses to open a made-up path, asking and reading nothing', async () => {
    await dispatch(flow.service, 'runs:addPreset', { preset: 'seed', samples: 200 }); // unsaved work: a prompt would show
    for (const path of [file('existing.rnnlab'), '/etc/passwd.rnnlab', `${dir}/sub/../existing.rnnlab`]) {
      await expect(flow.docs.open({ path }), path).rejects.toMatchObject(forbidden);
    }
    expect(flow.ui.asked).toEqual([]);
    expect(flow.service.state().runs).toHaveLength(4);
    expect(flow.service.state().session.path).toBeNull();
  });

  it('refuses to save to a made-up path, writing nothing', async () => {
    await dispatch(flow.service, 'runs:addPreset', { preset: 'seed', samples: 200 });
    const before = readFileSync(file('existing.rnnlab'), 'utf8');
    await expect(flow.docs.save({ path: file('existing.rnnlab') })).rejects.toMatchObject(forbidden);
    await expect(flow.docs.save({ path: file('new.rnnlab') })).rejects.toMatchObject(forbidden);
    await expect(flow.docs.save({ path: file('new.rnnlab'), saveAs: true })).rejects.toMatchObject(forbidden);
    expect(readFileSync(file('existing.rnnlab'), 'utf8')).toBe(before);
    expect(existsSync(file('new.rnnlab'))).toBe(false);
    expect(flow.ui.asked).toEqual([]);
    expect(flow.remembered).toEqual([]);
  });

  it('opens what the open dialog chose, and may then save it back by its path', async () => {
    flow.ui.answers.open = file('existing.rnnlab');
    const opened = await flow.docs.open();
    expect(opened.session.path).toBe(file('existing.rnnlab'));
    expect(opened.runs).toHaveLength(sampleSession().runs.length);
    // The page's Save sends the open session's own path: granted.
    await dispatch(flow.service, 'runs:addPreset', { preset: 'seed', samples: 200 });
    const saved = await flow.docs.save({ path: file('existing.rnnlab') });
    expect(saved.session.dirty).toBe(false);
    expect(JSON.parse(readFileSync(file('existing.rnnlab'), 'utf8')).runs).toHaveLength(
      sampleSession().runs.length + 4,
    );
    expect(flow.ui.asked).toEqual(['open']);
  });

  it('lets a Save As dialog path be opened again later (the Open Recent menu)', async () => {
    await dispatch(flow.service, 'runs:addPreset', { preset: 'seed', samples: 200 });
    flow.ui.answers.save = file('chosen');
    await flow.docs.save({ saveAs: true });
    await flow.docs.newSession();
    const reopened = await flow.docs.open({ path: file('chosen.rnnlab') });
    expect(reopened.session.path).toBe(file('chosen.rnnlab'));
    expect(reopened.runs).toHaveLength(4);
    expect(flow.remembered).toEqual([file('chosen.rnnlab'), file('chosen.rnnlab')]);
  });

  it('opens a path the OS handed over or the recent list holds, once granted', async () => {
    await expect(flow.docs.open({ path: file('existing.rnnlab') })).rejects.toMatchObject(forbidden);
    flow.docs.grant(file('existing.rnnlab'));
    const state = await flow.docs.open({ path: file('existing.rnnlab') });
    expect(state.session).toMatchObject({ path: file('existing.rnnlab'), dirty: false });
    // One file, however the path is spelled.
    flow.docs.grant(`${dir}/sub/../other.rnnlab`);
    writeFileSync(file('other.rnnlab'), serializeSession(sampleSession()));
    expect((await flow.docs.open({ path: file('other.rnnlab') })).session.path).toBe(file('other.rnnlab'));
  });

  it('opens and saves only .rnnlab files, whoever chose them (any letter case)', async () => {
    const bashrc = file('.bashrc');
    writeFileSync(bashrc, 'export PATH=/bin\n');
    flow.docs.grant(bashrc);
    const notSession = {
      code: 'bad-request',
      message: expect.stringMatching(/^(Open|Save) refused: only \.rnnlab session files are (opened|saved)$/),
    };
    await expect(flow.docs.open({ path: bashrc })).rejects.toMatchObject(notSession);
    flow.ui.answers.open = file('notes.txt');
    await expect(flow.docs.open()).rejects.toMatchObject(notSession);
    await expect(flow.docs.save({ path: bashrc })).rejects.toMatchObject(notSession);
    expect(readFileSync(bashrc, 'utf8')).toBe('export PATH=/bin\n');
    // A Save dialog answer without the extension gets it; an upper-case one is kept as it is.
    await dispatch(flow.service, 'runs:addPreset', { preset: 'seed', samples: 200 });
    flow.ui.answers.save = file('UPPER.RNNLAB');
    expect((await flow.docs.save({ saveAs: true })).session.path).toBe(file('UPPER.RNNLAB'));
    flow.ui.answers.open = file('UPPER.RNNLAB');
    expect((await flow.docs.open()).runs).toHaveLength(4);
  });
});
