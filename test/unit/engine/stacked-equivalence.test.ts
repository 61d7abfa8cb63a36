import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it, vi } from 'vitest';
import { initBackend, trainRun, type TrainOptions } from '../../../electron/engine/index.js';
import { FusedLoss } from '../../../electron/engine/fused-loss.js';
import { trainStack } from '../../../electron/engine/stacked/train-stack.js';
import type { RunConfig } from '../../../shared/schemas/run-config.js';
import type { RunResult } from '../../../shared/schemas/run-result.js';
import { smallConfig } from './helpers.js';

/**
 * A run trained in a stack gives exactly the result it gets alone: the same history, batch-loss curve,
 * snapshots, weights, digit scores and predictions, bit for bit (tolerance 0). Why exact: both paths compute a
 * step with the same float64 kernels on the same float32 weights (tfjs's CPU tensors are float32) and round the
 * gradient to float32 the same way, and the stack's Adam is tf.train.adam's float32 ops on a [R, P] tensor.
 * Only the wall-clock figure (trainSeconds) differs.
 */
type Case = { name: string; config: RunConfig };

const tiny = (overrides: Parameters<typeof smallConfig>[1], preset = 0) =>
  smallConfig(preset, {
    ...overrides,
    task: { samples: 300, ...overrides?.task },
    training: { epochs: 2, batchSize: 16, ...overrides?.training },
  });

const activations = ['linear', 'sigmoid', 'tanh', 'relu'] as const;
const cases: Case[] = [
  // The SimpleRNN's activation readout: through the output sigmoid, and a sigmoid RNN as its own output.
  ...activations.map((a, i) => ({
    name: `simple · ${a} · activation readout`,
    config: tiny({ model: { rnnActivation: a }, training: { seed: 10 + i } }),
  })),
  { name: 'simple · sigmoid · its own output', config: tiny({ training: { seed: 3 } }, 3) },
  // Every cell with the dense readout, shapes mixed (E, H and G differ, so rows are padded differently).
  ...(['simple', 'gru', 'lstm'] as const).flatMap((cell, c) =>
    activations.map((a, i) => ({
      name: `${cell} · ${a} · dense readout`,
      config: tiny({
        task: { samples: 200 + 40 * i },
        model: { cell, rnnActivation: a, readout: 'dense', rnnUnits: 1 + ((c + i) % 3), embeddingDim: 1 + i },
        training: { seed: 20 + 4 * c + i, batchSize: 8 + 8 * (i % 2), epochs: 1 + (i % 3), snapshotEveryBatches: 3 },
      }),
    })),
  ),
];

/** Results without the wall-clock figure. */
const comparable = (r: RunResult) => ({ ...r, trainSeconds: 0 });

async function alone(configs: RunConfig[], options: (i: number) => TrainOptions = () => ({})): Promise<RunResult[]> {
  const out: RunResult[] = [];
  for (const [i, config] of configs.entries()) out.push(await trainRun(config, options(i)));
  return out;
}

describe('stacked training: a run in a stack = the same run alone (bit for bit)', () => {
  it('every cell × activation × readout, padded shapes mixed in one stack, full records kept', async () => {
    await initBackend();
    const configs = cases.map((c) => c.config);
    const before = tf.memory().numTensors;
    const stacked = await trainStack(configs.map((config) => ({ config })));
    expect(tf.memory().numTensors).toBe(before);
    const single = await alone(configs);
    for (const [i, c] of cases.entries()) {
      expect(stacked[i].status, c.name).toBe('done');
      expect(stacked[i].history, c.name).toHaveLength(c.config.training.epochs);
      expect(stacked[i].snapshots.length, c.name).toBeGreaterThan(2);
      expect(stacked[i].predictions, c.name).toHaveLength(10);
      expect(comparable(stacked[i]), c.name).toEqual(comparable(single[i]));
    }
    // The runs learned something (the comparison is not between two untrained models).
    expect(stacked.some((r) => r.history.at(-1)!.valAcc > 0.8)).toBe(true);
  });

  it('a stack smaller than the jobs: waiting runs join as others leave (light runs, as a sweep keeps them)', async () => {
    const configs = cases.slice(0, 9).map((c) => c.config);
    const keep = [] as const;
    const stacked = await trainStack(
      configs.map((config) => ({ config, options: { keep } })),
      { capacity: 3 },
    );
    const single = await alone(configs, () => ({ keep }));
    for (const [i, config] of configs.entries()) {
      expect(stacked[i].history).toHaveLength(config.training.epochs);
      expect(stacked[i].batchLoss).toEqual([]);
      expect(comparable(stacked[i])).toEqual(comparable(single[i]));
    }
  });

  it('a run cancelled mid-epoch leaves the stack with its partial run; the others go on unchanged', async () => {
    const configs = cases.slice(5, 10).map((c) => c.config);
    const victim = 2;
    // Cancelled right after its first in-epoch snapshot of epoch 1 (batch 3): a point both paths reach alike.
    const cancelAt = (controller: AbortController): TrainOptions => ({
      signal: controller.signal,
      onSnapshot: (s) => {
        if (s.step === 3) controller.abort();
      },
    });
    const stacked = await trainStack(
      configs.map((config, i) => ({ config, options: i === victim ? cancelAt(new AbortController()) : {} })),
    );
    const single = await alone(configs, (i) => (i === victim ? cancelAt(new AbortController()) : {}));
    expect(stacked[victim].status).toBe('cancelled');
    expect(stacked[victim].history).toHaveLength(0);
    expect(stacked[victim].snapshots.at(-1)).toMatchObject({ epoch: 1, batch: 3, step: 3 });
    for (const i of configs.keys()) {
      if (i !== victim) expect(stacked[i].status).toBe('done');
      expect(comparable(stacked[i])).toEqual(comparable(single[i]));
    }
  });

  it('a run that diverges leaves the stack as failed; the others go on unchanged', async () => {
    // The fused kernels clip the loss like Keras and compute in float64, so no valid config overflows quickly:
    // the fault is injected instead, an infinite gradient at the 5th step of one run (its kernel's own output,
    // the same in both paths), which Adam turns into NaN weights as a real overflow would.
    const configs = cases.slice(0, 4).map((c) => c.config);
    const victim = 1;
    // Known to the fault by its row count (maxRows = its data set's 260 rows; the others have 300).
    configs[victim] = tiny({ task: { samples: 260 }, training: { seed: 99 } });
    const calls = new WeakMap<object, number>();
    type Backward = (this: FusedLoss, ...args: Parameters<FusedLoss['backward']>) => void;
    const original = Object.getOwnPropertyDescriptor(FusedLoss.prototype, 'backward')!.value as Backward;
    const spy = vi.spyOn(FusedLoss.prototype, 'backward').mockImplementation(function (this: FusedLoss, ...args) {
      original.apply(this, args);
      const n = (calls.get(this) ?? 0) + 1;
      calls.set(this, n);
      const out = args[3];
      if (n === 5 && this.maxRows === 260) out.fill(Infinity);
    });
    try {
      const before = tf.memory().numTensors;
      const stacked = await trainStack(configs.map((config) => ({ config })));
      expect(tf.memory().numTensors).toBe(before);
      const single = await alone(configs);
      expect(stacked[victim].status).toBe('failed');
      expect(stacked[victim].error).toMatch(/diverged/);
      expect(stacked[victim].predictions).toEqual([]);
      for (const i of configs.keys()) {
        if (i !== victim) expect(stacked[i].status).toBe('done');
        expect(comparable(stacked[i])).toEqual(comparable(single[i]));
      }
    } finally {
      spy.mockRestore();
    }
  });

  it('a run cancelled before it starts, and a reference-engine run (trained alone after the stack)', async () => {
    const controller = new AbortController();
    controller.abort();
    const reference = tiny({ training: { engine: 'reference', epochs: 1 } });
    const configs = [cases[0].config, cases[9].config, reference];
    const stacked = await trainStack(
      configs.map((config, i) => ({ config, options: i === 1 ? { signal: controller.signal } : {} })),
    );
    const single = await alone(configs, (i) => (i === 1 ? { signal: controller.signal } : {}));
    expect(stacked.map((r) => r.status)).toEqual(['done', 'cancelled', 'done']);
    for (const i of [0, 1]) expect(comparable(stacked[i])).toEqual(comparable(single[i]));
    // The reference engine's Adam state lives in tfjs-layers: compared to its own run alone, to float32 tolerance.
    expect(stacked[2].history.at(-1)!.valLoss).toBeCloseTo(single[2].history.at(-1)!.valLoss, 5);
  });
});
