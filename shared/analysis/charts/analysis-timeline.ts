import type { EChartsOption } from 'echarts';
import { axisBase, fmt, textStyle, tooltipBase, type ChartContext } from '../../charts/common.js';
import { withAlpha } from '../../charts/palette.js';
import { maxOf, minOf } from '../../extent.js';
import type { Timeline } from '../timeline.js';
import { endLabelDigits } from './end-labels.js';

/**
 * Each digit's score (unit 0) over training steps: the target in the run's
 * colour pulling away from the rest; a vertical line at the scrubber's step.
 */
export function scoreTimelineOption(
  t: Timeline,
  targetDigit: number,
  ctx: ChartContext,
  currentStep: number | null,
  unit = 0,
): EChartsOption {
  const { theme } = ctx;
  const ax = axisBase(theme);
  const steps = t.frames.map((f) => f.step);
  const all = t.series.flatMap((perUnit) => perUnit[unit] ?? []).filter(Number.isFinite);
  const span = all.length ? maxOf(all) - minOf(all) : 1;
  const labelled = endLabelDigits(
    t.series.map((perUnit) => perUnit[unit]?.at(-1) ?? NaN),
    targetDigit,
    span,
  );
  return {
    animation: false,
    textStyle: textStyle(theme),
    tooltip: {
      ...tooltipBase(theme),
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? fmt(v, 3) : String(v)),
    },
    grid: { left: 48, right: 44, top: 16, bottom: 32 },
    xAxis: {
      ...ax,
      type: 'value',
      min: steps[0] ?? 0,
      max: steps.at(-1) ?? 1,
      name: 'training step (batches)',
      nameLocation: 'middle',
      nameGap: 20,
    },
    // A gated cell has a score per gate: the axis says whose.
    yAxis: {
      ...ax,
      type: 'value',
      name: t.gateKeys.length > 1 ? `score, gate ${t.gate}` : 'score',
      axisLabel: { ...ax.axisLabel, formatter: (v: number) => fmt(v, 2) },
    },
    series: t.series.map((perUnit, digit) =>
      digitSeries(perUnit[unit], digit, steps, { targetDigit, ctx, labelled, currentStep }),
    ),
  };
}

interface DigitSeriesContext {
  targetDigit: number;
  ctx: ChartContext;
  labelled: ReadonlySet<number>;
  currentStep: number | null;
}

/** One digit's score line: the target stands out; digit 0 carries the scrubber's vertical line. */
function digitSeries(values: readonly number[], digit: number, steps: readonly number[], dc: DigitSeriesContext) {
  const { targetDigit, labelled, currentStep } = dc;
  const { theme, color } = dc.ctx;
  return {
    type: 'line' as const,
    name: `digit ${digit}`,
    data: values.map((v, i) => [steps[i], v]),
    showSymbol: steps.length <= 12,
    symbolSize: 4,
    z: digit === targetDigit ? 3 : 2,
    lineStyle: {
      color: digit === targetDigit ? color : withAlpha(theme.mode === 'dark' ? '#9aa3af' : '#5b6475', 0.55),
      width: digit === targetDigit ? 2.5 : 1,
    },
    itemStyle: { color: digit === targetDigit ? color : theme.neutral },
    endLabel: {
      show: labelled.has(digit),
      formatter: String(digit),
      color: digit === targetDigit ? color : theme.faint,
      fontSize: 10,
      fontWeight: digit === targetDigit ? ('bold' as const) : ('normal' as const),
    },
    markLine:
      digit === 0 && currentStep !== null
        ? {
            silent: true,
            symbol: 'none',
            label: { show: false },
            lineStyle: { color: theme.text, type: 'solid' as const, width: 1 },
            data: [{ xAxis: currentStep }],
          }
        : undefined,
  };
}
