import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { initBackend } from '../../../electron/engine/backend.js';
import { makeDataset } from '../../../electron/engine/dataset.js';
import { paramLayout } from '../../../electron/engine/initial-weights.js';
import { runBytes, stackCapacity, STACK_MEMORY_BYTES } from '../../../electron/engine/stacked/run-memory.js';
import { StackedAdam } from '../../../electron/engine/stacked/stacked-adam.js';
import { StackedTrainer } from '../../../electron/engine/stacked/stacked-trainer.js';
import { mulberry32 } from '../../../shared/rng.js';
import { smallConfig } from './helpers.js';

describe('StackedAdam = tf.train.adam, row by row', () => {
  it.each(['auto', 'ops'] as const)(
    '%s: each row updates bit for bit as its own tf.train.adam with its own learning rate, over 50 steps',
    async (mode) => {
      await initBackend();
      const before = tf.memory().numTensors;
      const rates = [0.02, 0.03, 0.001];
      const P = 7;
      const random = mulberry32(5);
      const start = Float32Array.from({ length: rates.length * P }, () => random() - 0.5);
      const adam = new StackedAdam(rates.length, P, mode);
      // On the CPU backend the default is the one-pass update; 'ops' is the op chain other backends run.
      expect(adam.onePass).toBe(mode === 'auto');
      rates.forEach((lr, r) => adam.reset(r, lr));
      let stacked = tf.tensor2d(start, [rates.length, P]);
      const alone = rates.map((lr, r) => {
        const initial = tf.tensor1d(start.slice(r * P, (r + 1) * P));
        const value = tf.variable(initial);
        initial.dispose();
        return { value, optimizer: tf.train.adam(lr) };
      });
      for (let step = 0; step < 50; step++) {
        // Gradients over several scales, zeros among them (Adam's ε decides those).
        const g = Float32Array.from({ length: rates.length * P }, (_, i) =>
          i % 5 === 0 ? 0 : (random() - 0.5) * 10 ** -Math.floor(random() * 6),
        );
        const gradient = tf.tensor2d(g, [rates.length, P]);
        const next = adam.update(stacked, gradient);
        tf.dispose([gradient, stacked]);
        stacked = next;
        alone.forEach(({ value, optimizer }, r) => {
          const grad = tf.tensor1d(g.slice(r * P, (r + 1) * P));
          optimizer.applyGradients([{ name: value.name, tensor: grad }]);
          grad.dispose();
        });
      }
      const values = stacked.dataSync();
      alone.forEach(({ value }, r) =>
        expect(Array.from(values.slice(r * P, (r + 1) * P))).toEqual(Array.from(value.dataSync())),
      );
      // The values did move (a comparison of untouched parameters would prove nothing).
      expect(values[1]).not.toBe(start[1]);
      stacked.dispose();
      adam.dispose();
      alone.forEach(({ value, optimizer }) => {
        value.dispose();
        optimizer.dispose();
      });
      expect(tf.memory().numTensors).toBe(before);
    },
  );
});

describe('StackedTrainer padding', () => {
  it('padded parameters and a free slot get zero gradients and stay exactly zero (values and Adam moments)', async () => {
    await initBackend();
    const before = tf.memory().numTensors;
    const big = smallConfig(0, { model: { cell: 'lstm', readout: 'dense', rnnActivation: 'tanh', rnnUnits: 3 } });
    const small = smallConfig(3, { training: { seed: 2 } });
    const width = paramLayout(big).size;
    const sizes = [width, paramLayout(small).size];
    expect(sizes[1]).toBeLessThan(width);
    const trainer = new StackedTrainer(3, width);
    const data = [makeDataset(big.task), makeDataset(small.task)];
    expect(trainer.place(big, data[0])).toBe(0);
    expect(trainer.place(small, data[1])).toBe(1);
    const B = 8;
    for (let step = 0; step < 30; step++) {
      const rows = (d: number) => Int32Array.from({ length: B }, (_, i) => (step * B + i + d) % data[d].trainSize);
      trainer.step([rows(0), rows(1), null]);
    }
    const { params, m, v } = trainer.snapshot();
    const padding = (a: Float32Array) => [...a.slice(width + sizes[1], 2 * width), ...a.slice(2 * width)];
    for (const a of [params, m, v]) expect(padding(a).every((x) => Object.is(x, 0))).toBe(true);
    // Both runs trained: their rows moved and their moments are not zero.
    expect(m.slice(width, width + sizes[1]).some((x) => x !== 0)).toBe(true);
    expect(trainer.drain(1).rows).toBe(30 * B);
    // A run that leaves: its row goes back to zero and stays there while the other trains on.
    trainer.remove(0);
    trainer.step([null, Int32Array.of(1, 2, 3), null]);
    const after = trainer.snapshot();
    for (const a of [after.params, after.m, after.v])
      expect(a.slice(0, width).every((x) => Object.is(x, 0))).toBe(true);
    expect(() => trainer.weights(0)).toThrow(/free/);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a run wider than the stack and a full stack', async () => {
    await initBackend();
    const config = smallConfig(0);
    const trainer = new StackedTrainer(1, 10);
    expect(() => trainer.place(config, makeDataset(config.task))).toThrow(/exceeds the stack's 10/);
    trainer.dispose();
    const one = new StackedTrainer(1, paramLayout(config).size);
    one.place(config, makeDataset(config.task));
    expect(() => one.place(config, makeDataset(config.task))).toThrow(/full/);
    one.dispose();
  });
});

describe('a stack holds bounded memory', () => {
  it('seed runs (≈ 2 MB each) all fit; large runs are held to the budget and the rest wait their turn', () => {
    const seed = smallConfig(0, { task: { samples: 10_000 } });
    expect(runBytes(seed)).toBeGreaterThan(100_000);
    expect(runBytes(seed)).toBeLessThan(3 * 2 ** 20);
    expect(stackCapacity(Array.from({ length: 40 }, () => seed))).toBe(40);
    const large = smallConfig(0, {
      task: { samples: 10_000, sequenceLength: 20 },
      model: { cell: 'lstm', readout: 'dense', rnnActivation: 'tanh', embeddingDim: 32, rnnUnits: 16 },
    });
    expect(runBytes(large)).toBeGreaterThan(100 * 2 ** 20);
    const capacity = stackCapacity(Array.from({ length: 40 }, () => large));
    expect(capacity).toBe(2);
    expect(capacity * runBytes(large)).toBeLessThanOrEqual(STACK_MEMORY_BYTES);
    // A run larger than the whole budget trains alone.
    const huge = smallConfig(0, {
      task: { samples: 20_000, sequenceLength: 60 },
      model: { cell: 'lstm', readout: 'dense', rnnActivation: 'tanh', embeddingDim: 64, rnnUnits: 16 },
    });
    expect(runBytes(huge)).toBeGreaterThan(STACK_MEMORY_BYTES);
    expect(stackCapacity([huge, huge, huge])).toBe(1);
  });
});
