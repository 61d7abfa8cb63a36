import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { exportChart as exportAnalysisChart } from '../../../electron/export/export-chart.js';
import { digitScoresOf, lengthGeneralisation, analysisModelOf, trace } from '../../../shared/analysis/index.js';
import { fmt, TITLE_BAND } from '../../../shared/charts/index.js';
import { cli, seedSessionFile } from '../analysis/cli-helpers.js';
import { trainedSeedRun } from '../analysis/trained-fixtures.js';

const runs = [trainedSeedRun('linear10', 'a'), trainedSeedRun('linear1', 'b'), trainedSeedRun('sigmoid1', 'c')];
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
const parses = (svg: string) => new Resvg(svg, { font: { loadSystemFonts: false } }).width;
/** Kept for a look (the report names them); the tests do not depend on the folder. */
const SHOTS = '/tmp/shots';

describe('analysis chart export (lengths, timeline, trace)', () => {
  it('lengths: all runs on one chart, titled, the runs in the legend, the lengths on the x axis', () => {
    const out = exportAnalysisChart({ runs, chart: 'lengths', run: 'all', format: 'svg', maxLength: 30 });
    const svg = out.bytes.toString('utf8');
    expect(parses(svg)).toBe(640);
    expect(out.fileName).toBe('all-runs-accuracy-vs-length.svg');
    const t = texts(svg);
    expect(t).toEqual(
      expect.arrayContaining(['Accuracy vs sequence length', ...runs.map((r) => r.name), '30', 'trained']),
    );
    // The plotted values: the sigmoid run keeps single 4s at length 30, the linear E=1 run loses them.
    const sig = lengthGeneralisation(analysisModelOf(runs[2]), { maxLength: 30 });
    const lin = lengthGeneralisation(analysisModelOf(runs[1]), { maxLength: 30 });
    expect(sig.points[29].withTarget).toBe(1);
    expect(lin.points[29].withTarget).toBeLessThan(0.5);
    // One polyline per run and half (3 runs × all/with/without), each with 30 points.
    const lines = [...svg.matchAll(/<path d="M([^"]+)"[^>]*fill="none"/g)]
      .map((m) => m[1].split(/L/).length)
      .filter((n) => n === 30);
    expect(lines.length).toBe(9);
  });

  it('trace: one run, PNG at 2× that decodes; the SVG names each step and prints the title with the sequence', () => {
    const png = exportAnalysisChart({
      runs,
      chart: 'trace',
      run: 'c',
      format: 'png',
      sequence: '5,8,4',
      size: { width: 500, height: 300 },
    });
    const img = PNG.sync.read(png.bytes);
    // 2× of 500 × (300 + the 30 px title band: the titled picture grows by it, as the UI's export does).
    expect([img.width, img.height]).toEqual([1000, 2 * (300 + TITLE_BAND)]);
    expect(png.fileName).toBe('emb1-sigmoid-trace.png');
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(join(SHOTS, 'cli-trace.png'), png.bytes);
    const svg = exportAnalysisChart({
      runs,
      chart: 'trace',
      run: 'c',
      format: 'svg',
      sequence: '5,8,4',
    }).bytes.toString('utf8');
    parses(svg);
    const t = texts(svg);
    expect(t).toEqual(expect.arrayContaining(['1:5', '2:8', '3:4', 'Trace 5,8,4 — Embedding 1 · sigmoid RNN', 'h(t)']));
    // The score axis reaches the score of digit 4 (11.06), the largest bar.
    const r = trace(analysisModelOf(runs[2]), [5, 8, 4]);
    const top = Math.max(...t.map(Number).filter(Number.isFinite));
    expect(top).toBeGreaterThanOrEqual(r.steps[2].score[0]);
  });

  it('timeline: digit scores over the snapshots, the target labelled, the last step on the x axis; all runs as a sheet', () => {
    const svg = exportAnalysisChart({ runs, chart: 'timeline', run: 'c', format: 'svg' }).bytes.toString('utf8');
    parses(svg);
    const t = texts(svg);
    expect(t).toEqual(expect.arrayContaining(['Digit scores over training — Embedding 1 · sigmoid RNN', '4', '3,000']));
    const final4 = digitScoresOf(runs[2].weights!)[4][0];
    expect(Math.max(...t.map(Number).filter(Number.isFinite))).toBeGreaterThanOrEqual(final4);
    const sheet = exportAnalysisChart({ runs, chart: 'timeline', run: 'all', format: 'png' });
    expect(PNG.sync.read(sheet.bytes).width).toBe(2 * 640 * 2);
    writeFileSync(join(SHOTS, 'cli-timeline-all.png'), sheet.bytes);
    writeFileSync(
      join(SHOTS, 'cli-lengths.png'),
      exportAnalysisChart({ runs, chart: 'lengths', run: 'all', format: 'png', theme: 'dark' }).bytes,
    );
    expect(fmt(final4, 2)).toBe('11');
  });

  it('clear errors: trace without a sequence, a digit outside the vocabulary, a run without snapshots', () => {
    expect(() => exportAnalysisChart({ runs, chart: 'trace', run: 'c', format: 'svg' })).toThrow(/needs a sequence/);
    expect(() => exportAnalysisChart({ runs, chart: 'trace', run: 'c', format: 'svg', sequence: '5,10' })).toThrow(
      /outside the vocabulary/,
    );
    const bare = { ...runs[0], id: 'z', name: 'bare', snapshots: [] };
    expect(() => exportAnalysisChart({ runs: [bare], chart: 'timeline', run: 'bare', format: 'svg' })).toThrow(
      /no weight snapshots/,
    );
  });
});

describe('rnn-lab export --chart lengths|timeline|trace', () => {
  const { dir, file } = seedSessionFile();

  it('writes each chart; trace takes --sequence, lengths --max', async () => {
    const trace = join(dir, 'trace.png');
    let r = await cli(['export', file, '--chart', 'trace', '--run', 'c', '--sequence', '5,8,4', '--out', trace]);
    expect(r.code, r.err).toBe(0);
    // Default 640×360 plus the title band, at 2×.
    expect(r.out).toContain('1280×780');
    expect(PNG.sync.read(readFileSync(trace)).height).toBe(780);
    const lengths = join(dir, 'lengths.svg');
    r = await cli(['export', file, '--chart', 'lengths', '--run', 'all', '--max', '12', '--out', lengths]);
    expect(r.code, r.err).toBe(0);
    expect(texts(readFileSync(lengths, 'utf8'))).toEqual(expect.arrayContaining(['12', ...runs.map((x) => x.name)]));
    const tl = join(dir, 'timeline.svg');
    r = await cli(['export', file, '--chart', 'timeline', '--run', 'b', '--theme', 'print', '--out', tl]);
    expect(r.code, r.err).toBe(0);
    expect(texts(readFileSync(tl, 'utf8'))).toContain('Digit scores over training — Embedding 1 · linear');
  });

  it('exit 2 with one line for a missing or misplaced --sequence and a bad --max', async () => {
    const out = join(dir, 'bad.png');
    const cases = [
      ['export', file, '--chart', 'trace', '--run', 'c', '--out', out],
      ['export', file, '--chart', 'trace', '--run', 'c', '--sequence', '5,x', '--out', out],
      ['export', file, '--chart', 'curves', '--run', 'c', '--sequence', '5', '--out', out],
      ['export', file, '--chart', 'lengths', '--run', 'all', '--max', '0', '--out', out],
      ['export', file, '--chart', 'timeline', '--run', 'nobody', '--out', out],
    ];
    for (const argv of cases) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.trim().split('\n'), argv.join(' ')).toHaveLength(1);
    }
  });
});
