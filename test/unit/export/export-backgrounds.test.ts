import { describe, expect, it } from 'vitest';
import {
  exportChart,
  exportThemes,
  type ChartExportRequest,
  type ExportTheme,
} from '../../../electron/export/export-chart.js';
import { renderSvg as renderPageSvg } from '../../../renderer/src/export/chart-export.js';
import { chartTheme, runColor } from '../../../shared/charts/index.js';
import { runChartOption } from '../../../shared/catalogue/index.js';
import { trainedSeedRun } from '../analysis/trained-fixtures.js';
import { cornerPixels, rgba } from './png-corners.js';

const runs = [trainedSeedRun('linear10', 'a'), trainedSeedRun('linear1', 'b'), trainedSeedRun('sigmoid1', 'c')];

/** The colour each export theme promises, read from the theme module rather than restated here. */
const backgroundOf = (theme: ExportTheme): string =>
  chartTheme(theme === 'dark' ? 'dark' : 'light', theme === 'print').background;

/** The SVG's first drawn element must be an opaque rect over the whole picture in the background colour. */
function expectSvgBackground(svg: string, colour: string) {
  const root = /^<svg\b([^>]*)>\s*<rect\b([^>]*?)\/?>/.exec(svg);
  expect(root, 'the SVG starts with a background rect').not.toBeNull();
  const attrs = (text: string) =>
    Object.fromEntries([...text.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const [svgAttrs, rect] = [attrs(root![1]), attrs(root![2])];
  expect(rect.fill?.toLowerCase()).toBe(colour.toLowerCase());
  expect(rect['fill-opacity'] ?? '1').toBe('1');
  expect(rect.x ?? '0').toBe('0');
  expect(rect.y ?? '0').toBe('0');
  expect([svgAttrs.width, svgAttrs.height]).not.toContain(undefined);
  expect(rect.width === '100%' || rect.width === svgAttrs.width, `rect width ${rect.width} of ${svgAttrs.width}`).toBe(
    true,
  );
  expect(
    rect.height === '100%' || rect.height === svgAttrs.height,
    `rect height ${rect.height} of ${svgAttrs.height}`,
  ).toBe(true);
}

type Case = { what: string; req: Omit<ChartExportRequest, 'runs' | 'format' | 'theme'> };
const CASES: Case[] = [
  { what: "one run's digit scores", req: { chart: 'digit-scores', run: 'c' } },
  { what: "one run's curves", req: { chart: 'curves', run: 'a' } },
  { what: 'the curves overlay of all runs', req: { chart: 'curves', run: 'all' } },
  { what: 'a figure sheet (weights of all runs)', req: { chart: 'weights', run: 'all' } },
  { what: 'a trace', req: { chart: 'trace', run: 'b', sequence: '5,8,4' } },
  { what: 'accuracy against length', req: { chart: 'lengths', run: 'all', maxLength: 8 } },
];

function exported(c: Case, format: 'png' | 'svg', theme: ExportTheme): Buffer {
  return exportChart({ ...c.req, runs, format, theme }).bytes;
}

describe('export backgrounds: every theme paints its own colour', () => {
  it('the three themes have the colours the exports are checked against (dark differs from light)', () => {
    expect(exportThemes).toEqual(['dark', 'light', 'print']);
    expect(backgroundOf('dark')).not.toBe(backgroundOf('light'));
    expect(rgba(backgroundOf('print'))).toEqual([255, 255, 255, 255]);
  });

  for (const theme of exportThemes) {
    for (const c of CASES) {
      it(`${theme}: ${c.what} — PNG corners and SVG background rect`, () => {
        const colour = backgroundOf(theme);
        const expected = rgba(colour);
        for (const [corner, pixel] of Object.entries(cornerPixels(exported(c, 'png', theme))))
          expect(pixel, corner).toEqual(expected);
        expectSvgBackground(exported(c, 'svg', theme).toString('utf8'), colour);
      });
    }
  }

  it("the page's own SVG export (ChartCard → chart-export) paints the theme's background", () => {
    const build = (theme: ReturnType<typeof chartTheme>) =>
      runChartOption('digit-scores', runs[0], { theme, color: runColor(0, theme.mode) });
    for (const theme of exportThemes) {
      const mode = theme === 'dark' ? 'dark' : 'light';
      const svg = renderPageSvg(build, mode, 500, 300, theme === 'print', 'Digit scores — A');
      expectSvgBackground(svg, backgroundOf(theme));
    }
    // Print asked from a dark screen is still white: the page's theme does not leak into a print export.
    expectSvgBackground(renderPageSvg(build, 'dark', 500, 300, true), backgroundOf('print'));
  });
});
