import { describe, expect, it } from 'vitest';
import { floorInitialParams, floorLayout, FloorTrainer, trainFloor } from '../../../electron/bench/floor-trainer.js';
import { initBackend } from '../../../electron/engine/backend.js';
import { makeDataset } from '../../../electron/engine/dataset.js';
import { FusedTrainer } from '../../../electron/engine/fused-trainer.js';
import { initialFlatParams, paramLayout } from '../../../electron/engine/initial-weights.js';
import { deriveSeed, mulberry32, shuffledIndices } from '../../../shared/rng.js';
import { SEED_PRESET } from '../../../shared/presets.js';
import { smallConfig } from '../engine/helpers.js';

/**
 * The floor is the engine's maths without tfjs: started from the engine's own initial weights on the same
 * rows, its loss per step equals the fused engine's. The engine keeps float32 parameters and Adam state
 * (tfjs's CPU tensors) where the floor keeps float64 (with tfjs's float32 Adam constants), so the two drift
 * apart by float32 rounding only.
 */
describe('the floor trainer (plain JS, no tfjs)', () => {
  const cases = [
    ['Embedding 10 · linear', smallConfig(0)],
    ['Embedding 1 · sigmoid RNN (its own output)', smallConfig(3)],
    [
      '2 tanh units, dense readout',
      smallConfig(0, { model: { rnnUnits: 2, rnnActivation: 'tanh', readout: 'dense' } }),
    ],
    [
      '3 relu units, dense readout',
      smallConfig(1, { model: { rnnUnits: 3, rnnActivation: 'relu', readout: 'dense' } }),
    ],
  ] as const;

  it.each(cases)(
    '%s: same loss per step as the fused engine for 60 steps (1e-6 for the first 3, then float32 rounding: 2e-5)',
    async (_, config) => {
      await initBackend();
      expect(floorLayout(config).size).toBe(paramLayout(config).size);
      const data = makeDataset(config.task);
      const fused = new FusedTrainer(config, data);
      const floor = new FloorTrainer(config, data, initialFlatParams(config), config.training.batchSize);
      const order = shuffledIndices(new Int32Array(data.trainSize), mulberry32(deriveSeed(1, 4)));
      const B = config.training.batchSize;
      let worst = 0;
      let early = 0;
      let moved = 0;
      let first = NaN;
      for (let s = 0; s < 60; s++) {
        const rows = order.subarray(s * B, (s + 1) * B);
        fused.step(rows);
        const engineLoss = fused.drain().lossSum / rows.length;
        const floorLoss = floor.step(rows).lossSum / rows.length;
        worst = Math.max(worst, Math.abs(engineLoss - floorLoss));
        if (s < 3) early = Math.max(early, Math.abs(engineLoss - floorLoss));
        if (s === 0) first = floorLoss;
        moved = Math.max(moved, Math.abs(floorLoss - first));
      }
      fused.dispose();
      // Step 0 is bit-equal (same float32 weights, float64 sums); each later step rounds the engine's
      // weights and Adam moments to float32, so the gap grows to a few 1e-6 and stays there.
      expect(early).toBeLessThan(1e-6);
      expect(worst).toBeLessThan(2e-5);
      // The steps really trained: the loss moved far more than the tolerance.
      expect(moved).toBeGreaterThan(1e-3);
    },
  );

  it("learns the seed task from its own initial weights (Embedding 10 · linear reaches the engine's accuracy)", () => {
    const config = smallConfig(0, { task: { samples: 4000 }, training: { epochs: 4 } });
    const history = trainFloor(config, makeDataset(config.task));
    expect(history).toHaveLength(4);
    expect(history.at(-1)!.valAcc).toBeGreaterThan(0.95);
    expect(history.at(-1)!.valLoss).toBeLessThan(history[0].valLoss + 1e-9);
  });

  it('refuses a cell it does not implement and initial weights of the wrong size', () => {
    const gru = smallConfig(0, { model: { cell: 'gru', readout: 'dense', rnnActivation: 'tanh' } });
    expect(() => floorLayout(gru)).toThrow(/SimpleRNN only/);
    const config = smallConfig(0);
    expect(() => new FloorTrainer(config, makeDataset(config.task), [1, 2], 8)).toThrow(/2 initial values/);
    expect(floorInitialParams(config)).toHaveLength(paramLayout(config).size);
    expect(SEED_PRESET).toHaveLength(4);
  });
});
