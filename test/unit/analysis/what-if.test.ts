import { describe, expect, it } from 'vitest';
import { analysisModelOf, digitScoresOf, exhaustive, predict, whatIf } from '../../../shared/analysis/index.js';
import { naiveProbability } from './naive-forward.js';
import { randomModel } from './random-model.js';
import { SEED_WEIGHTS, seedRun } from './seed-fixtures.js';

describe('what if', () => {
  it("setting digit 4's score to a low value breaks the seed RNN, and the trained run is untouched", () => {
    const run = seedRun('sigmoid1');
    const before = JSON.stringify(run.weights);
    const m = analysisModelOf(run);
    const edited = whatIf(m, { scores: [{ digit: 4, value: -8 }] });
    expect(digitScoresOf(edited.weights)[4][0]).toBeCloseTo(-8, 10);
    // Other digits keep their scores.
    const orig = digitScoresOf(m.weights);
    digitScoresOf(edited.weights).forEach((s, d) => d !== 4 && expect(s[0]).toBeCloseTo(orig[d][0], 12));
    expect(predict(edited, [5, 8, 4])).toBeLessThan(0.5);
    expect(exhaustive(edited).accuracy).toBeCloseTo(729 / 1000, 12);
    expect(JSON.stringify(run.weights)).toBe(before);
    expect(JSON.stringify(m.weights)).toBe(JSON.stringify(SEED_WEIGHTS.sigmoid1));
  });

  it('U and b edits act like the same weights in a naive pass', () => {
    const m = analysisModelOf(seedRun('linear1'));
    const edited = whatIf(m, { u: [{ row: 0, col: 0, value: 0.5 }], b: [{ unit: 0, value: 1 }] });
    const w = { ...SEED_WEIGHTS.linear1, recurrentKernel: [[0.5]], bias: [1] };
    expect(predict(edited, [1, 4, 2, 2])).toBeCloseTo(naiveProbability(w, 'linear', true, [1, 4, 2, 2]), 12);
  });

  it('with 3 units a score edit changes only the edited unit of that digit (least-norm embedding change)', () => {
    const m = randomModel({ vocab: 4, e: 5, units: 3, act: 'tanh', seed: 3 });
    const edited = whatIf(m, { scores: [{ digit: 2, unit: 1, value: 2.5 }] });
    const a = digitScoresOf(m.weights);
    const b = digitScoresOf(edited.weights);
    expect(b[2][1]).toBeCloseTo(2.5, 10);
    expect(b[2][0]).toBeCloseTo(a[2][0], 10);
    expect(b[2][2]).toBeCloseTo(a[2][2], 10);
    expect(edited.weights.kernel).toEqual(m.weights.kernel);
  });

  it('refuses an exact score edit when W lacks column rank', () => {
    const m = randomModel({ vocab: 4, e: 1, units: 2, act: 'tanh' });
    expect(() => whatIf(m, { scores: [{ digit: 0, unit: 0, value: 1 }] })).toThrow(/column rank/);
  });
});
