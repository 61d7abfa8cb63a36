import { describe, expect, it } from 'vitest';
import {
  chartTheme,
  curvesOption,
  batchLossOption,
  embeddingOption,
  weightsOption,
  weightBars,
  digitScoresOption,
  topDigit,
  predictionRows,
  curvesOverlayOption,
  digitScoresOverlayOption,
  legendNames,
  exportFileName,
  dataCsv,
  dataJson,
  runColor,
} from '../../../shared/charts/index.js';
import { boardCharts, runChartOption } from '../../../shared/catalogue/index.js';
import { fakeRun } from './fixtures.js';

const theme = chartTheme('dark');
const ctx = { theme, color: runColor(0, 'dark') };

// Options are plain objects: find series by index without casting through the ECharts unions.
type Series = { type: string; name?: string; data: unknown[] };
const seriesOf = (o: object) => (o as { series: Series[] }).series;

describe('chart builders are pure functions of the run', () => {
  const run = fakeRun();

  it('curves: train and validation loss and accuracy, one point per epoch, log loss axis', () => {
    const o = curvesOption(run.history, ctx);
    const s = seriesOf(o);
    expect(s.map((x) => x.name)).toEqual(['train', 'validation', 'train', 'validation']);
    expect(s[1].data).toEqual([0.1, 0.02]);
    expect(s[3].data).toEqual([0.97, 1]);
    expect((o.yAxis as { type: string }[])[0].type).toBe('log');
  });

  it('curves: a zero loss falls back to a linear axis', () => {
    const o = curvesOption([{ epoch: 1, loss: 0, acc: 1, valLoss: 0, valAcc: 1 }], ctx);
    expect((o.yAxis as { type: string }[])[0].type).toBe('value');
  });

  it('batch loss plots [step, loss] pairs', () => {
    expect(seriesOf(batchLossOption(run.batchLoss, ctx))[0].data).toEqual([
      [10, 0.6],
      [20, 0.2],
    ]);
  });

  it('embedding heatmap has vocab × E cells and a symmetric scale', () => {
    const o = embeddingOption(run.weights!.embedding, 4, ctx);
    expect(seriesOf(o)[0].data).toHaveLength(20);
    const vm = o.visualMap as { min: number; max: number };
    expect(vm.min).toBe(-vm.max);
    expect(vm.max).toBeCloseTo(3);
  });

  it('weights: E kernel bars then U then b', () => {
    expect(weightBars(run.weights!).map((b) => b.label)).toEqual(['W0', 'W1', 'U', 'b']);
    expect(seriesOf(weightsOption(run.weights!, ctx))[0].data).toHaveLength(4);
  });

  it('digit scores: target digit highlighted in the run colour, and it is the top digit', () => {
    const o = digitScoresOption(run.digitScores!, 4, ctx);
    const data = seriesOf(o)[0].data as { itemStyle: { color: string } }[];
    expect(data[4].itemStyle.color).toBe(ctx.color);
    expect(data[3].itemStyle.color).toBe(theme.neutral);
    expect(topDigit(run.digitScores!)).toBe(4);
  });

  it("digit scores with 2 RNN units: one series per unit with that unit's scores, target column still marked", () => {
    const scores = Array.from({ length: 10 }, (_, d) => [d === 4 ? 3 : -0.1 * d, d === 4 ? -2 : 0.2 * d]);
    const o = digitScoresOption(scores, 4, ctx);
    const s = seriesOf(o) as (Series & { markArea?: { data: { xAxis: string }[][] } })[];
    expect(s.map((x) => x.name)).toEqual(['unit 0', 'unit 1']);
    const plain = (d: unknown[]) => d.map((v) => (typeof v === 'number' ? v : (v as { value: number }).value));
    expect(plain(s[0].data)).toEqual(scores.map((r) => r[0]));
    expect(plain(s[1].data)).toEqual(scores.map((r) => r[1]));
    expect((o.legend as { data: string[] }).data).toEqual(['unit 0', 'unit 1']);
    expect(s[0].markArea?.data[0][0].xAxis).toBe('4');
    const axis = (o.xAxis as { data: { textStyle: { color?: string } }[] }).data;
    expect(axis[4].textStyle.color).toBe(ctx.color);
    // The single-unit chart stays one series and no legend.
    const one = digitScoresOption(run.digitScores!, 4, ctx);
    expect(seriesOf(one)).toHaveLength(1);
    expect(one.legend).toBeUndefined();
  });

  it('overlay digit scores say "unit 0" when a run has several units', () => {
    const a = fakeRun('a');
    const two = {
      id: 'm',
      name: 'Two units',
      color: runColor(1, 'dark'),
      history: a.history,
      digitScores: a.digitScores!.map((r) => [r[0], 9]),
      targetDigit: 4,
    };
    const one = {
      id: a.id,
      name: a.name,
      color: runColor(0, 'dark'),
      history: a.history,
      digitScores: a.digitScores,
      targetDigit: 4,
    };
    const o = digitScoresOverlayOption([one, two], { theme });
    expect((o.yAxis as { name: string }).name).toMatch(/unit 0/);
    expect(seriesOf(o)[1].data).toEqual(a.digitScores!.map((r) => r[0]));
    const tip = (o.tooltip as { formatter: (p: unknown) => string }).formatter([
      { name: '4', seriesIndex: 0, value: 1, marker: '' },
      { name: '4', seriesIndex: 1, value: 2, marker: '' },
    ]);
    expect(tip).toContain('Two units · unit 0');
    expect(tip).not.toContain('Run a · unit 0');
    expect((digitScoresOverlayOption([one], { theme }).yAxis as { name: string }).name).not.toMatch(/unit/);
  });

  it('tooltips print run names as text, never as markup (names come from session files)', () => {
    const a = fakeRun('a');
    const name = '<img src=x onerror=alert(1)>&';
    const run = {
      id: a.id,
      name,
      color: runColor(0, 'dark'),
      history: a.history,
      digitScores: a.digitScores,
      targetDigit: 4,
    };
    const overlayTip = (
      digitScoresOverlayOption([run], { theme }).tooltip as { formatter: (p: unknown) => string }
    ).formatter([{ name: '4', seriesIndex: 0, value: 1, marker: '' }]);
    expect(overlayTip).toContain('&lt;img src=x onerror=alert(1)&gt;&amp;');
    expect(overlayTip).not.toContain('<img');
    const perRun = digitScoresOption(
      [
        [1, 2],
        [3, 4],
      ],
      1,
      ctx,
    );
    const perRunTip = (perRun.tooltip as { formatter: (p: unknown) => string }).formatter([
      { name: '1', seriesName: '<b>unit</b>', value: 3, marker: '' },
    ]);
    expect(perRunTip).toContain('&lt;b&gt;unit&lt;/b&gt;');
  });

  it('prediction rows mark right and wrong at the 0.5 threshold', () => {
    expect(predictionRows(run.predictions)).toEqual([
      { input: '5 8 4', label: 1, probability: 0.99, correct: true },
      { input: '1 2 3', label: 0, probability: 0.7, correct: false },
    ]);
  });

  it('overlays: one legend entry per run, hidden runs deselected, unique names', () => {
    const a = fakeRun('a');
    const b = fakeRun('b', { name: a.name });
    const runs = [a, b].map((r, i) => ({
      id: r.id,
      name: r.name,
      color: runColor(i, 'dark'),
      history: r.history,
      digitScores: r.digitScores,
      targetDigit: 4,
    }));
    const o = curvesOverlayOption(runs, { theme, hidden: ['b'] });
    const legend = o.legend as { data: string[]; selected: Record<string, boolean> };
    expect(legend.data).toEqual(['Run a', 'Run a (2)']);
    expect(legend.selected).toEqual({ 'Run a': true, 'Run a (2)': false });
    expect(seriesOf(o)).toHaveLength(6);
    expect(seriesOf(digitScoresOverlayOption(runs, { theme }))).toHaveLength(2);
    expect(legendNames([{ name: 'x' }, { name: 'y' }])).toEqual(['x', 'y']);
  });

  it('runChartOption returns null for an untrained run and an option for every kind of a trained one', () => {
    const empty = fakeRun('e', {
      status: 'queued',
      history: [],
      batchLoss: [],
      weights: undefined,
      digitScores: undefined,
      predictions: [],
    });
    for (const { id, notFor } of boardCharts) {
      expect(runChartOption(id, empty, ctx)).toBeNull();
      // A chart kind that does not apply to this SimpleRNN (gates, a dense readout) draws nothing for it.
      if (notFor?.(run.config)) expect(runChartOption(id, run, ctx)).toBeNull();
      else expect(runChartOption(id, run, ctx)).not.toBeNull();
    }
  });

  it('builders survive a JSON round trip except for formatter functions (SSR-safe data)', () => {
    const o = digitScoresOption(run.digitScores!, 4, ctx);
    expect(() => JSON.stringify(o)).not.toThrow();
  });
});

describe('export names and data', () => {
  const run = fakeRun();
  it('file names read like emb10-linear-digit-scores.png', () => {
    expect(exportFileName(run.config, 'digit-scores', 'png')).toBe('emb10-linear-digit-scores.png');
    expect(exportFileName('all-runs', 'Loss and accuracy', 'svg')).toBe('all-runs-loss-and-accuracy.svg');
  });
  it('CSV has a header and one row per value; JSON parses back', () => {
    const csv = dataCsv([run, fakeRun('r2')], 'digit-scores');
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('run,digit,score,is_target');
    expect(lines).toHaveLength(21);
    expect(lines[5]).toMatch(/^Run r1,4,[-\d.]+,1$/);
    const json = JSON.parse(dataJson([run], 'history'));
    expect(json.runs[0].data).toHaveLength(2);
    expect(dataCsv([run], 'predictions').split('\n')[1]).toBe('Run r1,5 8 4,1,0.99,1');
  });
});

describe('export title', () => {
  it('adds the title and moves numeric grid and legend tops down by the band', async () => {
    const { withExportTitle, TITLE_BAND } = await import('../../../shared/charts/export-title.js');
    const run = fakeRun();
    const o = withExportTitle(curvesOption(run.history, ctx), 'Loss — Run r1', theme);
    expect((o.title as { text: string }).text).toBe('Loss — Run r1');
    const grids = o.grid as { top?: number }[];
    expect(grids[0].top).toBe(26 + TITLE_BAND);
    expect(grids[1].top).toBeUndefined();
    expect((o.legend as { top: number }).top).toBe(TITLE_BAND);
  });
});
