import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, trainRun } from '../../../electron/engine/index.js';
import { SnapshotLog, snapshotBudget } from '../../../electron/engine/snapshot-log.js';
import { frameAt, timeline } from '../../../shared/analysis/index.js';
import {
  MAX_BATCH_LOSS_POINTS_PER_RUN,
  MAX_SNAPSHOT_VALUES_PER_RUN,
  MAX_SNAPSHOTS_PER_RUN,
} from '../../../shared/limits.js';
import { runResultSchema, type Weights, type WeightSnapshot } from '../../../shared/schemas/run-result.js';
import { smallConfig } from './helpers.js';

beforeAll(async () => {
  await initBackend();
});

const noWeights: Weights = { embedding: [], kernel: [], recurrentKernel: [], bias: [] };
const values = (w: Weights) =>
  w.embedding.flat().length +
  w.kernel.flat().length +
  w.recurrentKernel.flat().length +
  w.bias.length +
  (w.readout ? w.readout.kernel.flat().length + w.readout.bias.length : 0);

/** Offers a log every snapshot a run of `epochs` × `perEpoch` steps takes (every K batches + epoch ends), as trainRun does. */
function feed(
  log: SnapshotLog,
  perEpoch: number,
  every: number,
  epochs: number,
  stopAt = Infinity,
): { peak: number; steps: number[] } {
  let peak = 0;
  const offer = (epoch: number, batch: number, step: number) => {
    const final = step === Math.min(stopAt, epochs * perEpoch);
    const s: WeightSnapshot = { epoch, batch, step, weights: noWeights };
    if (final) log.finish(s);
    else log.add(s);
    peak = Math.max(peak, log.size);
  };
  offer(0, 0, 0);
  for (let epoch = 1, step = 0; epoch <= epochs; epoch++) {
    for (let batch = 1; batch <= perEpoch; batch++) {
      step++;
      if (step > stopAt) return { peak, steps: log.snapshots.map((s) => s.step) };
      if (batch === perEpoch || (every > 0 && batch % every === 0) || step === stopAt) offer(epoch, batch, step);
    }
  }
  return { peak, steps: log.snapshots.map((s) => s.step) };
}

const gaps = (steps: number[]) => steps.slice(1).map((s, i) => s - steps[i]);

describe('snapshot series (the log alone)', () => {
  it('a long run keeps ≤ budget, covers step 0 to the last step, evenly, epoch ends included', () => {
    // 40 epochs of 1000 batches, a snapshot every batch: 40,001 offered.
    const log = new SnapshotLog({ budget: MAX_SNAPSHOTS_PER_RUN, stepsPerEpoch: 1000, everyBatches: 1 });
    const { peak, steps } = feed(log, 1000, 1, 40);
    expect(peak).toBeLessThanOrEqual(MAX_SNAPSHOTS_PER_RUN);
    expect(steps.length).toBeGreaterThan(MAX_SNAPSHOTS_PER_RUN / 2);
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBe(40_000);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    const g = gaps(steps);
    expect(Math.max(...g)).toBeLessThanOrEqual(2 * Math.min(...g));
    for (let e = 0; e <= 40; e++) expect(steps).toContain(e * 1000);
  });

  it('an epoch length that is no power of two still spreads evenly (the cut at the last step aside)', () => {
    const log = new SnapshotLog({ budget: 300, stepsPerEpoch: 777, everyBatches: 1 });
    const { peak, steps } = feed(log, 777, 1, 23, 23 * 777 - 100);
    expect(peak).toBeLessThanOrEqual(300);
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBe(23 * 777 - 100);
    const inner = gaps(steps.slice(0, -1));
    expect(Math.max(...inner)).toBeLessThanOrEqual(2 * Math.min(...inner));
    expect(steps.at(-1)! - steps.at(-2)!).toBeLessThanOrEqual(Math.max(...inner));
  });

  it('while the budget allows, every offered snapshot is kept; past it, epoch ends go last', () => {
    const all = feed(new SnapshotLog({ budget: 500, stepsPerEpoch: 10, everyBatches: 3 }), 10, 3, 5).steps;
    expect(all).toEqual([0, 3, 6, 9, 10, 13, 16, 19, 20, 23, 26, 29, 30, 33, 36, 39, 40, 43, 46, 49, 50]);
    // 100 epochs of 3 slots each (3, 6, 9) + the epoch end: 401 offered, 120 kept at most.
    const thinned = feed(new SnapshotLog({ budget: 120, stepsPerEpoch: 10, everyBatches: 3 }), 10, 3, 100).steps;
    expect(thinned.length).toBeLessThanOrEqual(120);
    for (let e = 0; e <= 100; e++) expect(thinned).toContain(e * 10);
    // Only epoch ends, and fewer allowed than epochs: every 2nd, 4th… epoch end, and the last.
    const epochsOnly = feed(new SnapshotLog({ budget: 25, stepsPerEpoch: 40, everyBatches: 0 }), 40, 0, 60).steps;
    expect(epochsOnly).toEqual(Array.from({ length: 16 }, (_, i) => i * 4 * 40));
  });

  it('the same offers keep the same steps; a run stopped early keeps a coarser-or-equal grid of the same steps', () => {
    const a = feed(new SnapshotLog({ budget: 50, stepsPerEpoch: 333, everyBatches: 2 }), 333, 2, 7).steps;
    const b = feed(new SnapshotLog({ budget: 50, stepsPerEpoch: 333, everyBatches: 2 }), 333, 2, 7).steps;
    expect(b).toEqual(a);
    const early = feed(new SnapshotLog({ budget: 50, stepsPerEpoch: 333, everyBatches: 2 }), 333, 2, 7, 1500).steps;
    expect(early.at(-1)).toBe(1500);
    // The grid only gets coarser: what the longer run kept before step 1500, the shorter run kept too.
    const before = a.filter((s) => s < 1500);
    expect(before.length).toBeGreaterThan(5);
    for (const step of before) expect(early).toContain(step);
  });

  it('the budget: at most the count cap, fewer for large models, never below 2', () => {
    expect(snapshotBudget(112)).toBe(MAX_SNAPSHOTS_PER_RUN);
    // vocab 100, embedding 64, units 16: 6400 + 1024 + 256 + 16 values per snapshot.
    expect(snapshotBudget(7696)).toBe(Math.floor(MAX_SNAPSHOT_VALUES_PER_RUN / 7696));
    expect(snapshotBudget(10 * MAX_SNAPSHOT_VALUES_PER_RUN)).toBe(2);
  });
});

describe('snapshot series (trainRun)', () => {
  it('a snapshot every batch over 6400 steps: ≤ budget, step 0 and the last step, evenly spread, the same steps twice', async () => {
    // 2000 samples → 1600 training rows; batch 1 → 1600 steps per epoch; 4 epochs.
    const config = smallConfig(0, { training: { epochs: 4, batchSize: 1, snapshotEveryBatches: 1 } });
    let taken = 0;
    const result = await trainRun(config, { onSnapshot: () => taken++ });
    expect(result.status).toBe('done');
    expect(() => runResultSchema.parse(result)).not.toThrow();
    const steps = result.snapshots.map((s) => s.step);
    expect(steps.length).toBeLessThanOrEqual(MAX_SNAPSHOTS_PER_RUN);
    expect(steps.length).toBeGreaterThan(MAX_SNAPSHOTS_PER_RUN / 2);
    // Weights are read only for snapshots on the grid at the time: a fraction of the 6400 steps.
    expect(taken).toBeLessThan(6400 / 3);
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBe(6400);
    const g = gaps(steps);
    expect(Math.max(...g)).toBeLessThanOrEqual(2 * Math.min(...g));
    for (const e of [1, 2, 3]) expect(steps).toContain(e * 1600);
    expect(result.snapshots.at(-1)!.weights).toEqual(result.weights);
    expect(result.batchLoss.length).toBeLessThanOrEqual(Math.min(400, MAX_BATCH_LOSS_POINTS_PER_RUN));
    // The timeline scrubs by training fraction over the kept steps, whatever their spacing.
    const t = timeline({ name: 'every batch', snapshots: result.snapshots });
    expect(frameAt(t, 0)!.step).toBe(0);
    expect(frameAt(t, 1)!.step).toBe(6400);
    expect(frameAt(t, 0.3)!.step).toBe(Math.max(...steps.filter((s) => s <= 0.3 * 6400)));

    const again = await trainRun(config);
    expect(again.snapshots.map((s) => s.step)).toEqual(steps);
    expect(again.snapshots.map((s) => s.weights)).toEqual(result.snapshots.map((s) => s.weights));
  });

  it('a large model keeps fewer snapshots, within the weight-value budget', async () => {
    const config = smallConfig(0, {
      task: { samples: 400, sequenceLength: 5, vocabularySize: 100, targetDigit: 4 },
      model: { embeddingDim: 64, rnnUnits: 16, readout: 'dense' },
      training: { epochs: 30, batchSize: 16, snapshotEveryBatches: 1 },
    });
    const result = await trainRun(config);
    expect(result.status).toBe('done');
    const total = result.snapshots.reduce((sum, s) => sum + values(s.weights), 0);
    // 6400 + 1024 + 256 + 16, and the dense readout's 16 + 1.
    expect(values(result.snapshots[0].weights)).toBe(7713);
    expect(total).toBeLessThanOrEqual(MAX_SNAPSHOT_VALUES_PER_RUN);
    expect(result.snapshots.length).toBeLessThanOrEqual(snapshotBudget(7713));
    // 30 epochs of 20 batches: only every 2nd epoch end fits (16 of them, step 0 and the last among them).
    expect(result.snapshots.map((s) => [s.epoch, s.batch])).toEqual(
      Array.from({ length: 16 }, (_, i) => [2 * i, i === 0 ? 0 : 20]),
    );
  });

  it('a cancelled run ends its series at the weights it stopped with', async () => {
    const controller = new AbortController();
    let events = 0;
    const result = await trainRun(
      smallConfig(0, { task: { samples: 10_000 }, training: { epochs: 3, batchSize: 1, snapshotEveryBatches: 1 } }),
      {
        signal: controller.signal,
        onProgress: () => {
          if (++events === 3) controller.abort();
        },
      },
    );
    expect(result.status).toBe('cancelled');
    const last = result.snapshots.at(-1)!;
    expect(last.weights).toEqual(result.weights);
    expect(last.step).toBe(result.batchLoss.at(-1)!.step);
    expect(last.step).toBeGreaterThan(0);
    expect(result.snapshots[0].step).toBe(0);
    expect(result.snapshots.length).toBeLessThanOrEqual(MAX_SNAPSHOTS_PER_RUN);
  });
});
