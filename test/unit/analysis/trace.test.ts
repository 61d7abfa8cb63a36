import { describe, expect, it } from 'vitest';
import { analysisModelOf, digitScoresOf, predict, trace } from '../../../shared/analysis/index.js';
import { rnnActivations } from '../../../shared/schemas/run-config.js';
import { naiveProbability, naiveStates } from './naive-forward.js';
import { randomModel } from './random-model.js';
import { SEED_WEIGHTS, seedRun } from './seed-fixtures.js';

describe('trace against the seed notebook', () => {
  it('E=1 sigmoid RNN predicts [5,8,4] as the notebook printed (9.99984384e-01)', () => {
    const r = trace(analysisModelOf(seedRun('sigmoid1')), [5, 8, 4]);
    expect(r.probability).toBeCloseTo(0.999984384, 5);
    expect(r.predicted).toBe(1);
    expect(r.label).toBe(1);
    expect(r.contributions).toBeNull();
  });

  it('E=1 sigmoid RNN predicts the notebook rows without a 4 near 5e-4', () => {
    const m = analysisModelOf(seedRun('sigmoid1'));
    // Printed: [5 6 9] → 4.83995711e-04, [6 0 0] → 4.35839931e-04, [9 7 8] → 5.51217643e-04.
    expect(predict(m, [5, 6, 9])).toBeCloseTo(4.83995711e-4, 6);
    expect(predict(m, [6, 0, 0])).toBeCloseTo(4.35839931e-4, 6);
    expect(predict(m, [9, 7, 8])).toBeCloseTo(5.51217643e-4, 6);
  });

  it('E=10 linear RNN predicts [5,8,4] → 9.99977827e-01 and [5,6,9] → 2.126e-06', () => {
    const m = analysisModelOf(seedRun('linear10'));
    expect(predict(m, [5, 8, 4])).toBeCloseTo(0.999977827, 5);
    expect(predict(m, [5, 6, 9]) / 2.12621512e-6).toBeCloseTo(1, 2);
  });

  it('digit scores equal the printed W_embd·W + b of the E=1 runs', () => {
    const s = digitScoresOf(SEED_WEIGHTS.sigmoid1).map((r) => r[0]);
    expect(s[4]).toBeCloseTo(11.05717564, 5);
    expect(s[0]).toBeCloseTo(-7.74385309, 5);
    const l = digitScoresOf(SEED_WEIGHTS.linear1).map((r) => r[0]);
    expect(l[4]).toBeCloseTo(17.48493385, 5);
    expect(l[9]).toBeCloseTo(-2.60344768, 5);
  });

  it('each step holds score + U·h(t−1) = pre-activation and h = f(pre)', () => {
    const r = trace(analysisModelOf(seedRun('sigmoid1')), [4, 0, 0, 0]);
    const u = SEED_WEIGHTS.sigmoid1.recurrentKernel[0][0];
    let hPrev = 0;
    for (const s of r.steps) {
      expect(s.recurrent[0]).toBeCloseTo(u * hPrev, 10);
      expect(s.preActivation[0]).toBeCloseTo(s.score[0] + s.recurrent[0], 10);
      expect(s.h[0]).toBeCloseTo(1 / (1 + Math.exp(-s.preActivation[0])), 10);
      hPrev = s.h[0];
    }
    // Saturation: a 4 at the start is kept, h stays near 1.
    expect(r.probability).toBeGreaterThan(0.99);
  });
});

describe('trace against an independent forward pass', () => {
  for (const act of rnnActivations) {
    for (const units of [1, 3]) {
      it(`${act}, ${units} unit(s): every h(t) and the probability match`, () => {
        const m = randomModel({ vocab: 6, e: 4, units, act, seed: units * 7 + act.length });
        const seq = [0, 5, 1, 3, 2, 2, 4, 1];
        const r = trace(m, seq);
        const states = naiveStates(m.weights, act, seq);
        r.steps.forEach((s, i) => s.h.forEach((v, j) => expect(v).toBeCloseTo(states[i][j], 10)));
        expect(r.probability).toBeCloseTo(naiveProbability(m.weights, act, true, seq), 10);
      });
    }
  }
});

describe('linear contributions (waterfall)', () => {
  it('one unit: contribution of position t is U^(T−t)·score(x_t) and they sum to the logit', () => {
    const m = analysisModelOf(seedRun('linear1'));
    const seq = [4, 1, 2, 3, 0];
    const r = trace(m, seq);
    const u = SEED_WEIGHTS.linear1.recurrentKernel[0][0];
    const scores = digitScoresOf(SEED_WEIGHTS.linear1).map((x) => x[0]);
    r.contributions!.forEach((c, i) => expect(c.value).toBeCloseTo(u ** (seq.length - 1 - i) * scores[seq[i]], 8));
    const sum = r.contributions!.reduce((a, c) => a + c.value, 0);
    expect(sum).toBeCloseTo(r.finalValue, 8);
    expect(sum).toBeCloseTo(naiveStates(m.weights, 'linear', seq).at(-1)![0], 8);
  });

  it('three units: the contribution vectors (matrix powers) sum to h(T) of the naive pass', () => {
    const m = randomModel({ vocab: 5, e: 3, units: 3, act: 'linear', seed: 99 });
    const seq = [1, 4, 0, 2, 3, 3];
    const r = trace(m, seq);
    const hT = naiveStates(m.weights, 'linear', seq).at(-1)!;
    for (let j = 0; j < 3; j++) {
      expect(r.contributions!.reduce((a, c) => a + c.vector[j], 0)).toBeCloseTo(hT[j], 9);
    }
  });
});
