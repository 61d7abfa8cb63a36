import type { EChartsOption } from 'echarts';
import type { ReadoutWeights } from '../schemas/run-result.js';
import type { ChartContext } from './common.js';
import { weightBarsOption } from './weights.js';

/**
 * The dense readout, Dense(1) + sigmoid over the H units: logit = Σ_j h_j·v_j + c. One bar per unit's
 * weight v_j in the run's colour, the bias c in a neutral, values printed while they fit.
 */
export function readoutOption(readout: ReadoutWeights, ctx: ChartContext): EChartsOption {
  const { theme, color } = ctx;
  const bars = [
    ...readout.kernel.map((row, j) => ({ label: `v${j}`, value: row[0] ?? 0, color })),
    ...readout.bias.map((value) => ({ label: 'c', value, color: theme.muted })),
  ];
  return weightBarsOption(bars, ctx, {
    printUpTo: 9,
    allLabelsUpTo: 9,
    title: (name) => (name === 'c' ? 'bias c' : `weight ${name} (unit ${name.slice(1)})`),
  });
}
