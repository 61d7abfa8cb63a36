import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../../electron/export/render-chart.js';
import * as A from '../../../shared/analysis/index.js';
import { mulberry32 } from '../../../shared/rng.js';
import * as C from '../../../shared/analysis/charts/index.js';
import { chartTheme } from '../../../shared/charts/index.js';
import type { RnnActivation, RunConfig } from '../../../shared/schemas/run-config.js';
import { runSchema } from '../../../shared/schemas/run.js';
import { naiveProbability, naiveStates } from './naive-forward.js';
import { randomModel } from './random-model.js';
import { tfjsRun } from './tfjs-reference.js';

/**
 * The task is not only the seed's: target digit 7, sequences of 5 over a vocabulary of 8,
 * and RNNs with 2 and 3 units. Every computation is checked on this task against the
 * naive pass written in the tests, and the forward pass against the engine's tfjs model.
 */
const TARGET = 7;
const T = 5;
const V = 8;
const task = {
  kind: 'contains' as const,
  targetDigit: TARGET,
  otherDigit: 0,
  balanced: false,
  sequenceLength: T,
  vocabularySize: V,
  samples: 1000,
  validationSplit: 0.2,
  dataSeed: 1,
};

function model(units: number, act: RnnActivation, e: number, seed: number): A.AnalysisModel {
  const m = randomModel({ vocab: V, e, units, act, seq: T, seed, scale: 1.5 });
  return { ...m, task };
}
const m2 = model(2, 'linear', 3, 21);
const m3 = model(3, 'tanh', 4, 5);
const cases = [
  ['2 units, linear', m2],
  ['3 units, tanh', m3],
] as const;

const configOf = (m: A.AnalysisModel): RunConfig => ({
  task,
  model: m.model,
  training: {
    optimizer: 'adam',
    learningRate: 0.01,
    batchSize: 8,
    epochs: 1,
    seed: 1,
    engine: 'fused',
    snapshotEveryBatches: 0,
  },
});
const allInputs = (): number[][] =>
  Array.from({ length: V ** T }, (_, i) => Array.from({ length: T }, (_, k) => Math.floor(i / V ** (T - 1 - k)) % V));
const binomial = (n: number, k: number): number => (k === 0 ? 1 : (binomial(n - 1, k - 1) * n) / k);

describe('general task: target 7, length 5, vocabulary 8, units > 1', () => {
  for (const [label, m] of cases) {
    it(`${label}: the forward pass equals tfjs's own layers (dense readout over the units)`, () => {
      const seqs = [
        [7, 0, 1, 2, 3],
        [0, 1, 2, 3, 4],
        [6, 6, 6, 6, 7],
        [5, 7, 2, 7, 1],
      ];
      seqs.forEach((s) => {
        expect(A.predict(m, s)).toBeCloseTo(tfjsRun(m, s).probability, 5);
        expect(A.predict(m, s)).toBeCloseTo(naiveProbability(m.weights, m.model.rnnActivation, true, s), 12);
      });
    });

    it(`${label}: trace steps hold every unit's state; the label follows digit 7`, () => {
      const seq = [3, 7, 0, 6, 1];
      const r = A.trace(m, seq);
      const states = naiveStates(m.weights, m.model.rnnActivation, seq);
      expect(r.steps).toHaveLength(T);
      r.steps.forEach((s, i) => {
        expect(s.h).toHaveLength(m.model.rnnUnits);
        s.h.forEach((v, j) => expect(v).toBeCloseTo(states[i][j], 10));
        s.preActivation.forEach((z, j) => expect(z).toBeCloseTo(s.score[j] + s.recurrent[j], 12));
      });
      expect(r.label).toBe(1);
      expect(A.trace(m, [0, 1, 2, 3, 4]).label).toBe(0);
      const hT = states.at(-1)!;
      const k = m.weights.readout!.kernel.map((row) => row[0]);
      const hk = hT.reduce((a, h, j) => a + h * k[j], 0);
      expect(r.finalValue).toBeCloseTo(hk, 10);
      expect(r.logit).toBeCloseTo(hk + m.weights.readout!.bias[0], 10);
      expect(r.probability).toBeCloseTo(naiveProbability(m.weights, m.model.rnnActivation, true, seq), 12);
    });

    it(`${label}: every input is 8^5 = 32,768 inputs, errors as a naive loop counts them, grouped by how many 7s`, () => {
      const r = A.exhaustive(m);
      expect(r.total).toBe(32_768);
      expect(r.byCount.map((g) => g.total)).toEqual([0, 1, 2, 3, 4, 5].map((k) => binomial(T, k) * (V - 1) ** (T - k)));
      const byCount = [0, 0, 0, 0, 0, 0];
      let wrong = 0;
      for (const s of allInputs()) {
        const p = naiveProbability(m.weights, m.model.rnnActivation, true, s);
        const holds = s.includes(TARGET);
        if (p > 0.5 !== holds) {
          wrong++;
          byCount[s.filter((d) => d === TARGET).length]++;
        }
      }
      expect(wrong).toBeGreaterThan(0); // random weights: otherwise the grouping would go untested
      expect(r.errorCount).toBe(wrong);
      expect(r.byCount.map((g) => g.errors)).toEqual(byCount);
      expect(r.byPattern.reduce((a, g) => a + g.errors, 0)).toBe(wrong);
      for (const g of r.byPattern) {
        expect(g.pattern).toMatch(/^[7·]{5}$/);
        expect(g.total).toBe((V - 1) ** (T - g.targetCount));
      }
    });

    it(`${label}: length sets over digits 0…7 hold exactly one 7 (or none); accuracy matches a naive recount`, () => {
      const r = A.lengthGeneralisation(m, { maxLength: 9, perLength: 30, seed: 4 });
      expect(r.trainedLength).toBe(5);
      const rand = mulberry32(4);
      for (let L = 1; L <= 9; L++) {
        const set = A.balancedSet(L, 30, { ...task, vocabularySize: V }, rand);
        if ('unavailable' in set) throw new Error(set.unavailable);
        for (const s of set.positives) expect(s.filter((d) => d === TARGET)).toHaveLength(1);
        for (const s of [...set.positives, ...set.negatives]) expect(s.every((d) => d >= 0 && d < V)).toBe(true);
        for (const s of set.negatives) expect(s.includes(TARGET)).toBe(false);
        const p = (s: number[]) => naiveProbability(m.weights, m.model.rnnActivation, true, s) > 0.5;
        expect(r.points[L - 1].withTarget).toBeCloseTo(set.positives.filter(p).length / 15, 12);
        expect(r.points[L - 1].withoutTarget).toBeCloseTo(set.negatives.filter((s) => !p(s)).length / 15, 12);
      }
    });
  }

  it('2 units, linear: the contribution vectors sum to h(T) per unit; read by the readout kernel, to h(T)·k', () => {
    const seq = [7, 2, 0, 7, 5];
    const r = A.trace(m2, seq);
    const hT = naiveStates(m2.weights, 'linear', seq).at(-1)!;
    for (let j = 0; j < 2; j++) expect(r.contributions!.reduce((a, c) => a + c.vector[j], 0)).toBeCloseTo(hT[j], 9);
    const k = m2.weights.readout!.kernel;
    for (const c of r.contributions!) expect(c.value).toBeCloseTo(c.vector[0] * k[0][0] + c.vector[1] * k[1][0], 12);
    expect(r.contributions!.reduce((a, c) => a + c.value, 0)).toBeCloseTo(r.finalValue, 9);
    expect(r.finalValue).toBeCloseTo(r.logit - m2.weights.readout!.bias[0], 9);
    expect(A.trace(m3, seq).contributions).toBeNull();
  });

  it('the 1-D map refuses units > 1 with one line and maps all 8 digits for one unit', () => {
    expect(() => A.oneDMap(m2, [7])).toThrow(/one-unit RNN.*2 units/);
    const one = model(1, 'tanh', 2, 8);
    const map = A.oneDMap(one, [7, 1, 2]);
    expect(map.curves.map((c) => c.digit)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(map.hRange).toEqual([-1, 1]);
    expect(map.states).toHaveLength(4);
  });

  it("what if, 2 units: digit 7's score on unit 1 moves alone; U[1][0] edits act as in a naive pass", () => {
    const e = A.whatIf(m2, { scores: [{ digit: TARGET, unit: 1, value: 4 }], u: [{ row: 1, col: 0, value: -0.3 }] });
    const before = A.digitScoresOf(m2.weights);
    const after = A.digitScoresOf(e.weights);
    expect(after[TARGET][1]).toBeCloseTo(4, 10);
    expect(after[TARGET][0]).toBeCloseTo(before[TARGET][0], 10);
    after.forEach((row, d) => d !== TARGET && row.forEach((v, j) => expect(v).toBeCloseTo(before[d][j], 12)));
    expect(e.weights.recurrentKernel[1][0]).toBe(-0.3);
    expect(m2.weights.recurrentKernel[1][0]).not.toBe(-0.3);
    const seq = [7, 0, 0, 0, 0];
    expect(A.predict(e, seq)).toBeCloseTo(naiveProbability(e.weights, 'linear', true, seq), 12);
    expect(A.exhaustive(e).total).toBe(32_768);
  });

  it('timeline and seed spread keep every digit and every U entry (8 digits × 2 units, U 2×2)', () => {
    const scale = (k: number) => ({ ...m2.weights, embedding: m2.weights.embedding.map((r) => r.map((x) => x * k)) });
    const run = runSchema.parse({
      id: 'g',
      name: 'general',
      config: configOf(m2),
      status: 'done',
      weights: m2.weights,
      history: [{ epoch: 1, loss: 0.5, acc: 0.7, valLoss: 0.4, valAcc: 0.8 }],
      snapshots: [0, 0.5, 1].map((k, i) => ({ epoch: i, batch: 0, step: i * 100, weights: scale(k) })),
    });
    const t = A.timeline(run);
    expect(t.series).toHaveLength(8);
    expect(t.series[TARGET]).toHaveLength(2);
    expect(t.series[TARGET][1][2]).toBeCloseTo(A.digitScoresOf(m2.weights)[TARGET][1], 12);
    expect(A.frameAt(t, 1)!.u).toEqual(m2.weights.recurrentKernel);
    const other = {
      ...run,
      weights: {
        ...m2.weights,
        recurrentKernel: [
          [0, 0],
          [0, 0],
        ],
      },
    };
    const s = A.seedRepeat([run, other]);
    expect(s.scores).toHaveLength(8);
    expect(s.scores[TARGET]).toHaveLength(2);
    expect(s.u.map((row) => row.length)).toEqual([2, 2]);
    expect(s.u[1][1].min).toBe(Math.min(0, m2.weights.recurrentKernel[1][1]));
  });

  it('sequences: digits up to 7 parse, 8 is outside the vocabulary', () => {
    expect(A.parseSequence('70123', V)).toEqual([7, 0, 1, 2, 3]);
    expect(() => A.parseSequence('7,8', V)).toThrow(/outside the vocabulary 0…7/);
  });

  it('every analysis chart draws this task: target 7 highlighted, U 2×2 as a heatmap with its values', () => {
    const theme = chartTheme('light');
    const ctx = { theme, color: '#0f9484' };
    const r = A.trace(m2, [7, 1, 2, 3, 4]);
    const trace = C.traceOption(r, TARGET, ctx) as {
      xAxis: { data: { value: string; textStyle: { color?: string } }[] };
    };
    expect(trace.xAxis.data.map((d) => d.value)).toEqual(['1:7', '2:1', '3:2', '4:3', '5:4']);
    expect(trace.xAxis.data[0].textStyle.color).toBe(ctx.color);
    const heat = renderSvg(
      C.matrixHeatmapOption(m2.weights.recurrentKernel, theme),
      { width: 360, height: 220 },
      '#fff',
    );
    for (const v of m2.weights.recurrentKernel.flat()) expect(heat).toContain(`>${Number(v.toPrecision(2))}<`);
    const spread = C.seedRepeatScoresOption(A.seedRepeat([{ history: [], weights: m2.weights }]), TARGET, ctx) as {
      xAxis: { data: string[] };
      series: { data: { itemStyle: { color: string } }[] }[];
    };
    expect(spread.xAxis.data).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', 'U[0][0]']);
    expect(spread.series[0].data[TARGET].itemStyle.color).toBe(ctx.color);
    const options = [
      trace,
      C.waterfallOption(r.contributions!, r.finalValue, TARGET, ctx),
      C.lengthsOption(
        [{ name: 'general', color: ctx.color, result: A.lengthGeneralisation(m2, { maxLength: 8, perLength: 10 }) }],
        theme,
      ),
      C.oneDMapOption(A.oneDMap(model(1, 'tanh', 2, 8), [7, 1]), TARGET, ctx),
    ];
    for (const o of options) expect(renderSvg(o, { width: 400, height: 240 }, '#fff')).toMatch(/^<svg[\s\S]*<\/svg>$/);
  });
});

describe('end labels of one-line-per-digit charts', () => {
  it('labels the target and the extremes of the others, skipping labels that would overprint', () => {
    // Target 7 high; others bunched near 0 on an axis spanning 8: one label for the bunch.
    expect([...C.endLabelDigits([0.01, -0.02, 0, 0.03, -0.2, 0.02, 0.05, 6], 7, 8)].sort()).toEqual([6, 7]);
    // Spread out: target, highest and lowest other.
    expect([...C.endLabelDigits([1, 2, 3, -4, 0], 2, 8)].sort()).toEqual([1, 2, 3]);
    // A target inside the bunch still gets its label first.
    expect(C.endLabelDigits([0.9, 0.91, 0.95], 1, 1).has(1)).toBe(true);
  });
});
