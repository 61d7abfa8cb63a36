import { beforeAll, describe, expect, it } from 'vitest';
import { datasetRows, initBackend, makeDataset, trainRun } from '../../../electron/engine/index.js';
import type { RnnActivation } from '../../../shared/schemas/run-config.js';
import type { Weights } from '../../../shared/schemas/run-result.js';
import { naiveProbability } from '../analysis/naive-forward.js';
import { smallConfig } from './helpers.js';

/**
 * The documented loss with several units: Dense(1) + sigmoid reads the units out, and the loss is the
 * mean binary cross-entropy of that one probability over rows (Keras clips p to [1e-7, 1 − 1e-7]).
 * Computed here from the weights with a plain forward pass and the task's rule for the label, sharing
 * nothing with tfjs.
 */
function denseMeanBce(w: Weights, activation: RnnActivation, rows: number[][], target: number): number {
  const clip = (p: number) => Math.min(Math.max(p, 1e-7), 1 - 1e-7);
  let sum = 0;
  for (const row of rows) {
    const label = row.includes(target) ? 1 : 0;
    const p = clip(naiveProbability(w, activation, true, row));
    sum -= label ? Math.log(p) : Math.log(1 - p);
  }
  return sum / rows.length;
}

beforeAll(async () => {
  await initBackend();
});

describe("reference engine: the loss with several RNN units is the dense readout's mean cross-entropy", () => {
  const cases: { units: number; activation: RnnActivation }[] = [
    { units: 2, activation: 'tanh' },
    { units: 3, activation: 'linear' },
    { units: 3, activation: 'relu' },
  ];
  for (const { units, activation } of cases) {
    it(`${units} units, ${activation} RNN: training and validation loss of every epoch`, async () => {
      // One batch = the whole training set: each epoch is one Adam step, taken at the weights the
      // previous epoch ended with, so its training loss is the loss of those weights on every training row.
      const config = smallConfig(0, {
        task: { samples: 200 },
        model: { embeddingDim: 3, rnnUnits: units, rnnActivation: activation, readout: 'dense' },
        training: { engine: 'reference', epochs: 3, batchSize: 160, learningRate: 0.05, seed: 5 },
      });
      const result = await trainRun(config);
      expect(result.status).toBe('done');
      const data = makeDataset(config.task);
      expect(data.trainSize).toBe(160);
      const train = datasetRows(data, 0, data.trainSize);
      const validation = datasetRows(data, data.trainSize, data.size);
      const target = config.task.targetDigit;
      // The weights after `step` steps: the initial ones (step 0), then one snapshot per epoch end.
      const atStep = (step: number) => result.snapshots.find((s) => s.step === step)?.weights;
      expect(result.history).toHaveLength(3);
      for (const record of result.history) {
        const before = atStep(record.epoch - 1)!;
        const after = atStep(record.epoch)!;
        expect(before, `weights before epoch ${record.epoch}`).toBeDefined();
        expect(after, `weights after epoch ${record.epoch}`).toBeDefined();
        expect(record.loss, `epoch ${record.epoch} loss`).toBeCloseTo(
          denseMeanBce(before, activation, train, target),
          5,
        );
        expect(record.valLoss, `epoch ${record.epoch} val_loss`).toBeCloseTo(
          denseMeanBce(after, activation, validation, target),
          5,
        );
        // The batch-loss curve has one point per step here: the same number.
        const point = result.batchLoss.find((p) => p.step === record.epoch);
        expect(point?.loss, `batch loss at step ${record.epoch}`).toBeCloseTo(record.loss, 6);
      }
      // The loss moved: a test that compared a constant with itself would not see a wrong scale.
      expect(Math.abs(result.history[0].loss - result.history[2].loss)).toBeGreaterThan(1e-3);
    });
  }

  it('the fused engine reports the same numbers for the same run', async () => {
    const base = {
      task: { samples: 200 },
      model: { embeddingDim: 3, rnnUnits: 3, rnnActivation: 'tanh' as const, readout: 'dense' as const },
      training: { epochs: 2, batchSize: 160, learningRate: 0.05, seed: 5 },
    };
    const reference = await trainRun(smallConfig(0, { ...base, training: { ...base.training, engine: 'reference' } }));
    const fused = await trainRun(smallConfig(0, { ...base, training: { ...base.training, engine: 'fused' } }));
    for (const [i, record] of reference.history.entries()) {
      expect(record.loss, `epoch ${i + 1} loss`).toBeCloseTo(fused.history[i].loss, 5);
      expect(record.valLoss, `epoch ${i + 1} val_loss`).toBeCloseTo(fused.history[i].valLoss, 5);
    }
  });
});
