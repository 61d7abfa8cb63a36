import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { exportChart } from '../../../electron/export/export-chart.js';
import { renderSvg, svgSafeFonts } from '../../../electron/export/render-chart.js';
import { chartTheme, fmt, TITLE_BAND } from '../../../shared/charts/index.js';
import { trainedSeedRun } from '../analysis/trained-fixtures.js';

const runs = [trainedSeedRun('linear10', 'a'), trainedSeedRun('linear1', 'b'), trainedSeedRun('sigmoid1', 'c')];
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
/** resvg's own XML/SVG parser (roxmltree) rejects malformed documents. */
const parses = (svg: string) => new Resvg(svg, { font: { loadSystemFonts: false } }).width;

describe('chart export', () => {
  it('PNG decodes at 2× the layout size plus the title band, with an opaque background of the theme', () => {
    const out = exportChart({
      runs,
      chart: 'digit-scores',
      run: 'c',
      format: 'png',
      theme: 'dark',
      size: { width: 400, height: 300 },
    });
    const png = PNG.sync.read(out.bytes);
    // The title band (30 px) is added above the chart, as the UI's export does, so the chart keeps 400×300.
    expect([png.width, png.height]).toEqual([800, 2 * (300 + TITLE_BAND)]);
    expect([out.width, out.height]).toEqual([800, 660]);
    // Top-left pixel: the dark theme's background (#14171c), fully opaque.
    expect([...png.data.subarray(0, 4)]).toEqual([0x14, 0x17, 0x1c, 255]);
    // Every pixel opaque.
    for (let i = 3; i < png.data.length; i += 4 * 97) expect(png.data[i]).toBe(255);
    expect(out.fileName).toBe('emb1-sigmoid-digit-scores.png');
  });

  it('print theme paints white', () => {
    const out = exportChart({ runs, chart: 'weights', run: 'b', format: 'png', theme: 'print' });
    const png = PNG.sync.read(out.bytes);
    expect([...png.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
  });

  it('SVG parses and holds the plotted digit scores', () => {
    const out = exportChart({ runs, chart: 'digit-scores', run: 'Embedding 1 · sigmoid RNN', format: 'svg' });
    const svg = out.bytes.toString('utf8');
    expect(parses(svg)).toBe(640);
    expect(out.height).toBe(360 + TITLE_BAND);
    // The board prints the target digit's value only (digit 4: 11.057 as printed in the seed).
    expect(texts(svg)).toContain(fmt(runs[2].digitScores![4][0], 2));
    expect(texts(svg)).toContain('11');
    // Titled as the UI's export of the same card.
    expect(texts(svg)).toContain(`Digit scores — ${runs[2].name}`);
    // The weights chart prints every bar: W, U and b of the seed's sigmoid run.
    const w = exportChart({ runs, chart: 'weights', run: 'c', format: 'svg' }).bytes.toString('utf8');
    expect(texts(w)).toEqual(expect.arrayContaining([fmt(-4.77058172, 2), fmt(13.87013912, 2), fmt(-1.89605367, 2)]));
  });

  it('all runs: curves as one overlay, weights as a figure sheet titled by run', () => {
    const curves = exportChart({ runs, chart: 'curves', run: 'all', format: 'svg' }).bytes.toString('utf8');
    parses(curves);
    for (const r of runs) expect(texts(curves)).toContain(r.name);
    expect(texts(curves)).toContain('Loss and accuracy — all runs');
    const scores = exportChart({ runs, chart: 'digit-scores', run: 'all', format: 'svg' }).bytes.toString('utf8');
    expect(texts(scores)).toContain('Digit scores — all runs');
    const sheet = exportChart({ runs, chart: 'weights', run: 'all', format: 'png' });
    const png = PNG.sync.read(sheet.bytes);
    expect(png.width).toBe(2 * 640 * 2);
    const sheetSvg = exportChart({ runs, chart: 'weights', run: 'all', format: 'svg' }).bytes.toString('utf8');
    parses(sheetSvg);
    // Run titles, and U of the sigmoid run (13.87) as its bar label.
    expect(texts(sheetSvg)).toEqual(expect.arrayContaining([...runs.map((r) => r.name), fmt(13.87013912, 2)]));
    // A sheet is titled per cell by run name, not with one export title.
    expect(texts(sheetSvg).some((t) => t.startsWith('W, U and b —'))).toBe(false);
  });

  it('unknown and untrained runs are clear errors', () => {
    expect(() => exportChart({ runs, chart: 'curves', run: 'nope', format: 'png' })).toThrow(/no run named "nope"/);
    const untrained = { ...runs[0], id: 'u', name: 'fresh', history: [], weights: undefined, digitScores: undefined };
    expect(() => exportChart({ runs: [untrained], chart: 'weights', run: 'fresh', format: 'svg' })).toThrow(
      /has no data/,
    );
  });

  it('font families with double quotes become single quotes (ECharts SSR does not escape them)', () => {
    const theme = chartTheme('light');
    expect(theme.font).toContain('"');
    const safe = svgSafeFonts({
      textStyle: { fontFamily: theme.font },
      series: [{ label: { formatter: (x: number) => x } }],
    }) as {
      textStyle: { fontFamily: string };
      series: { label: { formatter: unknown } }[];
    };
    expect(safe.textStyle.fontFamily).not.toContain('"');
    expect(typeof safe.series[0].label.formatter).toBe('function');
    const svg = renderSvg(
      {
        textStyle: { fontFamily: theme.font },
        xAxis: { type: 'category', data: ['a'] },
        yAxis: {},
        series: [{ type: 'bar', data: [1] }],
      },
      { width: 100, height: 80 },
      '#fff',
    );
    expect(parses(svg)).toBe(100);
  });
});
