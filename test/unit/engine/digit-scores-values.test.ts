import { beforeAll, describe, expect, it } from 'vitest';
import { digitScores, initBackend, trainRun } from '../../../electron/engine/index.js';
import type { Weights } from '../../../shared/schemas/run-result.js';
import { smallConfig } from './helpers.js';

/** score[d][j] = b[j] + Σ_e embedding[d][e] · kernel[e][j], written as plain loops so it shares nothing with the engine. */
function expectedScores(w: Weights): number[][] {
  const out: number[][] = [];
  for (let d = 0; d < w.embedding.length; d++) {
    const row: number[] = [];
    for (let j = 0; j < w.bias.length; j++) {
      let sum = w.bias[j];
      for (let e = 0; e < w.kernel.length; e++) sum += w.embedding[d][e] * w.kernel[e][j];
      row.push(sum);
    }
    out.push(row);
  }
  return out;
}

/** Every value, not only the top digit: a dropped or misplaced term shows up somewhere. */
function expectEveryScore(actual: number[][], w: Weights) {
  const expected = expectedScores(w);
  expect(actual).toHaveLength(expected.length);
  actual.forEach((row, d) => {
    expect(row).toHaveLength(expected[d].length);
    row.forEach((value, j) => expect(value, `digit ${d}, unit ${j}`).toBeCloseTo(expected[d][j], 12));
  });
}

beforeAll(async () => {
  await initBackend();
});

describe('digit scores are embedding · kernel + bias, every value (every gate of a gated cell)', () => {
  // Hand-made weights with a different bias per unit, so the bias and the unit index both matter.
  const multi: Weights = {
    embedding: [
      [1, 0, 2],
      [0.5, -1, 0],
      [0, 0, 0],
      [-2, 3, 1],
    ],
    kernel: [
      [1, -1, 0.5],
      [2, 0, -3],
      [0.25, 4, 1],
    ],
    recurrentKernel: [
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ],
    bias: [0.75, -1.5, 3],
  };

  it('three units: each digit × unit against an independent computation', () => {
    const scores = digitScores(multi);
    expectEveryScore(scores, multi);
    // Worked by hand: digit 0 = [1, 0, 2]·W + b; digit 2 (zero embedding) is the bias alone.
    expect(scores[0]).toEqual([1 + 0.5 + 0.75, -1 + 8 - 1.5, 0.5 + 2 + 3]);
    expect(scores[2]).toEqual(multi.bias);
  });

  it('one unit: the bias is added to every digit', () => {
    const one: Weights = { embedding: [[2], [-1], [0]], kernel: [[3]], recurrentKernel: [[0.5]], bias: [-0.25] };
    expect(digitScores(one)).toEqual([[5.75], [-3.25], [-0.25]]);
  });

  for (const [engine, units, cell] of [
    ['fused', 2, 'simple'],
    ['reference', 3, 'simple'],
    ['fused', 1, 'simple'],
    ['fused', 2, 'gru'],
    ['reference', 2, 'lstm'],
  ] as const) {
    it(`a trained ${engine} ${cell} run with ${units} unit(s) stores the scores its weights give`, async () => {
      const config = smallConfig(0, {
        task: { samples: 300 },
        model: {
          cell,
          embeddingDim: 3,
          rnnUnits: units,
          rnnActivation: 'tanh',
          readout: units > 1 || cell !== 'simple' ? 'dense' : 'activation',
        },
        training: { engine, epochs: 2, seed: 11 },
      });
      const result = await trainRun(config);
      expect(result.status).toBe('done');
      // One score per digit, gate and unit: G·H columns.
      expect(result.weights.bias).toHaveLength({ simple: 1, gru: 3, lstm: 4 }[cell] * units);
      // Training moved the bias off its zero start, so a dropped bias would show.
      expect(Math.min(...result.weights.bias.map(Math.abs))).toBeGreaterThan(1e-4);
      expect(result.digitScores).toHaveLength(config.task.vocabularySize);
      expectEveryScore(result.digitScores, result.weights);
    });
  }
});
