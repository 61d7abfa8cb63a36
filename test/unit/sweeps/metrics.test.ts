import { describe, expect, it } from 'vitest';
import { digitMargin, recurrentRadius, runMetrics, spectralRadius } from '../../../shared/sweeps/metrics.js';
import type { Run } from '../../../shared/schemas/run.js';
import type { Weights } from '../../../shared/schemas/run-result.js';
import { majorityBaseline } from '../../../shared/validation-baseline.js';
import { gatedRun } from '../analysis/gated-fixtures.js';
import { trainedSeedRun } from '../analysis/trained-fixtures.js';

const seed = trainedSeedRun('sigmoid1', 's');
const epoch = (n: number, valAcc: number, valLoss: number) => ({ epoch: n, loss: 0.1, acc: 0.9, valLoss, valAcc });

/** A one-unit SimpleRNN over 10 digits: digit d's embedding is emb[d], W = [[2]], b = [0.5], U = [[u]]. */
function oneUnit(emb: number[], u: number): Run {
  const weights: Weights = { embedding: emb.map((x) => [x]), kernel: [[2]], recurrentKernel: [[u]], bias: [0.5] };
  return { ...seed, weights, digitScores: undefined };
}

describe('run metrics', () => {
  it('final val acc and loss, the first epoch at the threshold, time, backend and status', () => {
    const run = {
      ...seed,
      history: [epoch(1, 0.5, 0.7), epoch(2, 0.995, 0.05), epoch(3, 0.98, 0.06), epoch(4, 1, 0.01)],
    };
    expect(runMetrics(run)).toMatchObject({
      valAcc: 1,
      valLoss: 0.01,
      epochsToSuccess: 2,
      trainSeconds: 1.5,
      backend: 'cpu',
      status: 'done',
    });
    expect(runMetrics(run, 0.999).epochsToSuccess).toBe(4);
    expect(runMetrics({ ...run, history: run.history.slice(0, 1) }).epochsToSuccess).toBeNull();
    const fresh = { ...seed, history: [], weights: undefined, trainSeconds: undefined, backend: undefined };
    expect(runMetrics({ ...fresh, status: 'idle' })).toEqual({
      valAcc: null,
      valLoss: null,
      epochsToSuccess: null,
      digitMargin: null,
      recurrentRadius: null,
      trainSeconds: null,
      backend: null,
      status: 'idle',
      health: null,
      baseline: majorityBaseline(seed.config.task),
    });
  });

  it("health: the finished run's verdict at the table's threshold, and the majority-class baseline", () => {
    const run = { ...seed, history: [epoch(1, 0.5, 0.7), epoch(2, 0.995, 0.05)] };
    expect(runMetrics(run).health?.verdict).toBe('learned');
    expect(runMetrics(run, 0.999).health?.verdict).toBe('weak');
    expect(runMetrics({ ...run, status: 'training' }).health).toBeNull();
    expect(runMetrics(run).baseline).toBe(majorityBaseline(run.config.task));
  });

  it('digit margin of one unit: the target score minus the largest other, from Emb·W + b', () => {
    // Target 4: score 2·3 + 0.5 = 6.5; the largest other is digit 7: 2·1.25 + 0.5 = 3. Margin 3.5.
    const emb = [0, 0.5, -1, 1, 3, 0.2, -2, 1.25, 0, 0.1];
    expect(digitMargin(oneUnit(emb, 0.3))).toBeCloseTo(3.5, 12);
    // A negative margin when another digit scores higher than the target.
    expect(
      digitMargin(
        oneUnit(
          emb.map((x, d) => (d === 4 ? 0 : x)),
          0.3,
        ),
      ),
    ).toBeCloseTo(0.5 - 3, 12);
    // Only tasks decided by the target digit alone have a margin.
    const order = {
      ...oneUnit(emb, 0.3),
      config: { ...seed.config, task: { ...seed.config.task, kind: 'order' as const } },
    };
    expect(digitMargin(order)).toBeNull();
  });

  it("dense readout: the candidate block's scores weighed by the readout kernel", () => {
    const run = gatedRun('gru', { units: 2 });
    const w = run.weights!;
    const k = w.readout!.kernel.map((r) => r[0]);
    // GRU gates z, r, h: the candidate's columns are 4 and 5 of Emb·W + b.
    const score = (d: number) => [4, 5].reduce((s, c, j) => s + run.digitScores![d][c] * k[j], 0);
    const others = [0, 1, 2, 3, 5, 6, 7, 8, 9].map(score);
    expect(digitMargin(run)).toBeCloseTo(score(4) - Math.max(...others), 12);
  });

  it('recurrent radius: |U| for one unit, the largest |eigenvalue| of the state block otherwise', () => {
    expect(recurrentRadius(oneUnit([0, 0, 0, 0, 1, 0, 0, 0, 0, 0], -0.75))).toBe(0.75);
    // Eigenvalues of [[2, 1], [1, 2]] are 3 and 1; of a rotation by 90° scaled by 2: ±2i.
    expect(
      spectralRadius([
        [2, 1],
        [1, 2],
      ]),
    ).toBeCloseTo(3, 9);
    expect(
      spectralRadius([
        [0, 2],
        [-2, 0],
      ]),
    ).toBeCloseTo(2, 9);
    // Upper triangular: its diagonal (0.5, −0.9, 0.1); nilpotent: 0.
    expect(
      spectralRadius([
        [0.5, 4, 1],
        [0, -0.9, 3],
        [0, 0, 0.1],
      ]),
    ).toBeCloseTo(0.9, 6);
    expect(
      spectralRadius([
        [0, 1],
        [0, 0],
      ]),
    ).toBe(0);
    // A Jordan block (no basis of eigenvectors): still its eigenvalue, 0.9.
    const jordan = [
      [0.9, 1],
      [0, 0.9],
    ];
    expect(spectralRadius(jordan)).toBeCloseTo(0.9, 8);
    // An LSTM's is its cell candidate's block: columns 2H…3H−1 of U (gates i, f, c, o).
    const lstm = gatedRun('lstm', { units: 2 });
    const U = lstm.weights!.recurrentKernel;
    const [[a, b], [c, d]] = [U[0].slice(4, 6), U[1].slice(4, 6)];
    const tr = a + d;
    const det = a * d - b * c;
    const disc = tr * tr - 4 * det;
    const expected =
      disc >= 0 ? Math.max(Math.abs((tr + Math.sqrt(disc)) / 2), Math.abs((tr - Math.sqrt(disc)) / 2)) : Math.sqrt(det);
    expect(recurrentRadius(lstm)).toBeCloseTo(expected, 9);
  });
});
