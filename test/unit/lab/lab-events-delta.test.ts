import { emptyView } from '../../../shared/schemas/session.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LabService } from '../../../electron/lab/lab-service.js';
import { eventContract, type LabEvent } from '../../../shared/contract.js';
import { applyLabEvent, mirrorOf, type LabMirror } from '../../../renderer/src/stores/lab-mirror.js';
import { fakeFactory, finishAfter } from './fixtures/fake-workers.js';
import { smallConfig } from './fixtures/fake-result.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lab-events-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A lab with instant fake workers and every event it pushes, each checked against the contract. */
function recordedLab(delayMs = 20) {
  const { factory } = fakeFactory(() => finishAfter(delayMs));
  const lab = new LabService({ workerFactory: factory, host: 'electron', paths: { kind: 'absolute' }, maxParallel: 2 });
  const events: LabEvent[] = [];
  lab.subscribe((...event) => {
    eventContract[event[0]].parse(event[1]);
    events.push(event);
  });
  return { lab, events, take: () => events.splice(0) };
}

const names = (events: LabEvent[]) => events.map(([name]) => name);

describe('the lab pushes small events, never the whole state for a run', () => {
  it('add, update, duplicate and remove each push one event naming the run and only what changed', async () => {
    const { lab, take } = recordedLab();
    const a = await lab.handle('runs:add', { name: 'A', config: smallConfig(0) });
    expect(take()).toEqual([
      ['run:added', { run: a, index: 0 }],
      ['session:changed', { path: null, title: 'Untitled', dirty: true, notices: [] }],
    ]);
    await lab.handle('runs:update', { id: a.id, name: 'A2', note: 'why' });
    expect(take()).toEqual([['run:changed', { id: a.id, set: { name: 'A2', note: 'why' }, unset: [] }]]);
    await lab.handle('runs:update', { id: a.id, name: 'A2' });
    expect(take()).toEqual([]);
    const b = await lab.handle('runs:add', { name: 'B', config: smallConfig(1) });
    const copy = await lab.handle('runs:duplicate', { id: a.id });
    expect(take()).toEqual([
      ['run:added', { run: b, index: 1 }],
      ['run:added', { run: copy, index: 1 }],
    ]);
    expect(lab.state().view.order).toEqual([a.id, copy.id, b.id]);
    await lab.handle('runs:remove', { id: a.id });
    await lab.handle('view:set', { layout: 'overlay' });
    await lab.handle('view:set', { layout: 'overlay' });
    expect(take()).toEqual([
      ['run:removed', { id: a.id }],
      ['view:changed', { ...emptyView(), order: [copy.id, b.id], layout: 'overlay' }],
    ]);
    await lab.close();
  });

  it('training pushes queued, training, one row per epoch and the result once', async () => {
    const { lab, take } = recordedLab();
    const run = await lab.handle('runs:add', { name: 'A', config: smallConfig(0) });
    take();
    const [trained] = await lab.handle('runs:train', {});
    const events = take();
    expect(names(events)).toEqual(['run:changed', 'run:changed', 'run:epoch', 'run:finished']);
    expect(events[0][1]).toEqual({ id: run.id, set: { status: 'queued' }, unset: [] });
    expect(events[1][1]).toEqual({ id: run.id, set: { status: 'training' }, unset: [] });
    expect(events[2][1]).toEqual({ id: run.id, record: { epoch: 1, loss: 0.2, acc: 0.9, valLoss: 0.2, valAcc: 0.9 } });
    const finished = eventContract['run:finished'].parse(events[3][1]);
    expect(finished.set.status).toBe('done');
    expect(finished.set.weights).toEqual(trained.weights);
    expect(Object.keys(finished.set)).not.toContain('name');
    expect(Object.keys(finished.set)).not.toContain('config');

    // Training again clears the results: the queued event unsets them instead of resending the run.
    await lab.handle('runs:train', {});
    const again = take()[0][1];
    expect(again).toMatchObject({ set: { status: 'queued', history: [], snapshots: [], predictions: [] } });
    expect(eventContract['run:changed'].parse(again).unset.sort()).toEqual(
      ['backend', 'digitScores', 'summary', 'trainSeconds', 'weights'].sort(),
    );
    await lab.close();
  });

  it('a cancelled run finishes once, as cancelled', async () => {
    const { lab, take } = recordedLab(5_000);
    const run = await lab.handle('runs:add', { name: 'A', config: smallConfig(0) });
    take();
    const training = lab.handle('runs:train', {});
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await lab.handle('runs:cancel', {})).toEqual({ cancelled: 1 });
    await training;
    const finished = take().filter(([name]) => name === 'run:finished');
    expect(finished).toHaveLength(1);
    expect(finished[0][1]).toMatchObject({ id: run.id, set: { status: 'cancelled' } });
    await lab.close();
  });

  it('save pushes the session only; open and new push one snapshot each', async () => {
    const { lab, take } = recordedLab();
    await lab.handle('runs:add', { name: 'A', config: smallConfig(0) });
    take();
    const path = join(dir, 'one.rnnlab');
    await lab.handle('session:save', { path });
    expect(take()).toEqual([['session:changed', { path, title: 'one.rnnlab', dirty: false, notices: [] }]]);
    await lab.handle('session:new', {});
    expect(take()).toEqual([['lab:state', lab.state()]]);
    await lab.handle('session:open', { path });
    const opened = take();
    expect(names(opened)).toEqual(['lab:state']);
    expect(opened[0][1]).toEqual(lab.state());
    expect(lab.state().runs.map((r) => r.name)).toEqual(['A']);
    await lab.close();
  });
});

describe('the renderer mirror follows the events', () => {
  it('a recorded stream applied to the first snapshot ends equal to lab:state, keeping untouched runs', async () => {
    const { lab, take } = recordedLab();
    await lab.handle('runs:add', { name: 'Kept', config: smallConfig(3) });
    let mirror: LabMirror = mirrorOf(await lab.handle('lab:state', {}));
    take();
    const kept = mirror.runs[0];
    const a = await lab.handle('runs:add', { name: 'A', config: smallConfig(0) });
    const b = await lab.handle('runs:add', { name: 'B', config: smallConfig(1) });
    await lab.handle('runs:duplicate', { id: a.id });
    await lab.handle('runs:update', { id: b.id, note: 'slow', config: smallConfig(2) });
    await lab.handle('runs:train', { ids: [a.id, b.id] });
    await lab.handle('runs:update', { id: a.id, config: smallConfig(1) });
    await lab.handle('view:set', { hiddenInOverlay: [b.id] });
    await lab.handle('runs:remove', { id: b.id });
    const events = take();
    expect(events.length).toBeGreaterThan(10);
    for (const event of events) mirror = applyLabEvent(mirror, event);
    const state = await lab.handle('lab:state', {});
    expect(mirror).toEqual(mirrorOf(state));
    expect(mirror.runs[0]).toBe(kept);
    await lab.close();
  });

  it('an event about one run replaces that run only; progress changes no run', () => {
    const {
      runs: [x, y],
      mirror,
    } = twoRuns();
    const next = applyLabEvent(mirror, ['run:changed', { id: y.id, set: { name: 'renamed' }, unset: [] }]);
    expect(next.runs[0]).toBe(x);
    expect(next.runs[1]).toMatchObject({ name: 'renamed', config: y.config });
    expect(next.runs[1].config).toBe(y.config);
    expect(next.view).toBe(mirror.view);
    const progress = {
      epoch: 1,
      epochs: 2,
      batch: 1,
      batchesPerEpoch: 5,
      loss: 1,
      acc: 0,
      fraction: 0.1,
      elapsedMs: 1,
      etaMs: 9,
    };
    expect(applyLabEvent(next, ['run:progress', { id: x.id, progress }])).toBe(next);
    const record = { epoch: 1, loss: 1, acc: 0, valLoss: 1, valAcc: 0 };
    expect(applyLabEvent(next, ['run:epoch', { id: 'unknown', record }])).toBe(next);
  });
});

function twoRuns() {
  const run = (id: string) => ({
    id,
    name: id,
    config: smallConfig(0),
    note: '',
    status: 'idle' as const,
    history: [],
    batchLoss: [],
    predictions: [],
    snapshots: [],
  });
  const runs = [run('x'), run('y')] as const;
  const mirror = mirrorOf({
    runs: [...runs],
    view: { ...emptyView(), order: ['x', 'y'], layout: 'columns', hiddenInOverlay: [] },
    session: { path: null, title: 'Untitled', dirty: false, notices: [] },
    sweeps: [],
  });
  return { runs, mirror };
}
