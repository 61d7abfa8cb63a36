import { describe, expect, it } from 'vitest';
import { analysisModelOf, exhaustive, EXHAUSTIVE_MAX_INPUTS } from '../../../shared/analysis/index.js';
import { LabError } from '../../../shared/errors.js';
import { naiveProbability } from './naive-forward.js';
import { randomModel } from './random-model.js';
import { seedRun } from './seed-fixtures.js';

describe('exhaustive', () => {
  it('the seed sigmoid RNN gets all 1,000 three-digit inputs right', () => {
    const r = exhaustive(analysisModelOf(seedRun('sigmoid1')));
    expect(r.total).toBe(1000);
    expect(r.accuracy).toBe(1);
    expect(r.errors).toEqual([]);
    // 9^3 = 729 inputs without a 4, 3·81 with one, 3·9 with two, 1 with three.
    expect(r.byCount.map((g) => g.total)).toEqual([729, 243, 27, 1]);
  });

  it('counts and lists exactly the inputs a naive loop gets wrong, grouped by target count and place', () => {
    const m = randomModel({ vocab: 4, e: 2, units: 2, act: 'tanh', seq: 4, seed: 5, scale: 2 });
    let wrong = 0;
    const wrongByCount = [0, 0, 0, 0, 0];
    for (let i = 0; i < 4 ** 4; i++) {
      const seq = [0, 1, 2, 3].map((k) => Math.floor(i / 4 ** (3 - k)) % 4);
      const label = seq.includes(1);
      const p = naiveProbability(m.weights, 'tanh', true, seq);
      if (p > 0.5 !== label) {
        wrong++;
        wrongByCount[seq.filter((d) => d === 1).length]++;
      }
    }
    const r = exhaustive(m);
    expect(r.total).toBe(256);
    expect(r.errorCount).toBe(wrong);
    expect(r.errors.length).toBe(wrong);
    expect(r.byCount.map((g) => g.errors)).toEqual(wrongByCount);
    expect(r.accuracy).toBeCloseTo((256 - wrong) / 256, 12);
    expect(wrong).toBeGreaterThan(0); // random weights: the test would prove nothing otherwise
    for (const e of r.errors) {
      expect(e.probability).toBeCloseTo(naiveProbability(m.weights, 'tanh', true, e.input), 12);
    }
    const patternErrors = r.byPattern.reduce((a, g) => a + g.errors, 0);
    expect(patternErrors).toBe(wrong);
    for (const g of r.byPattern) expect(g.pattern!.split('').filter((c) => c === '1').length).toBe(g.targetCount);
  });

  it('refuses more than the cap with a clear error', () => {
    const m = randomModel({ vocab: 10, e: 1, units: 1, act: 'linear', seq: 6 });
    expect(() => exhaustive(m)).toThrow(LabError);
    expect(() => exhaustive(m)).toThrow(String(EXHAUSTIVE_MAX_INPUTS));
  });
});
