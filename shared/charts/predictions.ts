import type { EChartsOption } from 'echarts';
import type { Prediction } from '../schemas/run-result.js';
import { axisBase, fmt, textStyle, tooltipBase, type ChartContext } from './common.js';

export interface PredictionRow {
  input: string;
  label: 0 | 1;
  probability: number;
  /** Thresholded at 0.5, as Keras' binary accuracy does. */
  correct: boolean;
}

export function predictionRows(predictions: readonly Prediction[], limit = predictions.length): PredictionRow[] {
  return predictions.slice(0, limit).map((p) => ({
    input: p.input.join(' '),
    label: p.label,
    probability: p.probability,
    correct: (p.probability >= 0.5 ? 1 : 0) === p.label,
  }));
}

/** The prediction table as a picture (for exports): probability per row, green when right, red when wrong. */
export function predictionsOption(predictions: readonly Prediction[], ctx: ChartContext, limit = 12): EChartsOption {
  const { theme } = ctx;
  const ax = axisBase(theme);
  const rows = predictionRows(predictions, limit);
  return {
    animation: false,
    textStyle: textStyle(theme),
    tooltip: { ...tooltipBase(theme), trigger: 'item' },
    grid: { left: 92, right: 48, top: 10, bottom: 26 },
    xAxis: { ...ax, type: 'value', min: 0, max: 1, name: 'probability', nameLocation: 'middle', nameGap: 18 },
    yAxis: {
      ...ax,
      type: 'category',
      inverse: true,
      data: rows.map((r) => `${r.input}  (${r.label})`),
    },
    series: [
      {
        type: 'bar',
        name: 'probability',
        barMaxWidth: 12,
        data: rows.map((r) => ({
          value: r.probability,
          itemStyle: { color: r.correct ? theme.positive : theme.negative, borderRadius: 2 },
        })),
        label: {
          show: true,
          position: 'right',
          color: theme.muted,
          fontSize: 9,
          fontFamily: theme.mono,
          formatter: (p) => fmt(Number(p.value), 3),
        },
      },
    ],
  };
}
