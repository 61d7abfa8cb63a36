import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, predict, trainRun, type Progress } from '../../../electron/engine/index.js';
import { LabError } from '../../../shared/errors.js';
import { runResultSchema } from '../../../shared/schemas/run-result.js';
import { smallConfig } from './helpers.js';

beforeAll(async () => {
  await initBackend();
});

describe('cancellation', () => {
  for (const engine of ['fused', 'reference'] as const) {
    it(`${engine}: abort at the first progress event → cancelled, partial, consistent, no leaks`, async () => {
      const config = smallConfig(0, { training: { engine, epochs: 3 } });
      const before = tf.memory().numTensors;
      const controller = new AbortController();
      let events = 0;
      const result = await trainRun(config, {
        signal: controller.signal,
        onProgress: () => {
          events++;
          controller.abort();
        },
      });
      expect(tf.memory().numTensors).toBe(before);
      expect(result.status).toBe('cancelled');
      expect(events).toBe(1);
      expect(result.history).toHaveLength(0);
      expect(() => runResultSchema.parse(result)).not.toThrow();
      // The weights are the current ones: one step was taken, so they moved from the start.
      expect(result.weights).not.toEqual(result.snapshots[0].weights);
      expect(result.batchLoss.length).toBeGreaterThan(0);
    });
  }

  it('abort after the first epoch keeps exactly the completed epoch', async () => {
    const controller = new AbortController();
    const result = await trainRun(smallConfig(1, { training: { epochs: 4 } }), {
      signal: controller.signal,
      onEpoch: () => controller.abort(),
    });
    expect(result.status).toBe('cancelled');
    expect(result.history.map((h) => h.epoch)).toEqual([1]);
    expect(result.snapshots.map((s) => s.epoch)).toEqual([0, 1]);
  });

  it('an abort sent from another event (a timer) gets through the training loop', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const config = smallConfig(0, { task: { samples: 20_000 }, training: { epochs: 50 } });
    const result = await trainRun(config, { signal: controller.signal });
    expect(result.status).toBe('cancelled');
    expect(result.history.length).toBeLessThan(50);
  });

  it('an already aborted signal trains nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await trainRun(smallConfig(2), { signal: controller.signal });
    expect(result.status).toBe('cancelled');
    expect(result.history).toEqual([]);
    expect(result.weights).toEqual(result.snapshots[0].weights);
  });
});

describe('resources and reproducibility', () => {
  it('the tensor count is the same before and after runs and flat across epochs', async () => {
    const before = tf.memory().numTensors;
    for (const engine of ['fused', 'reference'] as const) {
      const perEpoch: number[] = [];
      await trainRun(smallConfig(3, { task: { samples: 400 }, training: { engine, epochs: 3 } }), {
        onEpoch: () => perEpoch.push(tf.memory().numTensors),
      });
      expect(new Set(perEpoch).size).toBe(1);
      expect(tf.memory().numTensors).toBe(before);
    }
  });

  it('GRU and LSTM on both engines: the tensor count is the same before and after and flat across epochs', async () => {
    const before = tf.memory().numTensors;
    for (const cell of ['gru', 'lstm'] as const) {
      for (const engine of ['fused', 'reference'] as const) {
        const perEpoch: number[] = [];
        const config = smallConfig(0, {
          task: { samples: 200 },
          model: { cell, readout: 'dense', rnnUnits: 2, rnnActivation: 'tanh' },
          training: { engine, epochs: 3 },
        });
        const result = await trainRun(config, { onEpoch: () => perEpoch.push(tf.memory().numTensors) });
        expect(result.status).toBe('done');
        expect(new Set(perEpoch).size, `${cell} ${engine}`).toBe(1);
        expect(tf.memory().numTensors, `${cell} ${engine}`).toBe(before);
      }
    }
  });

  for (const engine of ['fused', 'reference'] as const) {
    it(`${engine}: the same config and seeds give bit-identical numbers`, async () => {
      const config = smallConfig(0, {
        task: { samples: engine === 'fused' ? 2000 : 400 },
        training: { engine, epochs: 2, snapshotEveryBatches: 17 },
      });
      const { trainSeconds: _a, ...first } = await trainRun(config);
      const { trainSeconds: _b, ...second } = await trainRun(config);
      expect(second).toEqual(first);
      const other = await trainRun({ ...config, training: { ...config.training, seed: 43 } });
      expect(other.weights).not.toEqual(first.weights);
    });
  }
});

describe('result shape', () => {
  it('snapshots: initial, every K batches, each epoch end; batch loss ≤ 400 points ending at the last step', async () => {
    const snapshots: number[][] = [];
    const config = smallConfig(2, { training: { epochs: 3, snapshotEveryBatches: 50 } });
    const result = await trainRun(config, { onSnapshot: (s) => snapshots.push([s.epoch, s.batch, s.step]) });
    // 1600 training rows / 8 = 200 batches per epoch.
    const expected = [[0, 0, 0]];
    for (let e = 1; e <= 3; e++) for (const b of [50, 100, 150, 200]) expected.push([e, b, (e - 1) * 200 + b]);
    expect(snapshots).toEqual(expected);
    expect(result.snapshots.map((s) => [s.epoch, s.batch, s.step])).toEqual(expected);
    expect(result.batchLoss.length).toBeLessThanOrEqual(400);
    expect(result.batchLoss.at(-1)!.step).toBe(600);
    const steps = result.batchLoss.map((p) => p.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));

    const long = await trainRun(smallConfig(3, { task: { samples: 10_000 }, training: { epochs: 1, batchSize: 2 } }));
    expect(long.batchLoss.length).toBeLessThanOrEqual(400);
    expect(long.batchLoss.at(-1)!.step).toBe(4000);
  });

  it('progress: well-formed, ≤ 20 per second within an epoch, one at each epoch end', async () => {
    const events: Progress[] = [];
    await trainRun(smallConfig(0, { task: { samples: 10_000 }, training: { epochs: 2 } }), {
      onProgress: (p) => events.push(p),
    });
    const ends = events.filter((p) => p.batch === p.batchesPerEpoch);
    expect(ends.map((p) => p.epoch)).toEqual([1, 2]);
    expect(events.at(-1)!.fraction).toBe(1);
    const within = events.filter((p) => p.batch !== p.batchesPerEpoch);
    for (let i = 1; i < within.length; i++) {
      expect(within[i].elapsedMs - within[i - 1].elapsedMs).toBeGreaterThanOrEqual(49);
    }
    for (const p of events) expect(p.fraction).toBeGreaterThanOrEqual(0);
  });
});

describe('input validation', () => {
  it('rejects a bad config with one clear line', async () => {
    const bad = smallConfig(0);
    await expect(trainRun({ ...bad, model: { ...bad.model, embeddingDim: 0 } })).rejects.toThrow(LabError);
    await expect(trainRun({ ...bad, model: { ...bad.model, embeddingDim: 0 } })).rejects.toThrow(
      /^run config is invalid at \$\.model\.embeddingDim: [^\n]+$/,
    );
  });

  it('predict rejects digits outside the vocabulary and wrong lengths', async () => {
    const config = smallConfig(0);
    const result = await trainRun({ ...config, training: { ...config.training, epochs: 1 } });
    await expect(predict(config, result.weights, [[1, 2, 10]])).rejects.toThrow(/digit outside 0\.\.9/);
    await expect(predict(config, result.weights, [[1, 2]])).rejects.toThrow(/must have 3 digits/);
    await expect(predict(smallConfig(1), result.weights, [[1, 2, 3]])).rejects.toThrow(/weights do not fit/);
    expect(await predict(config, result.weights, [])).toEqual([]);
  });
});
