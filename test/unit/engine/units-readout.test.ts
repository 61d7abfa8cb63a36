import { beforeAll, describe, expect, it } from 'vitest';
import { datasetRows, initBackend, makeDataset, trainRun } from '../../../electron/engine/index.js';
import { naiveProbability, naiveStates } from '../analysis/naive-forward.js';
import { smallConfig } from './helpers.js';

beforeAll(async () => {
  await initBackend();
});

/**
 * With rnnUnits > 1 the model reads its units out through Dense(1) + sigmoid: one probability per row.
 * acc/valAcc count rows whose probability is on the label's side of 0.5, and the loss is the mean binary
 * cross-entropy over rows of that probability — recomputed here from the stored weights with a plain
 * forward pass that shares nothing with the engine.
 */
describe('several RNN units: accuracy and loss read the dense readout', () => {
  for (const engine of ['fused', 'reference'] as const) {
    it(`${engine}: valAcc and valLoss = the dense readout's, row by row`, async () => {
      const config = smallConfig(0, {
        task: { samples: 600 },
        model: { embeddingDim: 2, rnnUnits: 3, rnnActivation: 'tanh', readout: 'dense' },
        training: { engine, epochs: 1, learningRate: 0.003, seed: 3 },
      });
      const result = await trainRun(config);
      expect(result.status).toBe('done');
      const w = result.weights;
      expect(w.readout?.kernel).toHaveLength(3);
      const data = makeDataset(config.task);
      const rows = datasetRows(data, data.trainSize, data.size);
      const labels = Array.from(data.labels.subarray(data.trainSize));
      const probabilities = rows.map((row) => naiveProbability(w, 'tanh', true, row));
      const dense = probabilities.filter((p, i) => (p > 0.5 ? 1 : 0) === labels[i]).length / rows.length;
      // The retired readout (mean of the units' sigmoids) gives another number here: the test tells them apart.
      const meanOfUnits = rows.filter((row, i) => {
        const last = naiveStates(w, 'tanh', row).at(-1)!;
        const mean = last.reduce((s, h) => s + 1 / (1 + Math.exp(-h)), 0) / last.length;
        return (mean > 0.5 ? 1 : 0) === labels[i];
      }).length;
      expect(Math.abs(meanOfUnits / rows.length - dense)).toBeGreaterThan(1e-3);
      expect(result.history.at(-1)!.valAcc).toBeCloseTo(dense, 12);
      // Keras clips p to [1e-7, 1 - 1e-7] before the log.
      const clip = (p: number) => Math.min(Math.max(p, 1e-7), 1 - 1e-7);
      const bce =
        probabilities.reduce((s, p, i) => s - (labels[i] ? Math.log(clip(p)) : Math.log(1 - clip(p))), 0) / rows.length;
      expect(result.history.at(-1)!.valLoss).toBeCloseTo(bce, 5);
      // The stored predictions are the same readout.
      for (const p of result.predictions) {
        expect(p.probability).toBeCloseTo(naiveProbability(w, 'tanh', true, p.input), 5);
      }
    });
  }
});
