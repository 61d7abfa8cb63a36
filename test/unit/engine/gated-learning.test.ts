import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, trainRun } from '../../../electron/engine/index.js';
import { runResultSchema } from '../../../shared/schemas/run-result.js';
import { expectPredictionsFromLayers, smallConfig } from './helpers.js';

beforeAll(async () => {
  await initBackend();
});

/**
 * The gated cells learn with the lab's defaults: "contains a 4" at length 10, 10,000 rows, 4 epochs,
 * batch 8, Adam at 0.02, embedding 4, 4 tanh units and the dense readout, on the fused engine.
 */
describe('GRU and LSTM learn "contains" at length 10 with the defaults', () => {
  for (const cell of ['gru', 'lstm'] as const) {
    it(`${cell}: val acc ≥ 0.95, no leaked tensors, predictions = tfjs's own layers`, async () => {
      const config = smallConfig(1, {
        task: { samples: 10_000, sequenceLength: 10 },
        model: { cell, readout: 'dense', embeddingDim: 4, rnnUnits: 4, rnnActivation: 'tanh' },
        training: { epochs: 4, batchSize: 8, learningRate: 0.02, engine: 'fused' },
      });
      const before = tf.memory().numTensors;
      const result = await trainRun(config);
      expect(tf.memory().numTensors).toBe(before);
      expect(result.status).toBe('done');
      expect(() => runResultSchema.parse(result)).not.toThrow();
      expect(result.history.at(-1)!.valAcc).toBeGreaterThanOrEqual(0.95);
      expect(result.history.at(-1)!.loss).toBeLessThan(result.history[0].loss);
      // The stored weights have the cell's layout: G·H columns and the readout.
      const G = cell === 'gru' ? 3 : 4;
      expect(result.weights.kernel[0]).toHaveLength(G * 4);
      expect(result.weights.recurrentKernel).toHaveLength(4);
      expect(result.weights.readout?.kernel).toHaveLength(4);
      expect(result.digitScores[0]).toHaveLength(G * 4);
      await expectPredictionsFromLayers(config, result);
    });
  }
});
