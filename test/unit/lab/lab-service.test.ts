import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LabService, type LabEvent } from '../../../electron/lab/lab-service.js';
import { LabError } from '../../../shared/errors.js';
import { invokeContract } from '../../../shared/contract.js';
import { emptyView } from '../../../shared/schemas/session.js';
import { fakeFactory, finishAfter } from './fixtures/fake-workers.js';
import { smallConfig } from './fixtures/fake-result.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lab-service-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function service(delayMs = 20, maxParallel = 2) {
  const { factory, control } = fakeFactory(() => finishAfter(delayMs));
  const lab = new LabService({ workerFactory: factory, host: 'electron', paths: { kind: 'absolute' }, maxParallel });
  const events: LabEvent[] = [];
  lab.subscribe((...e) => events.push(e));
  return { lab, control, events };
}

describe('LabService runs', () => {
  it('adds, updates, duplicates and removes runs, keeping the view order and dirty flag', async () => {
    const { lab, events } = service();
    const a = await lab.handle('runs:add', { name: 'A', config: smallConfig(0) });
    const b = await lab.handle('runs:add', { name: 'B', config: smallConfig(1) });
    expect(a.id).not.toBe(b.id);
    expect(a.id).toMatch(/^[a-z0-9]{2,12}$/);
    expect(a.status).toBe('idle');
    const copy = await lab.handle('runs:duplicate', { id: a.id });
    expect(copy.name).toBe('A (copy)');
    expect(lab.state().view.order).toEqual([a.id, copy.id, b.id]);
    const renamed = await lab.handle('runs:update', { id: b.id, name: 'B2', note: 'why' });
    expect(renamed).toMatchObject({ name: 'B2', note: 'why' });
    await lab.handle('runs:remove', { id: a.id });
    const state = await lab.handle('lab:state', {});
    expect(state.runs.map((r) => r.name)).toEqual(['B2', 'A (copy)']);
    expect(state.view.order).toEqual([copy.id, b.id]);
    expect(state.session).toEqual({ path: null, title: 'Untitled', dirty: true, notices: [] });
    // Small events only: the whole state is sent for a whole new document, never for a run's change.
    expect(events.map(([e]) => e)).not.toContain('lab:state');
    expect(events.filter(([e]) => e === 'run:added')).toHaveLength(3);
    await expect(lab.handle('runs:remove', { id: 'nope' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('adds the seed preset with a smaller data set', async () => {
    const { lab } = service();
    const runs = await lab.handle('runs:addPreset', { preset: 'seed', samples: 500 });
    expect(runs.map((r) => r.config.model.embeddingDim)).toEqual([10, 4, 1, 1]);
    expect(runs.every((r) => r.config.task.samples === 500)).toBe(true);
  });

  it('refuses to change or remove a training run (busy), then allows it', async () => {
    const { lab } = service(200);
    const run = await lab.handle('runs:add', { name: 'A', config: smallConfig(0) });
    const training = lab.handle('runs:train', { ids: [run.id] });
    await expect(lab.handle('runs:update', { id: run.id, name: 'X' })).rejects.toMatchObject({ code: 'busy' });
    await expect(lab.handle('runs:remove', { id: run.id })).rejects.toMatchObject({ code: 'busy' });
    await expect(lab.handle('session:new', {})).rejects.toBeInstanceOf(LabError);
    const [done] = await training;
    expect(done.status).toBe('done');
    expect(done.weights?.embedding).toHaveLength(10);
    // A config change drops results that no longer match; a rename keeps them.
    const renamed = await lab.handle('runs:update', { id: run.id, name: 'Y' });
    expect(renamed.history.length).toBe(4);
    const changed = await lab.handle('runs:update', { id: run.id, config: smallConfig(1) });
    expect(changed).toMatchObject({ status: 'idle', history: [] });
    expect(changed.weights).toBeUndefined();
  });

  it('trains at most maxParallel runs at once and resolves when all ended', async () => {
    const { lab, control } = service(30, 2);
    await lab.handle('runs:addPreset', { preset: 'seed', samples: 200 });
    const runs = await lab.handle('runs:train', {});
    expect(runs.map((r) => r.status)).toEqual(['done', 'done', 'done', 'done']);
    // Two workers, each reused for a second run; close() ends them.
    expect(control.started).toHaveLength(2);
    expect(control.started.map((w) => w.runs.length)).toEqual([2, 2]);
    expect(control.peak).toBe(2);
    expect(control.started.some((w) => w.terminated)).toBe(false);
    await lab.close();
    expect(control.started.every((w) => w.terminated)).toBe(true);
  });

  it("marks a crashed worker's run failed with the reason while the others finish", async () => {
    const { factory } = fakeFactory((_config, index) =>
      index === 1 ? (worker) => worker.exit(134, 'the worker crashed: out of memory') : finishAfter(20),
    );
    const lab = new LabService({
      workerFactory: factory,
      host: 'electron',
      paths: { kind: 'absolute' },
      maxParallel: 2,
    });
    await lab.handle('runs:addPreset', { preset: 'seed', samples: 200 });
    const runs = await lab.handle('runs:train', {});
    expect(runs.map((r) => r.status)).toEqual(['done', 'failed', 'done', 'done']);
    expect(runs[1].error).toBe('the worker crashed: out of memory');
  });

  it('fails a run whose worker sends an invalid message', async () => {
    const { factory } = fakeFactory(() => (worker) => worker.send({ type: 'result', result: { status: 'done' } }));
    const lab = new LabService({ workerFactory: factory, host: 'electron', paths: { kind: 'absolute' } });
    const run = await lab.handle('runs:add', { name: 'A', config: smallConfig(0) });
    const [failed] = await lab.handle('runs:train', { ids: [run.id] });
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/^a worker message is invalid at \$\.result\./);
  });

  it('cancels queued and training runs', async () => {
    const { lab, control } = service(5_000, 1);
    const a = await lab.handle('runs:add', { name: 'A', config: smallConfig(0) });
    const b = await lab.handle('runs:add', { name: 'B', config: smallConfig(1) });
    expect(lab.state().runs.map((r) => r.status)).toEqual(['idle', 'idle']);
    const training = lab.handle('runs:train', {});
    // Both are queued the moment the call is made; one worker takes A, B keeps waiting.
    expect(lab.state().runs.map((r) => r.status)).toEqual(['queued', 'queued']);
    await new Promise((r) => setTimeout(r, 30));
    expect(lab.state().runs.map((r) => r.status)).toEqual(['training', 'queued']);
    expect(await lab.handle('runs:cancel', {})).toEqual({ cancelled: 2 });
    const runs = await training;
    expect(runs.map((r) => [r.id, r.status])).toEqual([
      [a.id, 'cancelled'],
      [b.id, 'cancelled'],
    ]);
    expect(runs[0].history).toHaveLength(1); // the partial result came back
    expect(control.started).toHaveLength(1); // B never started a worker
  });

  it('throttles run:progress to at most ~20 per second per run', async () => {
    const progress = {
      epoch: 1,
      epochs: 4,
      batch: 1,
      batchesPerEpoch: 100,
      loss: 0.5,
      acc: 0.5,
      fraction: 0.01,
      elapsedMs: 1,
      etaMs: 100,
    };
    const { factory } = fakeFactory(() => (worker, config) => {
      for (let i = 0; i < 200; i++) worker.send({ type: 'progress', progress: { ...progress, batch: i } });
      setTimeout(() => worker.send({ type: 'progress', progress: { ...progress, batch: 999 } }), 60);
      setTimeout(() => finishAfter(0)(worker, config), 120);
    });
    const lab = new LabService({ workerFactory: factory, host: 'electron', paths: { kind: 'absolute' } });
    const seen: number[] = [];
    lab.subscribe((event, payload) => {
      if (event === 'run:progress') seen.push(payload.progress.batch);
    });
    const run = await lab.handle('runs:add', { name: 'A', config: smallConfig(0) });
    await lab.handle('runs:train', { ids: [run.id] });
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.length).toBeLessThanOrEqual(4);
    expect(seen[0]).toBe(0);
    expect(seen).toContain(199); // the trailing value of the burst is delivered
  });

  it('normalises view:set and drops unknown ids', async () => {
    const { lab } = service();
    const a = await lab.handle('runs:add', { name: 'A', config: smallConfig(0) });
    const b = await lab.handle('runs:add', { name: 'B', config: smallConfig(1) });
    const view = await lab.handle('view:set', {
      order: [b.id, 'ghost'],
      layout: 'overlay',
      hiddenInOverlay: ['ghost', a.id],
    });
    expect(view).toMatchObject({ order: [b.id, a.id], layout: 'overlay', hiddenInOverlay: [a.id] });
  });

  it('changes only the view fields a view:set names, and drops a removed run from the compared ones', async () => {
    const { lab } = service();
    const a = await lab.handle('runs:add', { name: 'A', config: smallConfig(0) });
    const b = await lab.handle('runs:add', { name: 'B', config: smallConfig(1) });
    await lab.handle('view:set', { order: [b.id, a.id], compare: [a.id, 'ghost', b.id] });
    const table = { ...emptyView().table, groupBy: ['model.rnnActivation'], threshold: 0.9 };
    const view = await lab.handle('view:set', { layout: 'overlay', tab: 'runs', table });
    expect(view).toEqual({
      ...emptyView(),
      order: [b.id, a.id],
      layout: 'overlay',
      compare: [a.id, b.id],
      tab: 'runs',
      table,
    });
    await lab.handle('runs:remove', { id: a.id });
    expect(lab.state().view.compare).toEqual([b.id]);
    // A run added by hand joins the compared ones.
    const c = await lab.handle('runs:add', { name: 'C', config: smallConfig(2) });
    expect(lab.state().view.compare).toEqual([b.id, c.id]);
    const refused = invokeContract['view:set'].request.safeParse({ table: { ...table, threshold: 1.5 } });
    expect(refused.error?.issues[0].message).toMatch(/success threshold must be above 0 and at most 1/);
  });
});
