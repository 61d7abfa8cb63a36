import { describe, expect, it } from 'vitest';
import {
  analysisModelOf,
  exhaustive,
  EXHAUSTIVE_MAX_INPUTS,
  EXHAUSTIVE_SAMPLE_SEED,
  exhaustiveScope,
  predict,
} from '../../../shared/analysis/index.js';
import { rowOf, sampledInputs } from '../../../shared/analysis/input-set.js';
import { naiveProbability } from './naive-forward.js';
import { randomModel } from './random-model.js';
import { seedRun } from './seed-fixtures.js';

describe('exhaustive', () => {
  it('the seed sigmoid RNN gets all 1,000 three-digit inputs right', () => {
    const r = exhaustive(analysisModelOf(seedRun('sigmoid1')));
    expect(r.total).toBe(1000);
    expect(r.sampled).toBe(false);
    expect(exhaustiveScope(r)).toBe('1,000 inputs');
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

  it('above 100,000 inputs: a seeded uniform sample of 100,000 distinct inputs, counted as a naive loop counts it', () => {
    const m = randomModel({ vocab: 10, e: 1, units: 1, act: 'linear', seq: 6, seed: 2 });
    const r = exhaustive(m);
    expect(r).toMatchObject({ sampled: true, population: 1_000_000, total: EXHAUSTIVE_MAX_INPUTS });
    expect(exhaustiveScope(r)).toBe('a uniform sample of 100,000 of 1,000,000 inputs');
    const sample = sampledInputs(10, 6, EXHAUSTIVE_MAX_INPUTS, EXHAUSTIVE_SAMPLE_SEED);
    const rows = Array.from({ length: sample.count }, (_, i) => Array.from(rowOf(sample, i)));
    expect(new Set(rows.map((x) => x.join(''))).size).toBe(EXHAUSTIVE_MAX_INPUTS);
    // Uniform: every digit near 1/10 at every position (10,000 ± a few hundred of 100,000).
    const seen = Array.from({ length: 6 }, () => new Array<number>(10).fill(0));
    for (const x of rows) x.forEach((d, t) => seen[t][d]++);
    for (const perDigit of seen) for (const n of perDigit) expect(Math.abs(n - 10_000)).toBeLessThan(500);
    let wrong = 0;
    const byCount = new Array<number>(7).fill(0);
    for (const x of rows) {
      const ones = x.filter((d) => d === 1).length;
      byCount[ones]++;
      if (naiveProbability(m.weights, 'linear', true, x) > 0.5 !== ones > 0) wrong++;
    }
    expect(wrong).toBeGreaterThan(0);
    expect(r.errorCount).toBe(wrong);
    expect(r.byCount.map((g) => g.total)).toEqual(byCount);
    expect(r.byPattern.reduce((a, g) => a + g.errors, 0)).toBe(wrong);
    expect(exhaustive(m).errors).toEqual(r.errors); // seeded: the same sample every time
  });
});

/** The label rules written again, the plain way, for the tests. */
const parity = (x: number[], t: number) => x.filter((d) => d === t).length % 2;
const order = (x: number[], t: number, o: number) => {
  const first = x.indexOf(t);
  return first >= 0 && x.slice(first + 1).includes(o) ? 1 : 0;
};
const sameEnds = (x: number[]) => (x[0] === x[x.length - 1] ? 1 : 0);

describe('exhaustive for every task and cell', () => {
  const every = (vocab: number, T: number) =>
    Array.from({ length: vocab ** T }, (_, i) =>
      Array.from({ length: T }, (_, k) => Math.floor(i / vocab ** (T - 1 - k)) % vocab),
    );
  const cases = [
    ['parity', 'gru', (x: number[]) => parity(x, 1)],
    ['order', 'lstm', (x: number[]) => order(x, 1, 3)],
    ['same-ends', 'gru', sameEnds],
  ] as const;
  for (const [kind, cell, rule] of cases) {
    it(`${kind}, ${cell}: every one of 4^5 inputs, labelled by the task, errors as per-input predictions count them`, () => {
      const m = randomModel({
        vocab: 4,
        e: 2,
        units: 2,
        act: 'tanh',
        cell,
        seq: 5,
        seed: 9,
        scale: 1.5,
        task: { kind, targetDigit: 1, otherDigit: 3 },
      });
      const r = exhaustive(m);
      expect(r).toMatchObject({ sampled: false, population: 1024, total: 1024 });
      const inputs = every(4, 5);
      const wrongInputs = inputs.filter((x) => predict(m, x) > 0.5 !== (rule(x) === 1));
      expect(wrongInputs.length).toBeGreaterThan(0);
      expect(r.errorCount).toBe(wrongInputs.length);
      expect(r.errors.map((e) => e.input)).toEqual(wrongInputs);
      for (const e of r.errors) expect(e.label).toBe(rule(e.input));
      if (kind === 'same-ends') {
        expect(r.groupedBy).toBe('ends');
        expect(r.byCount.map((g) => [g.label, g.total])).toEqual([
          ['ends differ', 768],
          ['ends equal', 256],
        ]);
        expect(r.byCount[1].errors).toBe(wrongInputs.filter((x) => sameEnds(x) === 1).length);
        expect(r.byPattern).toEqual([]);
      } else {
        expect(r.groupedBy).toBe('target-count');
        expect(r.byCount.reduce((a, g) => a + g.total, 0)).toBe(1024);
        const marked = kind === 'order' ? /[13]/g : /1/g;
        for (const g of r.byPattern) {
          const dots = g.pattern!.length - (g.pattern!.match(marked) ?? []).length;
          expect(g.total).toBe((kind === 'order' ? 2 : 3) ** dots);
        }
        expect(r.byPattern.reduce((a, g) => a + g.errors, 0)).toBe(wrongInputs.length);
      }
    });
  }
});

describe('input sets', () => {
  const rowsOf = (set: ReturnType<typeof sampledInputs>) =>
    Array.from({ length: set.count }, (_, i) => Array.from(rowOf(set, i)));
  const lexLess = (a: number[], b: number[]) => {
    const k = a.findIndex((d, i) => d !== b[i]);
    return k >= 0 && a[k] < b[k];
  };
  it('a sample is distinct, in the vocabulary and in lexicographic order, by index or (past 2^53 inputs) by string', () => {
    for (const [vocab, T] of [
      [7, 8],
      [12, 20],
    ]) {
      const rows = rowsOf(sampledInputs(vocab, T, 2000, 3));
      expect(vocab ** T > Number.MAX_SAFE_INTEGER).toBe(T === 20);
      expect(new Set(rows.map((r) => r.join(','))).size).toBe(2000);
      for (const r of rows) expect(r.every((d) => d >= 0 && d < vocab)).toBe(true);
      for (let i = 1; i < rows.length; i++) expect(lexLess(rows[i - 1], rows[i])).toBe(true);
      expect(rowsOf(sampledInputs(vocab, T, 2000, 3))).toEqual(rows);
      expect(rowsOf(sampledInputs(vocab, T, 2000, 4))).not.toEqual(rows);
    }
  });
});
