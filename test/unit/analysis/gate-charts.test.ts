import type { EChartsOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../../electron/export/render-chart.js';
import * as A from '../../../shared/analysis/index.js';
import * as C from '../../../shared/analysis/charts/index.js';
import {
  boardChartsFor,
  boardChartsNotFor,
  findChart,
  runChartOption,
  type RunChartEntry,
} from '../../../shared/catalogue/index.js';
import {
  chartTheme,
  digitScoresOption,
  digitScoresOverlayOption,
  gateBiasOption,
  gateBlocks,
  gateScoresOption,
  gateWeightsOption,
  readoutOption,
  toOverlayRun,
  topDigitPerGate,
  weightsOption,
} from '../../../shared/charts/index.js';
import { gatedRun } from './gated-fixtures.js';
import { trainedSeedRun } from './trained-fixtures.js';

const theme = chartTheme('light');
const ctx = { theme, color: '#0f9484' };
type Series = { name?: string; type?: string; data: unknown[]; xAxisIndex?: number };
const seriesOf = (o: { series?: unknown }) => o.series as Series[];
const valueOf = (d: unknown) => (typeof d === 'object' && d !== null && 'value' in d ? d.value : d);
const svg = (o: EChartsOption) => renderSvg(o, { width: 480, height: 360 }, '#fff');

const lstm = gatedRun('lstm', { e: 3, units: 2 });
const gru = gatedRun('gru', { e: 2, units: 1 });
const H = 2;
const E = 3;

describe('weight charts per gate', () => {
  it('b per gate: the forget gate f column holds the bias’s forget block, unit by unit', () => {
    const w = lstm.weights!;
    const o = gateBiasOption(w, 'lstm', ctx);
    const axis = (o.xAxis as { data: string[] }).data;
    expect(axis).toEqual(['input gate i', 'forget gate f', 'cell candidate c', 'output gate o']);
    const s = seriesOf(o);
    expect(s.map((x) => x.name)).toEqual(['unit 0', 'unit 1']);
    const f = axis.indexOf('forget gate f');
    // The forget block of a [4H] bias is b[H … 2H−1] (kernel order i, f, c, o).
    expect(s.map((x) => x.data[f])).toEqual([w.bias[H], w.bias[H + 1]]);
    expect(s.map((x) => x.data[3])).toEqual([w.bias[3 * H], w.bias[3 * H + 1]]);
  });

  it('W and U per gate: one heatmap per gate, its cells the gate’s columns of W and U', () => {
    const w = lstm.weights!;
    const o = gateWeightsOption(w, 'lstm', ctx);
    const s = seriesOf(o);
    expect(s.map((x) => x.name)).toEqual(['input gate i', 'forget gate f', 'cell candidate c', 'output gate o']);
    expect(s.map((x) => x.type)).toEqual(['heatmap', 'heatmap', 'heatmap', 'heatmap']);
    const cells = s[2].data as [number, number, number][];
    expect(cells).toHaveLength(E * H + H * H);
    // W_c[1][0] = kernel[1][2H + 0]; U_c[1][1] = recurrentKernel[1][2H + 1] (U rows sit under W's and a gap row).
    expect(cells).toContainEqual([0, 1, w.kernel[1][2 * H]]);
    expect(cells).toContainEqual([1, E + 1 + 1, w.recurrentKernel[1][2 * H + 1]]);
    // Four gates share a run's column: each name on two lines.
    const names = (o.xAxis as { name: string }[]).map((x) => x.name);
    expect(names).toEqual(['input\ngate i', 'forget\ngate f', 'cell\ncandidate c', 'output\ngate o']);
    expect(svg(o)).toContain('candidate c');
  });

  it('gate blocks of a GRU are z, r, h in kernel order', () => {
    const w = gru.weights!;
    const blocks = gateBlocks(w, 'gru');
    expect(blocks.map((b) => b.name)).toEqual(['update gate z', 'reset gate r', 'candidate h']);
    expect(blocks[1].kernel).toEqual(w.kernel.map((row) => [row[1]]));
    expect(blocks[2].recurrent).toEqual([[w.recurrentKernel[0][2]]]);
    expect(blocks.map((b) => b.bias[0])).toEqual(w.bias);
  });

  it('the dense readout: a bar per unit weight, then the bias', () => {
    const r = lstm.weights!.readout!;
    const o = readoutOption(r, ctx);
    expect((o.xAxis as { data: string[] }).data).toEqual(['v0', 'v1', 'c']);
    expect(seriesOf(o)[0].data.map(valueOf)).toEqual([r.kernel[0][0], r.kernel[1][0], r.bias[0]]);
  });
});

describe('digit scores per gate', () => {
  it('each gate’s bars are embedding row · gate kernel + gate bias, computed here independently', () => {
    const w = lstm.weights!;
    const o = gateScoresOption(lstm.digitScores!, 'lstm', 4, ctx);
    const s = seriesOf(o);
    expect(s).toHaveLength(4 * H);
    const yNames = (o.yAxis as { name: string }[]).map((y) => y.name);
    expect(yNames).toEqual(['input gate i', 'forget gate f', 'cell candidate c', 'output gate o']);
    for (const [g, u] of [
      [1, 0],
      [3, 1],
    ]) {
      const bars = s[g * H + u];
      expect(bars.xAxisIndex).toBe(g);
      const col = g * H + u;
      const expected = w.embedding.map((row) => row.reduce((sum, x, e) => sum + x * w.kernel[e][col], w.bias[col]));
      bars.data.map(valueOf).forEach((v, d) => expect(v).toBeCloseTo(expected[d], 12));
    }
  });

  it('the caption’s top digit per gate reads unit 0 of each gate', () => {
    const top = topDigitPerGate(gru.digitScores!, 'gru');
    expect(top.map((t) => t.key)).toEqual(['z', 'r', 'h']);
    top.forEach((t, g) => {
      const col = gru.digitScores!.map((row) => row[g]);
      expect(t.value).toBe(Math.max(...col));
      expect(t.digit).toBe(col.indexOf(t.value));
    });
  });

  it('the catalogue draws a gated run per gate and a SimpleRNN exactly as before', () => {
    const seed = trainedSeedRun('linear10');
    const direct = digitScoresOption(seed.digitScores!, 4, ctx);
    expect(JSON.stringify(runChartOption('digit-scores', seed, ctx))).toBe(JSON.stringify(direct));
    expect(JSON.stringify(runChartOption('weights', seed, ctx))).toBe(
      JSON.stringify(weightsOption(seed.weights!, ctx)),
    );
    const gated = runChartOption('digit-scores', lstm, ctx)!;
    expect(seriesOf(gated)).toHaveLength(4 * H);
    expect(svg(gated)).toContain('output gate o');
  });
});

describe('the gated trace', () => {
  const m = A.analysisModelOf(lstm);
  const t = A.trace(m, [5, 8, 4]);

  it('one row per gate, then the cell state and h, named for readers; each cell the trace’s value', () => {
    const o = C.gateTraceOption(t, 4, ctx);
    const rows = (o.yAxis as { data: string[] }).data;
    expect(rows).toEqual([
      'input gate i',
      'forget gate f',
      'cell candidate c',
      'output gate o',
      'cell state c(t)',
      'hidden state h(t)',
    ]);
    const [gates, values] = seriesOf(o);
    // The σ gates on one scale, candidate, c and h on the other.
    expect(gates.data).toContainEqual([1, 1, t.steps[1].gates.f[0]]);
    expect(gates.data).toHaveLength(3 * 3);
    expect(values.data).toContainEqual([2, 2, t.steps[2].gates.c[0]]);
    expect(values.data).toContainEqual([0, 4, t.steps[0].c![0]]);
    expect(values.data).toContainEqual([2, 5, t.steps[2].h[0]]);
    // Unit 1 on request.
    expect(seriesOf(C.gateTraceOption(t, 4, ctx, 1))[0].data).toContainEqual([2, 3, t.steps[2].gates.o[1]]);
    expect(svg(o)).toContain('input gate i');
  });

  it('hovering a cell shows the step and its exact equations', () => {
    const o = C.gateTraceOption(t, 4, ctx);
    const format = (o.tooltip as { formatter: (p: unknown) => string }).formatter;
    const html = format({ value: [2, 1, t.steps[2].gates.f[0]] });
    expect(html).toContain('step 3 · digit 4');
    expect(html).toContain('forget gate f');
    for (const line of t.steps[2].equation.split('\n')) expect(html).toContain(line.replace(/&/g, '&amp;'));
    expect(t.steps[2].equation.split('\n').length).toBeGreaterThanOrEqual(4);
  });

  it('a GRU traces z, r and h; a SimpleRNN keeps its chart', () => {
    const g = A.trace(A.analysisModelOf(gru), [4, 1]);
    const rows = (C.traceChartOption(g, 4, ctx).yAxis as { data: string[] }).data;
    expect(rows).toEqual(['update gate z', 'reset gate r', 'candidate h', 'hidden state h(t)']);
    const seed = A.trace(A.analysisModelOf(trainedSeedRun('sigmoid1')), [5, 8, 4]);
    expect(JSON.stringify(C.traceChartOption(seed, 4, ctx))).toBe(JSON.stringify(C.traceOption(seed, 4, ctx)));
  });
});

describe('seed spread of a gated run', () => {
  it('reads the candidate’s column of the digit scores and of U, and names it', () => {
    const runs = [gatedRun('lstm', { seed: 1 }), gatedRun('lstm', { seed: 2 })];
    const o = C.seedRepeatScoresOption(A.seedRepeat(runs), 4, ctx, 'lstm');
    const mean = seriesOf(o)[0].data.map(valueOf);
    const col = 2 * H; // LSTM i, f, c, o: the candidate c starts at column 2H
    runs[0].digitScores!.forEach((row, d) =>
      expect(mean[d]).toBeCloseTo((row[col] + runs[1].digitScores![d][col]) / 2, 12),
    );
    const u = runs.map((r) => r.weights!.recurrentKernel[0][col]);
    expect(mean.at(-1)).toBeCloseTo((u[0] + u[1]) / 2, 12);
    expect((o.xAxis as { data: string[]; name: string }).data.at(-1)).toBe('U_c[0][0]');
    expect((o.xAxis as { name: string }).name).toContain('cell candidate c');
  });
});

describe('mixed cells on one board', () => {
  const seed = trainedSeedRun('sigmoid1', 's');

  it('the overlay draws a gated run by its candidate (unit 0) and says so', () => {
    const runs = [toOverlayRun(seed, 0, 'light'), toOverlayRun(gru, 1, 'light'), toOverlayRun(lstm, 2, 'light')];
    const o = digitScoresOverlayOption(runs, { theme });
    const s = seriesOf(o);
    expect(s[0].data).toEqual(seed.digitScores!.map((r) => r[0]));
    expect(s[1].data).toEqual(gru.digitScores!.map((r) => r[2])); // GRU: z, r, h → h at column 2·1
    expect(s[2].data).toEqual(lstm.digitScores!.map((r) => r[2 * H])); // LSTM: i, f, c, o → c at column 2·H
    const format = (o.tooltip as { formatter: (p: unknown) => string }).formatter;
    const rows = format([
      { name: '4', seriesIndex: 1, value: 1, marker: '' },
      { name: '4', seriesIndex: 2, value: 2, marker: '' },
    ]);
    expect(rows).toContain('GRU candidate h');
    expect(rows).toContain('LSTM cell candidate c, unit 0');
    expect(svg(o)).toContain('candidate');
  });

  it('a column says in one line which chart kinds of its neighbours do not apply to its cell', () => {
    const board = [seed, gru];
    const forSeed = boardChartsNotFor(seed, board);
    expect(forSeed.map((n) => n.id)).toEqual(['gate-weights,gate-bias', 'dense-readout']);
    // One line per reason: both gate charts are missing because a SimpleRNN has no gates.
    expect(forSeed[0].title).toBe('W and U per gate, b per gate');
    expect(forSeed[0].why).toContain('no gates');
    expect(boardChartsNotFor(gru, board).map((n) => n.id)).toEqual(['weights']);
    expect(boardChartsNotFor(seed, [seed, trainedSeedRun('linear1', 'l')])).toEqual([]);
    const ids = (r: typeof seed) => boardChartsFor(r, true, 'result').map((c) => c.id);
    expect(ids(seed)).toEqual(['embedding', 'weights', 'digit-scores', 'predictions']);
    expect(ids(gru)).toEqual([
      'embedding',
      'gate-weights',
      'gate-bias',
      'dense-readout',
      'digit-scores',
      'predictions',
    ]);
  });

  it('every entry builds for a GRU and an LSTM run, or says why it does not apply', () => {
    for (const run of [gru, lstm]) {
      for (const id of ['gate-weights', 'gate-bias', 'dense-readout', 'digit-scores', 'timeline']) {
        const o = runChartOption(id, run, ctx);
        expect(o, `${id} for ${run.name}`).not.toBeNull();
        expect(svg(o!)).toMatch(/^<svg[\s\S]*<\/svg>$/);
      }
      const trace = runChartOption('trace', run, ctx, { sequence: '5,8,4' })!;
      expect(svg(trace)).toContain('hidden state h(t)');
      expect((findChart('weights') as RunChartEntry).notFor?.(run.config)).toMatch(/per gate/);
    }
  });
});
