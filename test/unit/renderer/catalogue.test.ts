import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  analysisViews,
  boardCharts,
  boardChartsFor,
  chartCatalogue,
  chartIds,
  overlayCharts,
  type ChartEntry,
} from '../../../shared/catalogue/index.js';
import { chartTheme, runColor, toOverlayRun } from '../../../shared/charts/index.js';
import { command as exportCommand } from '../../../electron/cli/commands/export.js';
import { cli } from '../analysis/cli-helpers.js';
import { trainedSeedRun } from '../analysis/trained-fixtures.js';
import { gatedRun } from '../analysis/gated-fixtures.js';

const theme = chartTheme('light');
/** The seed's trained sigmoid run, with the per-batch losses a trained run records (the fixture leaves them out). */
const trained = {
  ...trainedSeedRun('sigmoid1', 'c'),
  batchLoss: [
    { step: 10, loss: 0.6 },
    { step: 20, loss: 0.2 },
  ],
};
const untrained = {
  ...trained,
  id: 'u',
  name: 'fresh',
  status: 'queued' as const,
  history: [],
  batchLoss: [],
  weights: undefined,
  digitScores: undefined,
  predictions: [],
  snapshots: [],
};
const params = { sequence: '5,8,4', maxLength: 6 };

/** What an entry draws for these runs: null when none of them has what it needs, as every caller checks. */
function build(entry: ChartEntry, runs: (typeof trained)[]) {
  const ready = runs.filter((r) => entry.needs(r));
  if (!ready.length) return null;
  const colored = ready.map((run, i) => ({ run, color: runColor(i, 'light') }));
  if (entry.scope === 'group') return entry.option(colored, theme, params);
  return entry.option(ready[0], { theme, color: runColor(0, 'light') }, params);
}

/** Series data of an option, flattened: enough to see that values from the run were plotted. */
const seriesCount = (o: object) => ([] as unknown[]).concat((o as { series?: unknown }).series ?? []).length;

describe('the chart catalogue', () => {
  it('lists each id once, board charts then analysis charts, with the CLI names and file names of before', () => {
    expect(new Set(chartIds).size).toBe(chartIds.length);
    expect(chartIds).toEqual([
      'curves',
      'batch-loss',
      'embedding',
      'weights',
      'gate-weights',
      'gate-bias',
      'dense-readout',
      'digit-scores',
      'predictions',
      'lengths',
      'timeline',
      'trace',
      'success-matrix',
      'parallel',
      'group-curves',
      'scatter',
    ]);
    const files = Object.fromEntries(chartCatalogue.map((c) => [c.id, c.file]));
    expect(files).toMatchObject({ lengths: 'accuracy-vs-length', timeline: 'score-timeline', curves: 'curves' });
    expect(boardCharts.map((c) => c.title)).toEqual([
      'Loss and accuracy',
      'Loss per batch',
      'Embedding',
      'W, U and b',
      'W and U per gate',
      'b per gate',
      'Dense readout',
      'Digit scores',
      'Predictions',
    ]);
  });

  it('every entry builds an option with series for a trained run, and nothing for an untrained one', () => {
    for (const entry of chartCatalogue) {
      // A chart of gates (or of the dense readout) is checked on a trained LSTM, which has them.
      const subject = entry.notFor?.(trained.config) ? { ...gatedRun('lstm'), batchLoss: trained.batchLoss } : trained;
      expect(entry.needs({ ...untrained, config: subject.config }), entry.id).toBe(false);
      expect(build(entry, [untrained]), entry.id).toBeNull();
      expect(entry.needs(subject), entry.id).toBe(true);
      const option = build(entry, [subject]);
      expect(option, entry.id).not.toBeNull();
      expect(seriesCount(option!), entry.id).toBeGreaterThan(0);
    }
  });

  it('overlays draw one series set per run with data', () => {
    const runs = [trained, trainedSeedRun('linear1', 'b')].map((r, i) => toOverlayRun(r, i, 'light'));
    expect(overlayCharts.map((c) => c.id)).toEqual(['curves', 'digit-scores']);
    for (const c of overlayCharts) expect(seriesCount(c.overlay.option(runs, { theme }))).toBeGreaterThanOrEqual(2);
  });

  it("the board column lists the catalogue's board charts: live ones while training, the rest with a result", () => {
    const live = boardChartsFor(trained, true, 'live').map((c) => c.id);
    const result = boardChartsFor(trained, true, 'result').map((c) => c.id);
    const applies = boardCharts.filter((c) => c.board && !c.notFor?.(trained.config));
    expect([...live, ...result]).toEqual(applies.map((c) => c.id));
    expect(boardChartsFor(untrained, false, 'live')).toEqual([]);
    expect(boardChartsFor(untrained, false, 'result')).toEqual([]);
    // A run with weights but no predictions still shows its (empty) predictions table.
    expect(boardChartsFor({ ...trained, predictions: [] }, true, 'result').map((c) => c.id)).toContain('predictions');
  });

  it('every analysis view names charts that are in the catalogue', () => {
    const views = ['trace', 'what-if', 'exhaustive', 'lengths', 'timeline', 'seed-repeat'];
    expect(analysisViews.map((v) => v.id)).toEqual(views);
    for (const v of analysisViews) for (const c of v.charts) expect(chartIds).toContain(c);
  });
});

describe('rnn-lab export reads the catalogue', () => {
  it('--chart accepts exactly the catalogue ids, and --help lists each with its line', async () => {
    expect(exportCommand.usage).toContain(`--chart ${chartIds.join('|')} `);
    const help = (exportCommand.help ?? []).join('\n');
    for (const c of chartCatalogue) expect(help).toContain(`  ${c.id.padEnd(14)} ${c.help}`);
    const r = await cli(['export', 'x.rnnlab', '--chart', 'pie', '--run', 'a', '--out', 'x.png']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`expected ${chartIds.join('|')}, got "pie"`);
  });

  it('--sequence and --max apply to the charts whose entry takes them', async () => {
    const r = await cli(['export', 'x.rnnlab', '--chart', 'curves', '--run', 'a', '--sequence', '5', '--out', 'x.png']);
    expect(r.err).toContain('--sequence applies to --chart trace only');
    const m = await cli(['export', 'x.rnnlab', '--chart', 'trace', '--run', 'a', '--out', 'x.png']);
    expect(m.err).toContain('--chart trace needs --sequence (e.g. --sequence 5,8,4)');
  });
});

/** Source files of the app (not tests, not the catalogue itself). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

describe('no chart list outside the catalogue', () => {
  const root = process.cwd();
  /** Files whose words coincide with chart ids but name other things. */
  const otherVocabulary: Record<string, string> = {
    'shared/charts/data-export.ts': 'the data kinds behind a chart (history, weights, digit scores, predictions)',
    'electron/lab/sessions/session-sense/status.ts': "a run's stored fields",
    'renderer/src/analysis/run-job.ts': "the analysis worker's job kinds",
    'electron/cli/commands/sweep.ts': 'its --parallel flag (runs trained at once), not the parallel-coordinates chart',
  };
  const files = ['shared', 'electron', 'renderer/src']
    .flatMap((d) => sources(join(root, d)))
    .filter((f) => !relative(root, f).startsWith('shared/catalogue/') && !(relative(root, f) in otherVocabulary));

  it('no switch or comparison on a chart id, and no hard-coded list of chart ids', () => {
    const offences: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const id of chartIds) {
        const quoted = `['"]${id}['"]`;
        // A switch case, a comparison, or a list of ids.
        const patterns = [`case ${quoted}`, `[!=]== ?${quoted}`, `\\[${quoted}, ?['"]`].map((p) => new RegExp(p));
        if (patterns.some((p) => p.test(text))) offences.push(`${relative(root, file)}: ${id}`);
      }
      if (/chartKinds|chartTitles/.test(text)) offences.push(`${relative(root, file)}: an old chart list`);
    }
    expect(offences).toEqual([]);
  });
});
