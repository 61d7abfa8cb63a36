import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { exportChart } from '../../../electron/export/export-chart.js';
import { findChart } from '../../../shared/catalogue/index.js';
import { chartTheme, TITLE_BAND } from '../../../shared/charts/index.js';
import { groupCurves } from '../../../shared/charts/group-curves.js';
import { parallelAxes, parallelOption } from '../../../shared/charts/parallel.js';
import { scatterOption } from '../../../shared/charts/scatter.js';
import { successMatrix, successMatrixOption } from '../../../shared/charts/success-matrix.js';
import { withValueAt } from '../../../shared/config-fields/config-path.js';
import type { RunConfig } from '../../../shared/schemas/run-config.js';
import { runsTable, type TableRun } from '../../../shared/sweeps/runs-table.js';
import { cli } from '../analysis/cli-helpers.js';
import { trainedSeedRun } from '../analysis/trained-fixtures.js';

const theme = chartTheme('light');
const base = trainedSeedRun('linear1', 'x');

/** A sweep run: embedding × activation × seed, its val accuracy rising to `finalAcc` over 3 epochs. */
function run(e: number, act: 'linear' | 'sigmoid', seed: number, finalAcc: number): TableRun {
  const values = { 'model.embeddingDim': e, 'model.rnnActivation': act, 'training.seed': seed };
  const config = Object.entries(values).reduce<RunConfig>((c, [p, v]) => withValueAt(c, p, v), base.config);
  const history = [0.5, (0.5 + finalAcc) / 2, finalAcc].map((valAcc, i) => ({
    epoch: i + 1,
    loss: 0.1,
    acc: valAcc,
    valLoss: 1 - valAcc,
    valAcc,
  }));
  const id = `e${e}-${act}-s${seed}`;
  return { ...base, id, name: `Embedding ${e} · ${act} · seed ${seed}`, config, history, sweep: { id: 'sw', values } };
}

/** Final val accuracy by combination and seed: embedding 1 · linear succeeds for 3 of its 5 seeds. */
const FINAL: Record<string, number[]> = {
  '1 linear': [1, 0.83, 1, 0.995, 0.9],
  '1 sigmoid': [1, 1, 1, 1, 1],
  '4 linear': [1, 1, 1, 1, 0.5],
  '4 sigmoid': [0.6, 0.7, 0.8, 0.9, 1],
};
const runs = Object.entries(FINAL).flatMap(([combo, accs]) => {
  const [e, act] = combo.split(' ');
  return accs.map((acc, seed) => run(Number(e), act as 'linear' | 'sigmoid', seed, acc));
});

describe('group charts of a sweep', () => {
  it('success matrix: two fields as axes, each cell k/n over seeds with the runs behind it', () => {
    const m = successMatrix(runs, { groupBy: ['model.embeddingDim', 'model.rnnActivation'] });
    expect(m.xValues).toEqual([1, 4]);
    expect(m.yValues).toEqual(['linear', 'sigmoid']);
    const cell = m.cells.find((c) => c.x === 1 && c.y === 'linear')!;
    expect([cell.successes, cell.finished, cell.rate]).toEqual([3, 5, 0.6]);
    expect(cell.runIds).toEqual(['e1-linear-s0', 'e1-linear-s1', 'e1-linear-s2', 'e1-linear-s3', 'e1-linear-s4']);
    expect(m.cells.map((c) => `${c.x} ${c.y}: ${c.successes}/${c.finished}`)).toEqual([
      '1 linear: 3/5',
      '1 sigmoid: 5/5',
      '4 linear: 4/5',
      '4 sigmoid: 1/5',
    ]);
    // A stricter threshold: 0.995 is no longer enough for seed 3.
    expect(successMatrix(runs, { success: 0.999 }).cells[0].successes).toBe(2);
    // The drawn cell: at x 0, y 0, coloured by 0.6, labelled and explained k/n.
    const option = successMatrixOption(runs, {}, theme) as unknown as {
      series: { data: { value: unknown[]; label: { formatter: string } }[] }[];
      tooltip: { formatter: (p: unknown) => string };
    };
    const item = option.series[0].data[0];
    expect(item.value).toEqual([0, 0, 0.6]);
    expect(item.label.formatter).toBe('3/5');
    expect(option.tooltip.formatter({ data: item })).toBe(
      'Embedding size 1 · RNN activation linear<br/><b>3/5</b> reached val acc ≥ 0.99 (60%)<br/>mean val acc 0.945',
    );
    expect(() => successMatrix(runs, { groupBy: ['model.size'] })).toThrow(/^unknown field to group by "model.size"/);
  });

  it('parallel coordinates: varied fields (not the seed) and metrics as axes, a line per run by success', () => {
    const table = runsTable(runs);
    const axes = parallelAxes(table.rows, table.fields);
    expect(axes.map((a) => a.column)).toEqual([
      'model.embeddingDim',
      'model.rnnActivation',
      'valAcc',
      'valLoss',
      'epochsToSuccess',
      'digitMargin',
      'recurrentRadius',
    ]);
    expect(axes[1].categories).toEqual(['linear', 'sigmoid']);
    const option = parallelOption(runs, {}, theme) as unknown as {
      series: { data: { id: string; value: unknown[] }[] }[];
    };
    expect(option.series.map((s) => s.data.length)).toEqual([13, 7]);
    const line = option.series[1].data.find((d) => d.id === 'e1-linear-s1')!;
    expect(line.value.slice(0, 5)).toEqual([1, 'linear', 0.83, 1 - 0.83, '-']);
  });

  it('group curves: per group and epoch the mean of val accuracy over seeds, with min and max', () => {
    const curves = groupCurves(runs, { groupBy: ['model.rnnActivation'] });
    expect(curves.map((c) => c.label)).toEqual(['linear (n=10)', 'sigmoid (n=10)']);
    // Linear, final epoch: 1, 0.83, 1, 0.995, 0.9, 1, 1, 1, 1, 0.5 → mean 9.225 / 10.
    expect(curves[0].mean[2]).toBeCloseTo(0.9225, 12);
    expect([curves[0].min[2], curves[0].max[2]]).toEqual([0.5, 1]);
    expect(curves[0].mean[0]).toBe(0.5);
    expect(groupCurves(runs.slice(0, 1), { groupBy: [] })[0].label).toBe('all runs (n=1)');
  });

  it('scatter: a field against a metric, a point per run that has it', () => {
    const option = scatterOption(runs, { x: 'model.embeddingDim', y: 'epochsToSuccess' }, theme) as unknown as {
      series: { data: { value: [number, number] }[] }[];
    };
    // Only successful runs reached the threshold: 13 points, all at epoch 3.
    expect(option.series[0].data).toHaveLength(13);
    expect(new Set(option.series[0].data.map((d) => d.value[1]))).toEqual(new Set([3]));
    expect(option.series[1].data).toHaveLength(0);
    expect(() => scatterOption(runs, { y: 'speed' }, theme)).toThrow(/^unknown metric "speed"/);
  });

  it('export PNG and SVG through the catalogue, titled, at 2× (written to /tmp/shots to look at)', () => {
    mkdirSync('/tmp/shots', { recursive: true });
    for (const chart of ['success-matrix', 'parallel', 'group-curves', 'scatter']) {
      expect(findChart(chart)?.scope).toBe('group');
      const png = exportChart({ runs, chart, run: 'all', format: 'png', size: { width: 640, height: 360 } });
      writeFileSync(join('/tmp/shots', png.fileName), png.bytes);
      const image = PNG.sync.read(png.bytes);
      expect([image.width, image.height]).toEqual([1280, 2 * (360 + TITLE_BAND)]);
      expect(png.fileName).toBe(`all-runs-${chart}.png`);
      const colours = new Set<number>();
      for (let i = 0; i < image.data.length; i += 4) colours.add(image.data.readUInt32BE(i));
      expect(colours.size, chart).toBeGreaterThan(20);
    }
    const svg = exportChart({ runs, chart: 'success-matrix', run: 'all', format: 'svg' }).bytes.toString('utf8');
    for (const text of ['Success rate', '3/5', '5/5', '4/5', '1/5', 'embeddingDim', 'rnnActivation'])
      expect(svg).toContain(text);
    const curves = exportChart({
      runs,
      chart: 'group-curves',
      run: 'all',
      format: 'svg',
      groupBy: ['model.embeddingDim'],
    });
    expect(curves.bytes.toString('utf8')).toContain('4 (n=10)');
  });

  it('rnn-lab export --chart success-matrix|parallel|group-curves from a session file the CLI wrote', async () => {
    const file = join(process.cwd(), 'test/unit/lab/fixtures/v3-seed.rnnlab');
    const out = join('/tmp/shots', 'cli-matrix.svg');
    const r = await cli([
      'export',
      file,
      '--chart',
      'success-matrix',
      '--group-by',
      'model.embeddingDim,model.rnnActivation',
      '--out',
      out,
    ]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain('cli-matrix.svg (SVG');
    const bad = await cli(['export', file, '--chart', 'success-matrix', '--group-by', 'model.size', '--out', out]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown field to group by "model.size"');
    const x = await cli(['export', file, '--chart', 'curves', '--run', 'all', '--x', 'model.cell', '--out', out]);
    expect(x.err).toContain('--x applies to --chart scatter only');
    for (const chart of ['parallel', 'group-curves']) {
      const ok = await cli(['export', file, '--chart', chart, '--out', join('/tmp/shots', `cli-${chart}.png`)]);
      expect([ok.code, ok.err.replace(/^warning:.*\n/, '')], chart).toEqual([0, '']);
    }
  });
});
