import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LabService } from '../../../electron/lab/lab-service.js';
import { dispatch } from '../../../electron/lab/dispatch.js';
import type { DocumentController } from '../../../electron/main/document-controller.js';
import { documentFlow } from './scripted-dialogs.js';

/**
 * The Electron host's document flow over the real lab service, with the OS
 * dialogs replaced by scripted answers (the only Electron part).
 */
describe('Electron document flow', () => {
  let service: LabService;
  let docs: DocumentController;
  let ui: ReturnType<typeof documentFlow>['ui'];
  let remembered: string[];
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rnnlab-docs-'));
    ({ service, docs, ui, remembered } = documentFlow());
  });
  afterEach(() => service.close());

  const addRuns = () => dispatch(service, 'runs:addPreset', { preset: 'seed', samples: 200 });

  it('asks where to save the first time, then saves in place', async () => {
    await addRuns();
    ui.answers.save = join(dir, 'first');
    const state = await docs.save();
    expect(ui.asked).toEqual(['save:Untitled.rnnlab']);
    expect(state.session).toMatchObject({ path: join(dir, 'first.rnnlab'), title: 'first.rnnlab', dirty: false });
    expect(existsSync(join(dir, 'first.rnnlab'))).toBe(true);
    await docs.save();
    expect(ui.asked).toHaveLength(1);
    ui.answers.save = join(dir, 'second.rnnlab');
    await docs.save({ saveAs: true });
    expect(ui.asked[1]).toBe('save:first.rnnlab');
    expect(remembered).toEqual([join(dir, 'first.rnnlab'), join(dir, 'first.rnnlab'), join(dir, 'second.rnnlab')]);
  });

  it('turns a dismissed dialog into a cancelled error and changes nothing', async () => {
    await expect(docs.save()).rejects.toMatchObject({ code: 'cancelled' });
    await expect(docs.open()).rejects.toMatchObject({ code: 'cancelled' });
    expect(service.state().session.path).toBeNull();
  });

  it('confirms unsaved work before opening another session', async () => {
    await addRuns();
    ui.answers.save = join(dir, 'kept.rnnlab');
    await docs.save();
    await dispatch(service, 'runs:addPreset', { preset: 'seed', samples: 300 });
    ui.answers.unsaved = 'cancel';
    await expect(docs.open({ path: join(dir, 'kept.rnnlab') })).rejects.toMatchObject({ code: 'cancelled' });
    expect(service.state().runs).toHaveLength(8);
    ui.answers.unsaved = 'discard';
    const state = await docs.open({ path: join(dir, 'kept.rnnlab') });
    expect(state.runs).toHaveLength(4);
    expect(state.session.dirty).toBe(false);
  });

  it('saves unsaved work when the user chooses Save on close', async () => {
    await addRuns();
    ui.answers.unsaved = 'save';
    ui.answers.save = null;
    expect(await docs.settleUnsaved()).toBe(false);
    ui.answers.save = join(dir, 'on-close.rnnlab');
    expect(await docs.settleUnsaved()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'on-close.rnnlab'), 'utf8')).format).toBe('rnn-lab-session');
  });

  it('writes checked export bytes where the user chose, and refuses bad bytes before asking', async () => {
    ui.answers.exportTo = join(dir, 'scores');
    const result = await docs.exportSave({
      defaultName: 'emb10/scores',
      kind: 'svg',
      data: '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    expect(result.path).toBe(join(dir, 'scores.svg'));
    expect(readFileSync(join(dir, 'scores.svg'), 'utf8')).toContain('<svg');
    expect(ui.asked).toEqual(['export:emb10-scores.svg']);
    await expect(
      docs.exportSave({ defaultName: 'x', kind: 'png', data: Buffer.from('nope').toString('base64') }),
    ).rejects.toThrow('PNG signature');
    expect(ui.asked).toHaveLength(1);
    ui.answers.exportTo = null;
    expect(await docs.exportSave({ defaultName: 'x', kind: 'csv', data: 'a,b\n' })).toEqual({ path: null });
  });
});
