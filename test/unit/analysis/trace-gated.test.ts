import { describe, expect, it } from 'vitest';
import { digitScoresOf, trace, type TraceStep } from '../../../shared/analysis/index.js';
import { randomModel } from './random-model.js';
import { tfjsRun } from './tfjs-reference.js';

const sig = (x: number) => 1 / (1 + Math.exp(-x));
/** Row vector · column `col` of U, the plain way. */
const dotCol = (v: number[], u: number[][], col: number) => v.reduce((a, x, k) => a + x * u[k][col], 0);

/** The numbers of one equation line: those after the last-but-one "=" and the value after the last. */
function numbersOf(line: string): { terms: number[]; value: number } {
  const parts = line.replaceAll('−', '-').split(' = ');
  const terms = [...parts.at(-2)!.matchAll(/-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/g)].map((m) => Number(m[0]));
  return { terms, value: Number(parts.at(-1)) };
}

/** Three significant digits, as the equations print. */
function expectShown(shown: number, exact: number, what: string) {
  expect(Math.abs(shown - exact), `${what}: ${shown} vs ${exact}`).toBeLessThanOrEqual(
    5.01e-3 * Math.abs(exact) + 1e-12,
  );
}

function expectEquation(step: TraceStep, lines: [string, number[], number][]) {
  const text = step.equation.split('\n');
  expect(text.map((l) => l.split(' = ')[0])).toEqual(lines.map(([name]) => name));
  lines.forEach(([name, terms, value], i) => {
    const got = numbersOf(text[i]);
    expect(got.terms, `${name}: ${text[i]}`).toHaveLength(terms.length);
    got.terms.forEach((x, k) => expectShown(x, terms[k], `${name} term ${k}`));
    expectShown(got.value, value, name);
  });
}

describe('trace of a GRU: every gate, recomputed step by step', () => {
  const H = 2;
  const m = randomModel({ vocab: 6, e: 3, units: H, act: 'tanh', cell: 'gru', seed: 31, scale: 1.3 });
  const seq = [2, 5, 0, 5, 1];
  const r = trace(m, seq);
  const scores = digitScoresOf(m.weights);
  const U = m.weights.recurrentKernel;

  it('names its cell and gates; h(t) equals tfjs; logit and probability are the dense readout', () => {
    expect(r.cell).toBe('gru');
    expect(r.gateKeys).toEqual(['z', 'r', 'h']);
    const ref = tfjsRun(m, seq);
    r.steps.forEach((s, i) => s.h.forEach((v, j) => expect(v).toBeCloseTo(ref.states[i][j], 5)));
    const k = m.weights.readout!;
    const hT = r.steps.at(-1)!.h;
    expect(r.logit).toBeCloseTo(k.bias[0] + hT[0] * k.kernel[0][0] + hT[1] * k.kernel[1][0], 12);
    expect(r.probability).toBeCloseTo(sig(r.logit), 12);
    expect(r.contributions).toBeNull();
  });

  it('z, r, ĥ and h from the previous step by the equations, and each step written out with its numbers', () => {
    let h = [0, 0];
    r.steps.forEach((s, t) => {
      const sc = scores[seq[t]];
      expect(s.score).toEqual(sc);
      expect(s.score).toHaveLength(3 * H);
      const z = [0, 1].map((j) => sig(sc[j] + dotCol(h, U, j)));
      const rg = [0, 1].map((j) => sig(sc[H + j] + dotCol(h, U, H + j)));
      const rh = h.map((x, k) => rg[k] * x);
      const candRec = [0, 1].map((j) => dotCol(rh, U, 2 * H + j));
      const cand = [0, 1].map((j) => Math.tanh(sc[2 * H + j] + candRec[j]));
      const next = [0, 1].map((j) => z[j] * h[j] + (1 - z[j]) * cand[j]);
      [z, rg, cand].forEach((want, g) => want.forEach((v, j) => expect(s.gates[r.gateKeys[g]][j]).toBeCloseTo(v, 12)));
      next.forEach((v, j) => expect(s.h[j]).toBeCloseTo(v, 12));
      expect(s.recurrent[2 * H]).toBeCloseTo(candRec[0], 12);
      s.preActivation.forEach((p, j) => expect(p).toBeCloseTo(s.score[j] + s.recurrent[j], 12));
      expectEquation(s, [
        ['z', [sc[0], dotCol(h, U, 0)], z[0]],
        ['r', [sc[H], dotCol(h, U, H)], rg[0]],
        ['ĥ', [sc[2 * H], candRec[0]], cand[0]],
        ['h', [z[0], h[0], 1 - z[0], cand[0]], next[0]],
      ]);
      h = next;
    });
  });
});

describe('trace of an LSTM: gates, cell state and equations', () => {
  const H = 2;
  const m = randomModel({ vocab: 5, e: 2, units: H, act: 'tanh', cell: 'lstm', seed: 8, scale: 1.5 });
  const seq = [4, 4, 0, 3];
  const r = trace(m, seq);
  const scores = digitScoresOf(m.weights);
  const U = m.weights.recurrentKernel;

  it('i, f, c̃, o, c(t) and h(t) by the equations, h(t) and the last c as tfjs computes them', () => {
    expect(r.gateKeys).toEqual(['i', 'f', 'c', 'o']);
    let h = [0, 0];
    let c = [0, 0];
    r.steps.forEach((s, t) => {
      const pre = Array.from({ length: 4 * H }, (_, j) => scores[seq[t]][j] + dotCol(h, U, j));
      s.preActivation.forEach((p, j) => expect(p).toBeCloseTo(pre[j], 12));
      const gate = (g: number, f: (x: number) => number) => [0, 1].map((j) => f(pre[g * H + j]));
      const [i, f, g, o] = [gate(0, sig), gate(1, sig), gate(2, Math.tanh), gate(3, sig)];
      const cNext = [0, 1].map((j) => f[j] * c[j] + i[j] * g[j]);
      const hNext = [0, 1].map((j) => o[j] * Math.tanh(cNext[j]));
      const want: Record<string, number[]> = { i, f, c: g, o };
      for (const key of r.gateKeys) want[key].forEach((v, j) => expect(s.gates[key][j]).toBeCloseTo(v, 12));
      cNext.forEach((v, j) => expect(s.c![j]).toBeCloseTo(v, 12));
      hNext.forEach((v, j) => expect(s.h[j]).toBeCloseTo(v, 12));
      const rec = (k: number) => dotCol(h, U, k * H);
      expectEquation(s, [
        ['i', [scores[seq[t]][0], rec(0)], i[0]],
        ['f', [scores[seq[t]][H], rec(1)], f[0]],
        ['c̃', [scores[seq[t]][2 * H], rec(2)], g[0]],
        ['o', [scores[seq[t]][3 * H], rec(3)], o[0]],
        ['c', [f[0], c[0], i[0], g[0]], cNext[0]],
        ['h', [o[0], cNext[0]], hNext[0]],
      ]);
      h = hNext;
      c = cNext;
    });
    const ref = tfjsRun(m, seq);
    r.steps.forEach((s, t) => s.h.forEach((v, j) => expect(v).toBeCloseTo(ref.states[t][j], 5)));
    r.steps.at(-1)!.c!.forEach((v, j) => expect(v).toBeCloseTo(ref.c![j], 5));
  });
});

describe('trace of a SimpleRNN keeps its fields and writes its one equation', () => {
  it('h = σ(x·W + b + h₋₁·U) with the step numbers; linear writes no wrapper', () => {
    const m = randomModel({ vocab: 4, e: 2, units: 1, act: 'sigmoid', seed: 3 });
    const r = trace(m, [1, 2, 3]);
    expect(r.cell).toBe('simple');
    expect(r.gateKeys).toEqual(['h']);
    for (const s of r.steps) {
      expect(s.gates.h).toEqual(s.h);
      expect(s.c).toBeUndefined();
      expect(s.equation).toMatch(/^h = σ\(x·W \+ b \+ h₋₁·U\) = σ\(/);
      expectEquation(s, [['h', [s.score[0], s.recurrent[0]], s.h[0]]]);
    }
    const lin = trace(randomModel({ vocab: 4, e: 2, units: 1, act: 'linear', seed: 3 }), [1, 2]);
    expect(lin.steps[1].equation).toMatch(/^h = x·W \+ b \+ h₋₁·U = \S+ \+ \S+ = \S+$/);
  });
});
