import { groupCurvesOption } from '../charts/group-curves.js';
import { parallelOption } from '../charts/parallel.js';
import { scatterOption } from '../charts/scatter.js';
import { successMatrixOption } from '../charts/success-matrix.js';
import type { GroupChartOptions } from '../charts/sweep-common.js';
import type { Run } from '../schemas/run.js';
import type { ChartEntry, ChartParams, ColoredRun } from './chart-entry.js';

/** A run that trained at least one epoch has the metrics these charts draw. */
const trained = (run: Run) => run.history.length > 0;
const runsOf = (runs: ColoredRun[]) => runs.map((r) => r.run);
const optionsOf = (p: ChartParams): GroupChartOptions => ({ groupBy: p.groupBy, x: p.x, y: p.y, success: p.success });
const missing = 'has not trained an epoch yet';

/** Charts of many runs (a sweep, or runs over seeds): one chart for all picked runs, coloured by group or success. */
export const sweepCharts: readonly ChartEntry[] = [
  {
    id: 'success-matrix',
    title: 'Success rate',
    file: 'success-matrix',
    scope: 'group',
    help: 'success rate of each combination of two fields, k/n over seeds (--group-by F1,F2 --success 0.99)',
    needs: trained,
    missing,
    params: { groupBy: 'optional', success: 'optional' },
    option: (runs, theme, p) => successMatrixOption(runsOf(runs), optionsOf(p), theme),
  },
  {
    id: 'parallel',
    title: 'Parallel coordinates',
    file: 'parallel',
    scope: 'group',
    help: 'varied fields and metrics as axes, a line per run coloured by success (--success 0.99)',
    needs: trained,
    missing,
    params: { success: 'optional' },
    option: (runs, theme, p) => parallelOption(runsOf(runs), optionsOf(p), theme),
  },
  {
    id: 'group-curves',
    title: 'Val accuracy by group',
    file: 'group-curves',
    scope: 'group',
    help: "each group's val accuracy per epoch: mean line, min–max band (--group-by F[,F])",
    needs: trained,
    missing,
    params: { groupBy: 'optional' },
    option: (runs, theme, p) => groupCurvesOption(runsOf(runs), optionsOf(p), theme),
  },
  {
    id: 'scatter',
    title: 'Field against metric',
    file: 'scatter',
    scope: 'group',
    help: 'a field against a metric, a point per run coloured by success (--x FIELD --y METRIC)',
    needs: trained,
    missing,
    params: { x: 'optional', y: 'optional', success: 'optional' },
    option: (runs, theme, p) => scatterOption(runsOf(runs), optionsOf(p), theme),
  },
];
