import { describe, expect, it } from 'vitest';
import { groupCurves, groupCurvesOption } from '../../../shared/charts/group-curves.js';
import { parallelOption } from '../../../shared/charts/parallel.js';
import { successMatrix } from '../../../shared/charts/success-matrix.js';
import { chartTheme } from '../../../shared/charts/theme.js';
import { withValueAt } from '../../../shared/config-fields/config-path.js';
import type { RunConfig } from '../../../shared/schemas/run-config.js';
import { runsTable, type TableRun } from '../../../shared/sweeps/runs-table.js';
import {
  cellText,
  curvesText,
  matrixGrid,
  parallelText,
  scatterText,
} from '../../../renderer/src/runs/group-summary.js';
import { defaultGroupFields, fieldChoices, groupFileBases } from '../../../renderer/src/runs/group-params.js';
import { EMPTY_TABLE_VIEW } from '../../../shared/schemas/session.js';
import { trainedSeedRun } from '../analysis/trained-fixtures.js';

const theme = chartTheme('dark');
const base = trainedSeedRun('linear1', 'x');

/** A sweep run with one epoch at `acc` (embedding × activation × seed). */
function run(e: number, act: string, seed: number, acc: number): TableRun {
  const values = { 'model.embeddingDim': e, 'model.rnnActivation': act, 'training.seed': seed };
  const config = Object.entries(values).reduce<RunConfig>((c, [p, v]) => withValueAt(c, p, v), base.config);
  const history = [{ epoch: 1, loss: 0.1, acc, valLoss: 1 - acc, valAcc: acc }];
  return {
    ...base,
    id: `e${e}-${act}-${seed}`,
    name: `E${e} ${act} s${seed}`,
    config,
    history,
    sweep: { id: 's', values },
  };
}
const runs = [
  run(1, 'linear', 0, 1),
  run(1, 'linear', 1, 0.8),
  run(1, 'linear', 2, 0.9),
  run(1, 'sigmoid', 0, 1),
  run(4, 'linear', 0, 1),
  run(4, 'linear', 1, 1),
];

describe('group views: what the charts and their text versions say', () => {
  it('matrix cells: k/n over seeds, mean val acc, the runs behind each; empty combinations in the grid', () => {
    const m = successMatrix(runs, { groupBy: ['model.embeddingDim', 'model.rnnActivation'], success: 0.95 });
    const cell = m.cells.find((c) => c.x === 1 && c.y === 'linear')!;
    expect([cell.successes, cell.finished, cell.runIds]).toEqual([1, 3, ['e1-linear-0', 'e1-linear-1', 'e1-linear-2']]);
    expect(cell.meanValAcc).toBeCloseTo(0.9, 12);
    expect(cellText(cell)).toBe('1/3 (33%) · mean 0.9');
    const grid = matrixGrid(m);
    expect(grid.map((r) => r.label)).toEqual(['linear', 'sigmoid']);
    expect(grid[1].cells.map((c) => (c ? cellText(c) : null))).toEqual(['1/1 (100%) · mean 1', null]);
    // A lower threshold counts 0.9 too.
    expect(successMatrix(runs, { groupBy: ['model.embeddingDim'], success: 0.9 }).cells[0].successes).toBe(3);
  });

  it('group curves: a ±1 sd band around the mean, or min–max', () => {
    const [linear1] = groupCurves(runs, { groupBy: ['model.embeddingDim', 'model.rnnActivation'] });
    expect(linear1.sd[0]).toBeCloseTo(Math.sqrt((0.1 ** 2 * 2) / 3), 12);
    expect(curvesText([linear1], 'minmax')).toEqual(['1 · linear (n=3): epoch 1 mean val acc 0.9, min–max 0.8 to 1']);
    expect(curvesText([linear1], 'sd')).toEqual(['1 · linear (n=3): epoch 1 mean val acc 0.9, ±1 sd 0.818 to 0.982']);
    const option = groupCurvesOption(runs, { groupBy: ['model.embeddingDim'], band: 'sd' }, theme) as unknown as {
      series: { name: string; data: number[] }[];
      xAxis: { name: string };
    };
    // Embedding 1 over 4 runs: mean 0.925, sd ≈ 0.0829; the band's lower edge, then its width.
    expect(option.series[0].data[0]).toBeCloseTo(0.925 - Math.sqrt(0.006875), 12);
    expect(option.series[1].data[0]).toBeCloseTo(2 * Math.sqrt(0.006875), 12);
    expect(option.xAxis.name).toContain('band ±1 sd');
  });

  it('parallel: runs filtered out of the table are drawn faded under the rest, and said so', () => {
    const faded = new Set(['e1-linear-1', 'e1-linear-2']);
    const option = parallelOption(runs, {}, theme, faded) as unknown as {
      series: { name: string; data: { id: string }[] }[];
      parallelAxis: { id: string; realtime: boolean }[];
    };
    expect(option.series.map((s) => [s.name, s.data.map((d) => d.id)])).toEqual([
      ['filtered out', ['e1-linear-1', 'e1-linear-2']],
      ['val acc ≥ 0.99', ['e1-linear-0', 'e1-sigmoid-0', 'e4-linear-0', 'e4-linear-1']],
      ['below', []],
    ]);
    expect(option.parallelAxis.map((a) => a.id).slice(0, 3)).toEqual([
      'model.embeddingDim',
      'model.rnnActivation',
      'valAcc',
    ]);
    expect(option.parallelAxis.every((a) => a.realtime === false)).toBe(true);
    const rows = runsTable(runs).rows;
    expect(parallelText(rows, faded, ['embeddingDim', 'val acc'])).toBe(
      '4 runs drawn, 4 reached the success threshold; 2 filtered out, drawn faded. Axes: embeddingDim, val acc.',
    );
  });

  it('scatter text, default grouping, pickers and file names', () => {
    const table = runsTable(runs);
    expect(scatterText(table.rows, 'model.embeddingDim', 'valAcc')).toEqual([
      'embeddingDim 1: 4 runs, mean val acc 0.925',
      'embeddingDim 4: 2 runs, mean val acc 1',
    ]);
    expect(defaultGroupFields(table, EMPTY_TABLE_VIEW)).toEqual(['model.embeddingDim', 'model.rnnActivation']);
    expect(defaultGroupFields(table, { ...EMPTY_TABLE_VIEW, groupBy: ['model.rnnActivation'] })).toEqual([
      'model.rnnActivation',
    ]);
    expect(fieldChoices(table, ['model.cell'])).toEqual([
      'model.embeddingDim',
      'model.rnnActivation',
      'training.seed',
      'model.cell',
    ]);
    expect(
      groupFileBases({
        groupBy: ['model.embeddingDim', 'model.rnnActivation'],
        band: 'sd',
        x: 'model.embeddingDim',
        y: 'valLoss',
      }),
    ).toEqual({
      'success-matrix': 'runs-success-matrix-embeddingdim-x-rnnactivation',
      parallel: 'runs-parallel-coordinates',
      'group-curves': 'runs-val-acc-by-embeddingdim-rnnactivation-sd-band',
      scatter: 'runs-scatter-embeddingdim-valloss',
    });
  });
});
