import { beforeAll, describe, expect, it } from 'vitest';
import { datasetRows, initBackend, makeDataset, trainRun } from '../../../electron/engine/index.js';
import { finalState, readout } from '../../../shared/analysis/forward.js';
import { smallConfig } from './helpers.js';

beforeAll(async () => {
  await initBackend();
});

/**
 * With rnnUnits > 1 the label is tiled per unit. The loss stays the per-unit mean cross-entropy (what is
 * trained), but acc/valAcc must read a row out as the predictions do: mean of the units' probabilities > 0.5.
 */
describe("accuracy with several RNN units uses the predictions' readout", () => {
  for (const engine of ['fused', 'reference'] as const) {
    it(`${engine}: valAcc = share of validation rows whose mean unit probability is on the label's side`, async () => {
      // Seed and size chosen so that after one epoch the units disagree on some rows (checked below).
      const config = smallConfig(0, {
        task: { samples: 600 },
        model: { embeddingDim: 2, rnnUnits: 3, rnnActivation: 'tanh' },
        training: { engine, epochs: 1, learningRate: 0.003, seed: 3 },
      });
      const result = await trainRun(config);
      expect(result.status).toBe('done');
      const data = makeDataset(config.task);
      const rows = datasetRows(data, data.trainSize, data.size);
      const labels = Array.from(data.labels.subarray(data.trainSize));
      const model = { name: 'x', weights: result.weights, model: config.model, task: config.task };
      const outs = rows.map((row) => readout(model, finalState(model, row)));
      const meanReadout = outs.filter((o, i) => (o.probability > 0.5 ? 1 : 0) === labels[i]).length / rows.length;
      const perUnit =
        outs.reduce((n, o, i) => n + o.unitProbabilities.filter((p) => (p > 0.5 ? 1 : 0) === labels[i]).length, 0) /
        (rows.length * 3);
      // The test can tell the two apart: per-unit counting gives another number here.
      expect(Math.abs(perUnit - meanReadout)).toBeGreaterThan(1e-3);
      expect(result.history.at(-1)!.valAcc).toBeCloseTo(meanReadout, 12);
      // The loss is still the per-unit mean binary cross-entropy (Keras clips p to [1e-7, 1 - 1e-7]).
      const clip = (p: number) => Math.min(Math.max(p, 1e-7), 1 - 1e-7);
      const bce =
        outs.reduce(
          (s, o, i) =>
            s + o.unitProbabilities.reduce((t, p) => t - (labels[i] ? Math.log(clip(p)) : Math.log(1 - clip(p))), 0),
          0,
        ) /
        (rows.length * 3);
      expect(result.history.at(-1)!.valLoss).toBeCloseTo(bce, 5);
    });
  }
});
