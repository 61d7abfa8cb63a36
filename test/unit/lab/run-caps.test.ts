import { describe, expect, it, vi } from 'vitest';
import { LabService } from '../../../electron/lab/lab-service.js';
import { RunRegistry } from '../../../electron/lab/run-registry.js';
import { emptyView } from '../../../shared/schemas/session.js';
import { makeSession, serializeSession } from '../../../electron/lab/sessions/session-file.js';
import { MAX_RUNS_PER_SESSION } from '../../../shared/limits.js';
import type { Run } from '../../../shared/schemas/run.js';
import { fakeFactory, finishAfter } from './fixtures/fake-workers.js';
import { smallConfig } from './fixtures/fake-result.js';

// The queue cap equals the run cap in the app, so a session could never reach it: a small one here shows it holds.
const QUEUE_CAP = 3;
vi.mock('../../../shared/limits.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/limits.js')>()),
  MAX_QUEUED_RUNS: 3,
}));

function service(delayMs = 20) {
  const { factory, control } = fakeFactory(() => finishAfter(delayMs));
  return {
    lab: new LabService({ workerFactory: factory, host: 'electron', paths: { kind: 'absolute' }, maxParallel: 2 }),
    control,
  };
}

const idleRun = (i: number): Run => ({
  id: `r${i}`,
  name: `Run ${i}`,
  config: smallConfig(0),
  status: 'idle',
  note: '',
  history: [],
  batchLoss: [],
  predictions: [],
  snapshots: [],
});

describe('runs per session', () => {
  it(`holds at most ${MAX_RUNS_PER_SESSION} runs: add, duplicate and addPreset past it are refused with one line, nothing half-added`, async () => {
    const { lab } = service();
    const config = smallConfig(0);
    for (let i = 0; i < MAX_RUNS_PER_SESSION - 2; i++) await lab.handle('runs:add', { name: `R${i}`, config });
    // Four preset runs do not fit in the two places left: none of them is added.
    await expect(lab.handle('runs:addPreset', { preset: 'seed' })).rejects.toMatchObject({
      code: 'bad-request',
      message: `a session holds at most 1000 runs (it has 998, and 4 more would not fit)`,
    });
    expect(lab.state().runs).toHaveLength(998);
    const last = await lab.handle('runs:add', { name: 'last', config });
    await lab.handle('runs:duplicate', { id: last.id });
    expect(lab.state().runs).toHaveLength(1000);
    const full = { code: 'bad-request', message: 'a session holds at most 1000 runs (it has 1000)' };
    await expect(lab.handle('runs:add', { name: 'one more', config })).rejects.toMatchObject(full);
    await expect(lab.handle('runs:duplicate', { id: last.id })).rejects.toMatchObject(full);
    expect(lab.state().runs).toHaveLength(1000);
    expect(lab.state().view.order).toHaveLength(1000);
    // Removing one makes room again.
    await lab.handle('runs:remove', { id: last.id });
    await expect(lab.handle('runs:add', { name: 'fits', config })).resolves.toMatchObject({ name: 'fits' });
    await lab.close();
  });

  it('a session (or recovery copy) with more runs is refused whole by the registry; one at the limit loads', () => {
    const { factory } = fakeFactory(() => finishAfter(10));
    const registry = new RunRegistry(factory, {}, { event: () => undefined });
    const atLimit = Array.from({ length: MAX_RUNS_PER_SESSION }, (_, i) => idleRun(i));
    registry.load(atLimit, emptyView());
    expect(registry.list()).toHaveLength(1000);
    expect(() => registry.load([...atLimit, idleRun(1000)], emptyView())).toThrow(
      expect.objectContaining({ code: 'bad-file', message: 'a session holds at most 1000 runs (this one has 1001)' }),
    );
    expect(registry.list()).toHaveLength(1000);
    registry.close();
  });

  it('opening a file with too many runs fails with one line naming the limit and leaves the lab as it was', async () => {
    const { lab } = service();
    const kept = await lab.handle('runs:add', { name: 'kept', config: smallConfig(0) });
    const runs = Array.from({ length: MAX_RUNS_PER_SESSION + 1 }, (_, i) => idleRun(i));
    const text = serializeSession(makeSession({ runs, view: emptyView() }));
    const refusal = lab.handle('session:openText', { name: 'many.rnnlab', text });
    await expect(refusal).rejects.toMatchObject({ code: 'bad-file' });
    await expect(refusal).rejects.toThrow(/^[^\n]*1000[^\n]*$/);
    expect(lab.state().runs.map((r) => r.id)).toEqual([kept.id]);
    await lab.close();
  });
});

describe('runs:train refusals', () => {
  it('the same id twice is refused before anything is queued', async () => {
    const { lab, control } = service();
    const a = await lab.handle('runs:add', { name: 'A', config: smallConfig(0) });
    const b = await lab.handle('runs:add', { name: 'B', config: smallConfig(1) });
    await expect(lab.handle('runs:train', { ids: [a.id, b.id, a.id] })).rejects.toMatchObject({
      code: 'bad-request',
      message: `run ${a.id} is named twice`,
    });
    expect(lab.state().runs.map((r) => r.status)).toEqual(['idle', 'idle']);
    expect(control.started).toHaveLength(0);
    await lab.close();
  });

  it('an unknown id is refused before the known ones start', async () => {
    const { lab, control } = service();
    const a = await lab.handle('runs:add', { name: 'A', config: smallConfig(0) });
    await expect(lab.handle('runs:train', { ids: [a.id, 'nope'] })).rejects.toMatchObject({
      code: 'not-found',
      message: 'no run with id nope',
    });
    expect(lab.state().runs[0].status).toBe('idle');
    expect(control.started).toHaveLength(0);
    await lab.close();
  });

  it(`at most MAX_QUEUED_RUNS (${QUEUE_CAP} here) queued or training at once; a refused request queues none of its runs`, async () => {
    const { lab } = service(300);
    const ids: string[] = [];
    for (let i = 0; i < QUEUE_CAP + 2; i++)
      ids.push((await lab.handle('runs:add', { name: `R${i}`, config: smallConfig(0) })).id);
    const first = lab.handle('runs:train', { ids: ids.slice(0, 2) });
    await expect(lab.handle('runs:train', { ids: ids.slice(2) })).rejects.toMatchObject({
      code: 'busy',
      message: 'at most 3 runs may be queued or training at once (2 are, 3 more asked)',
    });
    expect(
      lab
        .state()
        .runs.slice(2)
        .map((r) => r.status),
    ).toEqual(['idle', 'idle', 'idle']);
    // Runs already queued are not counted twice; one more fits.
    const second = lab.handle('runs:train', { ids: [ids[0], ids[2]] });
    const done = [...(await first), ...(await second)];
    expect(done.map((r) => r.status)).toEqual(['done', 'done', 'done']);
    await lab.close();
  });
});
