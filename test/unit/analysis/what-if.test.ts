import { describe, expect, it } from 'vitest';
import { analysisModelOf, digitScoresOf, exhaustive, predict, whatIf } from '../../../shared/analysis/index.js';
import { naiveProbability } from './naive-forward.js';
import { randomModel } from './random-model.js';
import { tfjsRun } from './tfjs-reference.js';
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

  it('GRU: a reset-gate score edit moves only that column; U and b edits name their gate; the readout is kept', () => {
    const m = randomModel({ vocab: 4, e: 6, units: 2, act: 'tanh', cell: 'gru', seed: 5 });
    const edited = whatIf(m, {
      scores: [{ digit: 3, unit: 1, gate: 'r', value: -2 }],
      u: [{ row: 0, col: 1, gate: 'h', value: 0.75 }],
      b: [{ unit: 0, gate: 'z', value: 0.5 }],
    });
    const a = digitScoresOf({ ...m.weights, bias: edited.weights.bias });
    const b = digitScoresOf(edited.weights);
    expect(b[3][2 + 1]).toBeCloseTo(-2, 10); // gate r = columns 2…3
    b.forEach((row, d) => row.forEach((v, j) => (d !== 3 || j !== 3) && expect(v).toBeCloseTo(a[d][j], 10)));
    expect(edited.weights.recurrentKernel[0][4 + 1]).toBe(0.75); // gate h = columns 4…5
    expect(edited.weights.bias[0]).toBe(0.5);
    expect(edited.weights.readout).toEqual(m.weights.readout);
    const seq = [3, 0, 3];
    expect(predict(edited, seq)).toBeCloseTo(tfjsRun(edited, seq).probability, 5);
    expect(() => whatIf(m, { scores: [{ digit: 0, gate: 'o', value: 1 }] })).toThrow('digit score edit out of range');
  });
});
