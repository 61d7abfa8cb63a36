import { describe, expect, it } from 'vitest';
import { digitScoresOf, frameAt, seedRepeat, timeline } from '../../../shared/analysis/index.js';
import { runSchema } from '../../../shared/schemas/run.js';
import { randomModel } from './random-model.js';
import { SEED_WEIGHTS, seedRun } from './seed-fixtures.js';

const scale = (k: number) => ({
  ...SEED_WEIGHTS.sigmoid1,
  embedding: SEED_WEIGHTS.sigmoid1.embedding.map((r) => [r[0] * k]),
});

const run0 = () =>
  runSchema.parse({
    ...seedRun('sigmoid1'),
    snapshots: [{ epoch: 0, batch: 0, step: 0, weights: scale(0) }],
  });

describe('timeline', () => {
  const run = runSchema.parse({
    ...seedRun('sigmoid1'),
    snapshots: [
      { epoch: 1, batch: 0, step: 1000, weights: scale(1) },
      { epoch: 0, batch: 0, step: 0, weights: scale(0) },
      { epoch: 1, batch: 500, step: 500, weights: scale(0.5) },
    ],
  });

  it("orders frames by step and gives each digit's score over time", () => {
    const t = timeline(run);
    expect(t.frames.map((f) => f.step)).toEqual([0, 500, 1000]);
    const w = SEED_WEIGHTS.sigmoid1;
    const s4 = (k: number) => w.embedding[4][0] * k * w.kernel[0][0] + w.bias[0];
    expect(t.series[4][0][0]).toBeCloseTo(s4(0), 12);
    expect(t.series[4][0][1]).toBeCloseTo(s4(0.5), 12);
    expect(t.series[4][0][2]).toBeCloseTo(s4(1), 12);
    expect(t.series).toHaveLength(10);
  });

  it('a scrubber fraction picks the last frame at or before that point of training', () => {
    const t = timeline(run);
    expect(frameAt(t, 0)!.step).toBe(0);
    expect(frameAt(t, 0.49)!.step).toBe(0);
    expect(frameAt(t, 0.5)!.step).toBe(500);
    expect(frameAt(t, 1)!.step).toBe(1000);
    expect(frameAt(timeline({ name: 'x', snapshots: [] }), 0.5)).toBeNull();
  });
});

describe('timeline of a gated cell', () => {
  it("each gate's score per digit and unit: embedding row · gate kernel + gate bias, at every frame", () => {
    const m = randomModel({ vocab: 4, e: 2, units: 2, act: 'tanh', cell: 'lstm', seed: 21 });
    const halve = { ...m.weights, embedding: m.weights.embedding.map((r) => r.map((x) => x / 2)) };
    const run = {
      name: 'lstm',
      config: { model: m.model },
      snapshots: [
        { epoch: 1, batch: 0, step: 10, weights: m.weights },
        { epoch: 0, batch: 0, step: 0, weights: halve },
      ],
    };
    const t = timeline(run);
    expect(t.gateKeys).toEqual(['i', 'f', 'c', 'o']);
    expect(t.gate).toBe('i');
    const naive = (w: typeof m.weights, d: number, gate: number, j: number) =>
      w.embedding[d].reduce((a, x, k) => a + x * w.kernel[k][gate * 2 + j], w.bias[gate * 2 + j]);
    t.gateKeys.forEach((key, g) => {
      expect(t.byGate[key]).toHaveLength(4);
      for (let d = 0; d < 4; d++) {
        for (let j = 0; j < 2; j++) {
          expect(t.byGate[key][d][j][0]).toBeCloseTo(naive(halve, d, g, j), 12);
          expect(t.byGate[key][d][j][1]).toBeCloseTo(naive(m.weights, d, g, j), 12);
        }
      }
    });
    expect(t.series).toBe(t.byGate.i);
    const forget = timeline(run, 'f');
    expect(forget.series[3][1][1]).toBeCloseTo(naive(m.weights, 3, 1, 1), 12);
    expect(() => timeline(run, 'z')).toThrow('no gate "z" in this cell (gates: i, f, c, o)');
  });

  it('a SimpleRNN keeps one gate, h, whose series are the digit scores', () => {
    const t = timeline(run0());
    expect(t.gateKeys).toEqual(['h']);
    expect(t.series).toBe(t.byGate.h);
  });
});

describe('seed repeat', () => {
  it('mean, spread and min/max of curves, digit scores and U over runs', () => {
    const h = (loss: number) => ({ epoch: 1, loss, acc: 1 - loss, valLoss: loss * 2, valAcc: 1 });
    const runs = [
      { history: [h(0.2), h(0.1)], weights: SEED_WEIGHTS.sigmoid1 },
      { history: [h(0.4)], weights: { ...SEED_WEIGHTS.sigmoid1, recurrentKernel: [[10]] } },
    ];
    const r = seedRepeat(runs);
    expect(r.runs).toBe(2);
    expect(r.history.loss[0].mean).toBeCloseTo(0.3, 12);
    expect(r.history.loss[0].std).toBeCloseTo(0.1, 12);
    expect(r.history.loss[1]).toEqual({ mean: 0.1, std: 0, min: 0.1, max: 0.1 });
    expect(r.u[0][0].min).toBe(10);
    expect(r.u[0][0].max).toBeCloseTo(13.87013912, 8);
    expect(r.scores[4][0].std).toBe(0);
  });

  it('gated cells: a band for every digit and every gate column, and every U entry (GRU, 2 units: 3·2 columns)', () => {
    const a = randomModel({ vocab: 3, e: 2, units: 2, act: 'tanh', cell: 'gru', seed: 1 }).weights;
    const b = randomModel({ vocab: 3, e: 2, units: 2, act: 'tanh', cell: 'gru', seed: 2 }).weights;
    const r = seedRepeat([
      { history: [], weights: a },
      { history: [], weights: b },
    ]);
    expect(r.scores.map((row) => row.length)).toEqual([6, 6, 6]);
    expect(r.u.map((row) => row.length)).toEqual([6, 6]);
    const [sa, sb] = [digitScoresOf(a), digitScoresOf(b)];
    expect(r.scores[2][5].mean).toBeCloseTo((sa[2][5] + sb[2][5]) / 2, 12);
    expect(r.u[1][4].max).toBe(Math.max(a.recurrentKernel[1][4], b.recurrentKernel[1][4]));
  });
});
