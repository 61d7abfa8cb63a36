import { describe, expect, it } from 'vitest';
import { analysisModelOf, digitScoresOf, oneDMap } from '../../../shared/analysis/index.js';
import { naiveStates } from './naive-forward.js';
import { randomModel } from './random-model.js';
import { SEED_WEIGHTS, seedRun } from './seed-fixtures.js';

describe('1-D map', () => {
  it("curves are h' = f(score_d + U·h) and the cobweb follows the naive states", () => {
    const m = analysisModelOf(seedRun('sigmoid1'));
    const seq = [5, 8, 4, 1];
    const map = oneDMap(m, seq, 11);
    expect(map.hRange).toEqual([0, 1]);
    expect(map.curves).toHaveLength(10);
    const u = SEED_WEIGHTS.sigmoid1.recurrentKernel[0][0];
    const s4 = digitScoresOf(SEED_WEIGHTS.sigmoid1)[4][0];
    for (const [h, h2] of map.curves[4].points) expect(h2).toBeCloseTo(1 / (1 + Math.exp(-(s4 + u * h))), 12);
    const states = naiveStates(m.weights, 'sigmoid', seq).map((s) => s[0]);
    expect(map.states.slice(1).map((x) => Number(x.toFixed(10)))).toEqual(states.map((x) => Number(x.toFixed(10))));
    // (0,0) then a vertical and a horizontal segment per step.
    expect(map.cobweb).toHaveLength(1 + 2 * seq.length);
    expect(map.cobweb[1][1]).toBeCloseTo(states[0], 12);
    expect(map.cobweb[2]).toEqual([map.cobweb[1][1], map.cobweb[1][1]]);
  });

  it('linear maps span the visited states', () => {
    const map = oneDMap(analysisModelOf(seedRun('linear1')), [4, 4, 4]);
    const maxState = Math.max(...map.states);
    expect(map.hRange[1]).toBeGreaterThan(maxState);
    expect(map.curves[0].points[0][1]).toBeCloseTo(map.curves[0].score + map.u * map.hRange[0], 9);
  });

  it('refuses RNNs with more than one unit', () => {
    expect(() => oneDMap(randomModel({ vocab: 3, e: 2, units: 2, act: 'tanh' }))).toThrow(/one-unit/);
  });

  it("a one-unit GRU is a map too: h' = z·h + (1−z)·ĥ with z, r, ĥ read from h", () => {
    const m = randomModel({ vocab: 3, e: 2, units: 1, act: 'tanh', cell: 'gru', seed: 6, scale: 1.5 });
    const map = oneDMap(m, [2, 0], 5);
    const [[uz, ur, uh]] = m.weights.recurrentKernel;
    const sig = (x: number) => 1 / (1 + Math.exp(-x));
    const gru = (s: number[], h: number) => {
      const z = sig(s[0] + uz * h);
      const r = sig(s[1] + ur * h);
      return z * h + (1 - z) * Math.tanh(s[2] + uh * r * h);
    };
    const scores = digitScoresOf(m.weights);
    expect(map.hRange).toEqual([-1, 1]);
    map.curves.forEach((c, d) => c.points.forEach(([h, h2]) => expect(h2).toBeCloseTo(gru(scores[d], h), 12)));
    expect(map.states[1]).toBeCloseTo(gru(scores[2], 0), 12);
    expect(map.states[2]).toBeCloseTo(gru(scores[0], map.states[1]), 12);
  });

  it('refuses an LSTM: its state is two numbers (h and c), not a map of h', () => {
    const m = randomModel({ vocab: 3, e: 2, units: 1, act: 'tanh', cell: 'lstm' });
    expect(() => oneDMap(m)).toThrow(/an LSTM carries two \(h and c\)/);
  });
});
