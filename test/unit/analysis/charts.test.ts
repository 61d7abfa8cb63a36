import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../../electron/export/render-chart.js';
import * as A from '../../../shared/analysis/index.js';
import * as C from '../../../shared/analysis/charts/index.js';
import { chartTheme } from '../../../shared/charts/index.js';
import { randomModel } from './random-model.js';
import { trainedSeedRun } from './trained-fixtures.js';

const theme = chartTheme('light');
const ctx = { theme, color: '#0f9484' };
const m = A.analysisModelOf(trainedSeedRun('linear1'));
type Series = { name?: string; data: unknown[]; lineStyle?: { type?: string } };
const seriesOf = (o: { series?: unknown }) => o.series as Series[];

describe('analysis chart builders', () => {
  it('waterfall: invisible bases and bar heights walk the running sum and end at the logit', () => {
    const t = A.trace(m, [4, 0, 3]);
    const [base, rise] = seriesOf(C.waterfallOption(t.contributions!, t.finalValue, 4, ctx));
    const heights = (rise.data as { value: number }[]).map((d) => d.value);
    let running = 0;
    t.contributions!.forEach((c, i) => {
      expect(base.data[i]).toBeCloseTo(Math.min(running, running + c.value), 10);
      expect(heights[i]).toBeCloseTo(Math.abs(c.value), 10);
      running += c.value;
    });
    expect(heights.at(-1)).toBeCloseTo(Math.abs(t.finalValue), 10);
  });

  it('lengths: three lines per run sharing the run name (legend toggles them together)', () => {
    const r = A.lengthGeneralisation(m, { maxLength: 5, perLength: 10 });
    const o = C.lengthsOption(
      [
        { name: 'a', color: '#111111', result: r },
        { name: 'b', color: '#222222', result: r },
      ],
      theme,
    );
    const s = seriesOf(o);
    expect(s.map((x) => x.name)).toEqual(['a', 'a', 'a', 'b', 'b', 'b']);
    expect(s.map((x) => x.lineStyle?.type)).toEqual(['solid', 'dashed', 'dotted', 'solid', 'dashed', 'dotted']);
    expect(s[1].data).toEqual(r.points.map((p) => [p.length, p.withTarget]));
  });

  it('every analysis chart renders to SVG with its values', () => {
    const seq = [5, 8, 4];
    const sig = A.analysisModelOf(trainedSeedRun('sigmoid1'));
    const options = [
      C.traceOption(A.trace(sig, seq), 4, ctx),
      C.oneDMapOption(A.oneDMap(sig, seq), 4, ctx),
      C.scoreTimelineOption(A.timeline(trainedSeedRun('sigmoid1')), 4, ctx, 1000),
      C.matrixHeatmapOption(randomModel({ vocab: 3, e: 2, units: 3, act: 'tanh' }).weights.recurrentKernel, theme),
      C.seedRepeatCurvesOption(A.seedRepeat([trainedSeedRun('sigmoid1'), trainedSeedRun('linear1')]), ctx),
      C.seedRepeatScoresOption(A.seedRepeat([trainedSeedRun('sigmoid1'), trainedSeedRun('linear1')]), 4, ctx),
    ];
    for (const o of options) expect(renderSvg(o, { width: 400, height: 240 }, '#fff')).toMatch(/^<svg[\s\S]*<\/svg>$/);
    const heat = renderSvg(options[3], { width: 400, height: 240 }, '#fff');
    const u = randomModel({ vocab: 3, e: 2, units: 3, act: 'tanh' }).weights.recurrentKernel;
    expect(heat).toContain(`>${Number(u[0][0].toPrecision(2))}<`);
  });
});
