import { describe, expect, it } from 'vitest';
import type { EChartsOption } from 'echarts';
import * as A from '../../../shared/analysis/index.js';
import * as C from '../../../shared/analysis/charts/index.js';
import {
  batchLossOption,
  chartTheme,
  curvesOption,
  curvesOverlayOption,
  digitScoresOption,
  digitScoresOverlayOption,
  embeddingOption,
  fmt,
  predictionsOption,
  toOverlayRun,
  weightsOption,
} from '../../../shared/charts/index.js';
import { defaultTooltip, tipMarker, withCspSafeTooltip } from '../../../renderer/src/lib/csp-tooltip.js';
import { trainedSeedRun } from '../analysis/trained-fixtures.js';
import { randomModel } from '../analysis/random-model.js';

const theme = chartTheme('dark');
const ctx = { theme, color: '#0f9484' };
// What ECharts itself puts in `params.marker`: the markup the CSP blocks.
const ECHARTS_MARKER =
  '<span style="display:inline-block;margin-right:4px;border-radius:10px;width:10px;height:10px;background-color:#0f9484;"></span>';

type Formatter = (params: unknown, ticket: string) => unknown;
type Tooltip = { trigger?: string; formatter?: Formatter | string };
type Series = { name?: string; data?: unknown[]; xAxisIndex?: number };

/** The params ECharts would hand a tooltip hovering the first data item of every series (axis) or of the first (item). */
function hoverParams(option: EChartsOption, trigger: string | undefined): unknown {
  const series = (option.series as Series[]).filter((s) => s.data?.length);
  const category = [option.xAxis, option.yAxis].flat().find((a) => (a as { data?: unknown[] } | undefined)?.data) as
    { data: unknown[] } | undefined;
  const first = category?.data[0];
  const name = String(typeof first === 'object' && first ? (first as { value: unknown }).value : (first ?? '0'));
  const one = (s: Series, i: number) => {
    const d = s.data![0];
    const value = typeof d === 'object' && d && !Array.isArray(d) ? (d as { value: unknown }).value : d;
    return {
      seriesName: s.name ?? `series\0${i}`,
      seriesIndex: i,
      name,
      value,
      dataIndex: 0,
      color: '#0f9484',
      marker: ECHARTS_MARKER,
      axisValueLabel: name,
      axisDim: 'x',
      axisIndex: s.xAxisIndex ?? 0,
      encode: { x: [0], y: [1] },
    };
  };
  return trigger === 'axis' ? series.map(one) : one(series[0], 0);
}

function tooltipHtml(option: EChartsOption): string {
  const tip = withCspSafeTooltip(option).tooltip as Tooltip;
  expect(typeof tip.formatter).toBe('function');
  return String((tip.formatter as Formatter)(hoverParams(option, tip.trigger), 't'));
}

describe('chart tooltips carry no style attribute (the CSP blocks them)', () => {
  const lin = trainedSeedRun('linear1');
  const sig = trainedSeedRun('sigmoid1');
  const m = A.analysisModelOf(sig);
  const trace = A.trace(A.analysisModelOf(lin), [5, 8, 4]);
  const lengths = A.lengthGeneralisation(m, { maxLength: 4, perLength: 10 });
  const repeat = A.seedRepeat([sig, lin]);
  const overlay = [lin, sig].map((r, i) => toOverlayRun(r, i, 'dark'));
  const options: Record<string, EChartsOption> = {
    curves: curvesOption(lin.history, ctx),
    batchLoss: batchLossOption(
      [
        { step: 1, loss: 0.5 },
        { step: 2, loss: 0.25 },
      ],
      ctx,
    ),
    embedding: embeddingOption(lin.weights!.embedding, 4, ctx),
    weights: weightsOption(lin.weights!, ctx),
    digitScores: digitScoresOption(lin.digitScores!, 4, ctx),
    digitScoresUnits: digitScoresOption(
      lin.digitScores!.map((r) => [r[0], -r[0]]),
      4,
      ctx,
    ),
    predictions: predictionsOption(lin.predictions, ctx),
    curvesOverlay: curvesOverlayOption(overlay, { theme }),
    digitScoresOverlay: digitScoresOverlayOption(overlay, { theme }),
    trace: C.traceOption(trace, 4, ctx),
    waterfall: C.waterfallOption(trace.contributions!, trace.finalValue, 4, ctx),
    oneDMap: C.oneDMapOption(A.oneDMap(m, [5, 8, 4]), 4, ctx),
    timeline: C.scoreTimelineOption(A.timeline(sig), 4, ctx, 1000),
    heatmap: C.matrixHeatmapOption(
      randomModel({ vocab: 3, e: 2, units: 3, act: 'tanh' }).weights.recurrentKernel,
      theme,
    ),
    lengths: C.lengthsOption([{ name: 'a', color: '#111111', result: lengths }], theme),
    seedCurves: C.seedRepeatCurvesOption(repeat, ctx),
    seedScores: C.seedRepeatScoresOption(repeat, 4, ctx),
  };

  for (const [name, option] of Object.entries(options)) {
    it(`${name}: the hovered tooltip's markup has no style attribute and keeps a value`, () => {
      const html = tooltipHtml(option);
      expect(html).not.toMatch(/\sstyle\s*=/i);
      expect(html).toMatch(/\d/);
    });
  }

  it("a builder's own formatter keeps its text, with an SVG dot instead of ECharts' styled span", () => {
    const html = tooltipHtml(options.digitScoresUnits);
    expect(html).toContain('digit 0');
    expect(html).toContain(`unit 0 <b>${fmt(lin.digitScores![0][0], 4)}</b>`);
    expect(html).toContain('<circle cx="5" cy="5" r="5" fill="#0f9484"/>');
    expect(html).not.toContain('<span style');
  });

  it('the default layout (no formatter) shows the axis label, each series and its formatted value, grouped by axis', () => {
    const html = tooltipHtml(options.curves);
    // Loss and accuracy sit on two grids: one header each, as ECharts' own tooltip groups them.
    expect([...html.matchAll(/<div class="tip-head">([^<]*)<\/div>/g)].map((h) => h[1])).toEqual(['1', '1']);
    expect(html.indexOf('<div class="tip-head">', 1)).toBeGreaterThan(html.indexOf(fmt(lin.history[0].valLoss, 4)));
    const rows = [...html.matchAll(/<span class="tip-name">([^<]*)<\/span><b class="tip-value">([^<]*)<\/b>/g)].map(
      (r) => [r[1], r[2]],
    );
    expect(rows).toEqual([
      ['train', fmt(lin.history[0].loss, 4)],
      ['validation', fmt(lin.history[0].valLoss, 4)],
      ['train', fmt(lin.history[0].acc, 4)],
      ['validation', fmt(lin.history[0].valAcc, 4)],
    ]);
  });
});

describe('tooltip markup', () => {
  it("escapes names and values: run names are the user's text", () => {
    const tip = defaultTooltip('axis', (v) => `<${String(v)}>`);
    const html = String(
      tip(
        [
          { seriesName: '<img src=x>', name: '3', axisValueLabel: '"3"', value: 2, dataIndex: 0, color: 'red' },
        ] as never,
        't',
      ),
    );
    expect(html).toContain('&lt;img src=x&gt;');
    expect(html).toContain('&lt;2&gt;');
    expect(html).toContain('&quot;3&quot;');
    expect(html).not.toContain('<img');
  });

  it('passes escaped names to a builder formatter', () => {
    const option = {
      tooltip: {
        trigger: 'item' as const,
        formatter: (p: unknown) => `${(p as { seriesName: string }).seriesName}|${(p as { marker: string }).marker}`,
      },
    };
    const html = String(
      (withCspSafeTooltip(option).tooltip as { formatter: Formatter }).formatter(
        { seriesName: 'a<b', name: 'x', value: 1, dataIndex: 0, color: '#abc', marker: ECHARTS_MARKER },
        't',
      ),
    );
    expect(html).toBe(`a&lt;b|${tipMarker('#abc')}`);
  });

  it('shows the value-axis dimension of [x, y] data, and no row name for unnamed series', () => {
    const tip = defaultTooltip('axis', (v) => String(v));
    const html = String(
      tip(
        [
          {
            seriesName: 'series\u00000',
            name: '',
            axisValueLabel: '10',
            value: [10, 0.75],
            encode: { x: [0], y: [1] },
            dataIndex: 0,
            color: '#000',
          },
        ] as never,
        't',
      ),
    );
    expect(html).toContain('<span class="tip-name"></span><b class="tip-value">0.75</b>');
  });

  it('item tooltips put the series name on top and the item on its row', () => {
    const html = String(
      defaultTooltip('item')(
        { seriesName: 'probability', name: '5 8 4  (1)', value: 0.5, dataIndex: 0, color: '#0a0' } as never,
        't',
      ),
    );
    expect(html).toBe(
      `<div class="tip-head">probability</div><div class="tip-row">${tipMarker('#0a0')}<span class="tip-name">5 8 4  (1)</span><b class="tip-value">0.5</b></div>`,
    );
  });

  it('a dot only for a plain colour; a gradient object gets none', () => {
    expect(tipMarker({ type: 'linear', colorStops: [] })).toBe('');
    expect(tipMarker('#f00"/><script>')).toContain('fill="#f00&quot;/&gt;&lt;script&gt;"');
  });

  it('leaves options without a tooltip, and string templates, alone', () => {
    const bare = { series: [] };
    expect(withCspSafeTooltip(bare)).toBe(bare);
    const templ = { tooltip: { formatter: '{b}: {c}' } };
    expect(withCspSafeTooltip(templ).tooltip).toEqual({ formatter: '{b}: {c}', className: 'chart-tip' });
  });
});
