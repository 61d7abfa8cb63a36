import { describe, expect, it } from 'vitest';
import { cellStep, finalCellState, predict, readoutOf, trace } from '../../../shared/analysis/index.js';
import { CELLS } from '../../../shared/cells.js';
import { rnnActivations } from '../../../shared/schemas/run-config.js';
import { randomModel } from './random-model.js';
import { tfjsRun } from './tfjs-reference.js';

/** One step from h₋₁ = [0.3, −0.5] (and c₋₁ = [0.8, −0.2]), numbers worked out by hand (in double precision). */
const U_ROWS = [
  [0.1, -0.2, 0.3, 0.05, -0.4, 0.6, 0.2, -0.1],
  [0.7, 0.2, -0.1, 0.25, 0.15, -0.35, -0.3, 0.45],
];
const SCORE = [0.5, -0.3, 0.2, 0.8, -0.6, 0.4, 0.1, -0.9];

describe('cellStep by hand, 2 units', () => {
  it('GRU: z, r, the candidate (reset before U_h) and h = z·h₋₁ + (1−z)·ĥ', () => {
    const model = { cell: 'gru' as const, rnnActivation: 'tanh' as const, rnnUnits: 2 };
    const step = cellStep(
      model,
      SCORE.slice(0, 6),
      U_ROWS.map((r) => r.slice(0, 6)),
      { h: [0.3, -0.5] },
    );
    const want = {
      z: [0.5448788923735801, 0.38698582386066455],
      r: [0.5841905229354074, 0.6659669267518202],
      h: [-0.6169405098324446, 0.5523095198445147],
    };
    for (const k of ['z', 'r', 'h'] as const) step.gates[k].forEach((v, j) => expect(v).toBeCloseTo(want[k][j], 12));
    step.state.h.forEach((v, j) => expect(v).toBeCloseTo([-0.11731898046247638, 0.14508065335106488][j], 12));
    expect(step.state.c).toBeUndefined();
  });

  it('LSTM: i, f, the candidate, o, c = f·c₋₁ + i·c̃ and h = o·tanh(c)', () => {
    const model = { cell: 'lstm' as const, rnnActivation: 'tanh' as const, rnnUnits: 2 };
    const step = cellStep(model, SCORE, U_ROWS, { h: [0.3, -0.5], c: [0.8, -0.2] });
    const want = {
      i: [0.5448788923735801, 0.38698582386066455],
      f: [0.5841905229354074, 0.6659669267518202],
      c: [-0.6612322061319627, 0.638122413695716],
      o: [0.5768852611320463, 0.23957699801126897],
    };
    for (const k of ['i', 'f', 'c', 'o'] as const)
      step.gates[k].forEach((v, j) => expect(v).toBeCloseTo(want[k][j], 12));
    step.state.c!.forEach((v, j) => expect(v).toBeCloseTo([0.10706094626940338, 0.11375094263762842][j], 12));
    step.state.h.forEach((v, j) => expect(v).toBeCloseTo([0.061526986325613625, 0.027135173682547736][j], 12));
  });

  it('the dense readout is σ(h·k + b); a dense model without readout weights is a one-line error', () => {
    const r = readoutOf(
      { readout: 'dense', outputActivation: 'sigmoid' },
      { readout: { kernel: [[2], [-1]], bias: [0.5] } },
      [0.25, 1],
    );
    expect(r.logit).toBeCloseTo(0, 12);
    expect(r.probability).toBeCloseTo(0.5, 12);
    expect(() => readoutOf({ readout: 'dense', outputActivation: 'sigmoid' }, {}, [1])).toThrow(
      'a dense readout needs readout weights',
    );
  });
});

describe("every cell, activation and readout against tfjs's own layers", () => {
  const seq = [0, 3, 1, 4, 2, 2, 4];
  for (const cell of CELLS) {
    for (const act of rnnActivations) {
      const units = cell === 'simple' ? 1 : 2;
      it(`${cell}, ${act}, ${units} unit(s): every h(t), the last c and the probability`, () => {
        const m = randomModel({ vocab: 5, e: 3, units, act, cell, seed: 17 + act.length, scale: 1.2 });
        const ref = tfjsRun(m, seq);
        const t = trace(m, seq);
        t.steps.forEach((s, i) => s.h.forEach((v, j) => expect(v).toBeCloseTo(ref.states[i][j], 5)));
        if (cell === 'lstm') finalCellState(m, seq).c!.forEach((v, j) => expect(v).toBeCloseTo(ref.c![j], 5));
        expect(predict(m, seq)).toBeCloseTo(ref.probability, 5);
        expect(t.probability).toBeCloseTo(ref.probability, 5);
      });
    }
  }

  it('simple, 3 units, dense readout', () => {
    const m = randomModel({ vocab: 5, e: 3, units: 3, act: 'tanh', seed: 4 });
    expect(m.model.readout).toBe('dense');
    expect(predict(m, seq)).toBeCloseTo(tfjsRun(m, seq).probability, 5);
  });
});
