import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabService, type LabEvent } from '../../../electron/lab/lab-service.js';
import { serializeSession } from '../../../electron/lab/sessions/session-file.js';
import { threadWorkerFactory } from '../../../electron/lab/workers/thread-worker-factory.js';
import type { WorkerFactory } from '../../../electron/lab/workers/worker-pool.js';
import { eventContract } from '../../../shared/contract.js';
import type { SweepSpecInput } from '../../../shared/schemas/sweep.js';
import { sweepSpecSchema } from '../../../shared/schemas/sweep.js';
import { buildRunWorker } from './fixtures/build-worker.js';
import { smallConfig } from './fixtures/fake-result.js';

/** Sweeps in the lab service, trained by the real engine in worker threads (200 rows, 1 epoch). */
const folder = `sweep-service-${process.pid}`;
let workerPath: string;

beforeAll(async () => {
  workerPath = await buildRunWorker(folder);
});
afterAll(async () => {
  await rm(join(process.cwd(), '.tmp', folder), { recursive: true, force: true });
});

/** A lab on one worker whose starts are counted: how many runs it trained, whatever the events say. */
function countingLab(): { lab: LabService; starts: () => number; events: LabEvent[] } {
  let starts = 0;
  const real = threadWorkerFactory(workerPath);
  const factory: WorkerFactory = () => {
    const handle = real();
    return {
      ...handle,
      post: (message) => {
        if (message.type === 'start') starts++;
        handle.post(message);
      },
    };
  };
  const lab = new LabService({ workerFactory: factory, host: 'cli', paths: { kind: 'absolute' }, maxParallel: 1 });
  const events: LabEvent[] = [];
  lab.subscribe((...event) => void events.push(event));
  return { lab, starts: () => starts, events };
}

const base = smallConfig(1, 200);
const spec = (input: Partial<SweepSpecInput> = {}) =>
  sweepSpecSchema.parse({
    base: { ...base, training: { ...base.training, epochs: 1, batchSize: 16 } },
    axes: [{ path: 'model.embeddingDim', values: [1, 2] }],
    mode: { kind: 'grid' },
    seeds: [0, 1],
    ...input,
  });

/** Resolves at the first event that `match` accepts. */
function next(lab: LabService, match: (event: LabEvent) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const stop = lab.subscribe((...event) => {
      if (match(event)) {
        stop();
        resolve();
      }
    });
  });
}

const statuses = (lab: LabService, ids: string[]) => ids.map((id) => lab.state().runs.find((r) => r.id === id)!.status);

describe('sweeps in the lab service', () => {
  it('pause stops new runs, resume trains only the rest; finished runs keep their numbers', async () => {
    const { lab, starts, events } = countingLab();
    try {
      const { sweep, runIds } = await lab.handle('sweeps:start', { name: 'Sizes', spec: spec() });
      expect(runIds).toHaveLength(4);
      // Pause as the first run finishes: it was the only one training (parallel 1), so one is done.
      await next(lab, (e) => e[0] === 'run:finished' && e[1].id === runIds[0]);
      expect((await lab.handle('sweeps:pause', { id: sweep.id })).state).toBe('paused');
      expect((await lab.sweepSettled(sweep.id)).state).toBe('paused');
      expect(statuses(lab, runIds)).toEqual(['done', 'idle', 'idle', 'idle']);
      expect(starts()).toBe(1);
      // "Train all" leaves the sweep's runs to the sweep.
      expect(await lab.handle('runs:train', {})).toEqual([]);
      expect(starts()).toBe(1);
      const first = lab.state().runs.find((r) => r.id === runIds[0])!;

      expect((await lab.handle('sweeps:resume', { id: sweep.id })).state).toBe('running');
      expect((await lab.sweepSettled(sweep.id)).state).toBe('done');
      expect(starts()).toBe(4);
      expect(statuses(lab, runIds)).toEqual(['done', 'done', 'done', 'done']);
      const after = lab.state().runs.find((r) => r.id === runIds[0])!;
      expect(after).toEqual(first);
      expect(lab.sweepProgress(sweep.id)).toMatchObject({ done: 4, failed: 0, total: 4, training: 0, etaSeconds: 0 });

      // Every progress event is what the contract promises; the counts only grow, the last says done.
      const changes = events.flatMap((e) =>
        e[0] === 'sweep:changed' ? [eventContract['sweep:changed'].parse(e[1])] : [],
      );
      expect(changes.length).toBeGreaterThan(2);
      const done = changes.map((c) => c.progress.done);
      expect(done).toEqual([...done].sort((a, b) => a - b));
      expect(changes.at(-1)).toMatchObject({ sweep: { state: 'done' }, progress: { done: 4, total: 4 } });
      expect(changes.some((c) => c.sweep.state === 'paused')).toBe(true);
      // A resumed sweep measures its rate from the resume: three runs in some positive time.
      expect(changes.at(-1)!.progress.runsPerSecond).toBeGreaterThan(0);
    } finally {
      await lab.close();
    }
  });

  it('cancel cancels the training run and starts no more; a resume queues the cancelled one again', async () => {
    const { lab, starts } = countingLab();
    try {
      // Listening before the start: the first run may begin training before the start's answer arrives.
      const training = () => next(lab, (e) => e[0] === 'run:changed' && e[1].set.status === 'training');
      // Runs long enough (minutes) that a cancel always lands while the first one trains.
      const long = { ...base, task: { ...base.task, samples: 50_000 }, training: { ...base.training, epochs: 50 } };
      const started = training();
      const { sweep, runIds } = await lab.handle('sweeps:start', { name: 'Long', spec: spec({ base: long }) });
      await started;
      expect((await lab.handle('sweeps:cancel', { id: sweep.id })).state).toBe('cancelled');
      await lab.sweepSettled(sweep.id);
      expect(statuses(lab, runIds)).toEqual(['cancelled', 'idle', 'idle', 'idle']);
      expect(starts()).toBe(1);
      // Resumed, the cancelled run is the first to train again (cancelled once more to keep the test short).
      const again = training();
      expect((await lab.handle('sweeps:resume', { id: sweep.id })).state).toBe('running');
      await again;
      expect(statuses(lab, runIds)).toEqual(['training', 'idle', 'idle', 'idle']);
      await lab.handle('sweeps:cancel', { id: sweep.id });
      expect((await lab.sweepSettled(sweep.id)).state).toBe('cancelled');
      expect(starts()).toBe(2);
    } finally {
      await lab.close();
    }
  });

  it("Cancel all (runs:cancel) during a sweep pauses it: no run starts behind the person's back", async () => {
    const { lab, starts } = countingLab();
    try {
      const long = { ...base, task: { ...base.task, samples: 50_000 }, training: { ...base.training, epochs: 50 } };
      const started = next(lab, (e) => e[0] === 'run:changed' && e[1].set.status === 'training');
      const { sweep, runIds } = await lab.handle('sweeps:start', { name: 'Long', spec: spec({ base: long }) });
      await started;
      expect(await lab.handle('runs:cancel', {})).toEqual({ cancelled: 1 });
      expect((await lab.sweepSettled(sweep.id)).state).toBe('paused');
      expect(statuses(lab, runIds)).toEqual(['cancelled', 'idle', 'idle', 'idle']);
      expect(starts()).toBe(1);
    } finally {
      await lab.close();
    }
  });

  it('light runs by default; the listed series when the spec keeps them', async () => {
    const { lab } = countingLab();
    try {
      const one = { axes: [], seeds: [0] };
      const light = await lab.handle('sweeps:start', { name: 'Light', spec: spec(one) });
      await lab.sweepSettled(light.sweep.id);
      const kept = await lab.handle('sweeps:start', { name: 'Kept', spec: spec({ ...one, keep: ['predictions'] }) });
      await lab.sweepSettled(kept.sweep.id);
      const [a, b] = [light.runIds[0], kept.runIds[0]].map((id) => lab.state().runs.find((r) => r.id === id)!);
      expect([a.batchLoss, a.snapshots, a.predictions]).toEqual([[], [], []]);
      expect([b.batchLoss, b.snapshots, b.predictions.length]).toEqual([[], [], 10]);
      expect(b.weights).toEqual(a.weights);
      // Renamed, a run stays in its sweep; given another config, it leaves it (the page hears of it too).
      const heard: LabEvent[] = [];
      lab.subscribe((...event) => void heard.push(event));
      expect((await lab.handle('runs:update', { id: a.id, name: 'renamed' })).sweep?.id).toBe(light.sweep.id);
      const moved = await lab.handle('runs:update', { id: a.id, config: smallConfig(2, 200) });
      expect([moved.sweep, moved.status]).toEqual([undefined, 'idle']);
      const last = heard.at(-1);
      expect(last?.[0] === 'run:changed' && last[1].id === a.id && last[1].unset.includes('sweep')).toBe(true);
    } finally {
      await lab.close();
    }
  });

  it('a session saved while its sweep runs opens with the sweep paused, its runs waiting, nothing training', async () => {
    const { lab } = countingLab();
    const reopened = countingLab();
    try {
      const { sweep, runIds } = await lab.handle('sweeps:start', { name: 'Sizes', spec: spec() });
      await next(lab, (e) => e[0] === 'run:finished' && e[1].id === runIds[0]);
      const text = serializeSession(lab.snapshot());
      expect(JSON.parse(text)).toMatchObject({ sweeps: [{ id: sweep.id, state: 'running' }] });
      await lab.handle('sweeps:cancel', { id: sweep.id });
      await lab.sweepSettled(sweep.id);

      const state = await reopened.lab.handle('session:openText', { name: 'mid.rnnlab', text });
      expect(state.sweeps).toEqual([{ ...sweep, state: 'paused' }]);
      const runs = state.runs;
      expect(runs.filter((r) => r.status === 'training' || r.status === 'queued')).toEqual([]);
      expect(runs.every((r) => r.sweep?.id === sweep.id)).toBe(true);
      expect(reopened.starts()).toBe(0);
      await reopened.lab.handle('sweeps:resume', { id: sweep.id });
      expect((await reopened.lab.sweepSettled(sweep.id)).state).toBe('done');
      expect(reopened.starts()).toBe(4 - runs.filter((r) => r.status === 'done').length);
    } finally {
      await lab.close();
      await reopened.lab.close();
    }
  });

  it('refuses a sweep that cannot be made, in one line, and adds nothing', async () => {
    const { lab } = countingLab();
    try {
      const gru = spec({ axes: [{ path: 'model.cell', values: ['simple', 'gru'] }] });
      await expect(lab.handle('sweeps:start', { name: 'Bad', spec: gru })).rejects.toThrow(
        /^the combination model\.cell=gru .*$/,
      );
      expect([lab.state().runs, lab.state().sweeps]).toEqual([[], []]);
      await expect(lab.handle('sweeps:pause', { id: 'nope' })).rejects.toThrow('no sweep with id nope');
    } finally {
      await lab.close();
    }
  });
});
