import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, trainRun } from '../../../electron/engine/index.js';
import { SEED_PRESET } from '../../../shared/presets.js';
import { runResultSchema } from '../../../shared/schemas/run-result.js';
import { expectPredictionsFromLayers, maxAbsDiff, smallConfig } from './helpers.js';

/**
 * Training seed for the per-preset tests (the presets' own seed). Seed 42 draws U = −1 from the
 * 1×1 orthogonal initialiser (it can only give ±1), and a linear RNN started there settles in a
 * local minimum at ~0.83 accuracy (pinned down below). Seed 7 draws U = +1.
 */
const TEST_SEED = 7;
const STUCK_SEED = 42;

beforeAll(async () => {
  await initBackend();
});

describe('trainRun learns the seed task', () => {
  SEED_PRESET.forEach((preset, index) => {
    it(`${preset.name}: val acc ≥ 0.99 and the highest digit score at the target digit`, async () => {
      const config = smallConfig(index, { training: { seed: TEST_SEED, epochs: 3 } });
      const before = tf.memory().numTensors;
      const result = await trainRun(config);
      expect(tf.memory().numTensors).toBe(before);
      expect(() => runResultSchema.parse(result)).not.toThrow();
      expect(result.status).toBe('done');
      expect(result.history).toHaveLength(3);
      expect(result.history.at(-1)!.valAcc).toBeGreaterThanOrEqual(0.99);
      expect(result.history.at(-1)!.loss).toBeLessThan(result.history[0].loss);
      const scores = result.digitScores.map((row) => row[0]);
      const best = scores.indexOf(Math.max(...scores));
      expect(best).toBe(config.task.targetDigit);
      expect(result.summary.totalParams).toBe([112, 46, 13, 13][index]);
      // The seed's table: the last 10 rows, labels right, confident probabilities.
      expect(result.predictions).toHaveLength(10);
      for (const p of result.predictions) expect(Math.abs(p.probability - p.label)).toBeLessThan(0.5);
      // The fused kernel's predictions agree with tfjs's standard layers on the same weights.
      await expectPredictionsFromLayers(config, result);
    });
  });

  it('finding: from U = −1 (seed 42) the linear Embedding-1 model stays in a local minimum', async () => {
    const result = await trainRun(smallConfig(2, { training: { seed: STUCK_SEED, epochs: 3 } }));
    expect(result.snapshots[0].weights.recurrentKernel).toEqual([[-1]]);
    expect(result.history.at(-1)!.valAcc).toBeLessThan(0.9);
  });

  it('the reference engine (tfjs layers) learns too and tracks the fused engine', async () => {
    const config = smallConfig(3, { task: { samples: 800 }, training: { seed: TEST_SEED, epochs: 2 } });
    const reference = await trainRun({ ...config, training: { ...config.training, engine: 'reference' } });
    const fused = await trainRun(config);
    expect(reference.status).toBe('done');
    expect(reference.snapshots[0].weights).toEqual(fused.snapshots[0].weights);
    // Same start, same data order, same optimiser: only float rounding differs.
    for (const [r, f] of reference.history.map((h, i) => [h, fused.history[i]] as const)) {
      expect(Math.abs(r.loss - f.loss)).toBeLessThan(1e-3);
      expect(Math.abs(r.valAcc - f.valAcc)).toBeLessThan(0.01);
    }
    expect(maxAbsDiff(reference.weights.embedding.flat(), fused.weights.embedding.flat())).toBeLessThan(1e-2);
  });
});
