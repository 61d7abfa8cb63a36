import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { boardChartsFor, type RunChartEntry } from '../../../shared/catalogue/index.js';
import { cli, seedSessionFile } from '../analysis/cli-helpers.js';
import { trainedSeedRun } from '../analysis/trained-fixtures.js';

/** A chart that exists only in this test: one catalogue entry, nothing else (hoisted with the mock that adds it). */
const fake = vi.hoisted((): RunChartEntry => ({
  id: 'final-accuracy',
  title: 'Final accuracy',
  file: 'final-accuracy',
  scope: 'run',
  help: 'the last validation accuracy as one bar',
  needs: (run) => run.history.length > 0,
  option: (run, ctx) => ({
    xAxis: { type: 'category', data: ['val acc'] },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', data: [run.history.at(-1)?.valAcc ?? 0], itemStyle: { color: ctx.color } }],
  }),
  board: { stage: 'result', height: 120 },
}));

vi.mock('../../../shared/catalogue/board-charts.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../shared/catalogue/board-charts.js')>();
  return { boardCharts: [...original.boardCharts, fake] };
});

describe('a new catalogue entry is all the board and rnn-lab export need', () => {
  it('a board column lists it after the built-in charts, for a run that has its data', () => {
    const run = trainedSeedRun('sigmoid1');
    expect(boardChartsFor(run, true, 'result').at(-1)?.id).toBe('final-accuracy');
    expect(boardChartsFor({ ...run, history: [] }, true, 'result').map((c) => c.id)).not.toContain('final-accuracy');
  });

  const { dir, file } = seedSessionFile();

  it('appears in --help and exports under its title and file name', async () => {
    const help = await cli(['export', '--help']);
    expect(help.out).toContain('final-accuracy');
    expect(help.out).toContain('the last validation accuracy as one bar');
    const out = join(dir, 'acc.svg');
    const r = await cli(['export', file, '--chart', 'final-accuracy', '--run', 'c', '--out', out]);
    expect(r.code, r.err).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toContain('Final accuracy — Embedding 1 · sigmoid RNN');
    const all = await cli(['export', file, '--chart', 'final-accuracy', '--run', 'all', '--out', join(dir, 'all.svg')]);
    expect(all.code, all.err).toBe(0);
    // No overlay: a figure sheet with every run under its name.
    const sheet = readFileSync(join(dir, 'all.svg'), 'utf8');
    const names = (['linear10', 'linear1', 'sigmoid1'] as const).map((which) => trainedSeedRun(which).name);
    for (const name of names) expect(sheet).toContain(name);
  });
});
