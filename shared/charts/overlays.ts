import type { BarSeriesOption, EChartsOption } from 'echarts';
import type { EpochRecord } from '../schemas/run-result.js';
import type { Run } from '../schemas/run.js';
import { allPositive, axisBase, fmt, textStyle, tooltipBase } from './common.js';
import type { ChartTheme, ThemeMode } from './theme.js';
import { runColor, withAlpha } from './palette.js';
import { digitScoreValues, scoreUnits } from './digit-scores.js';
import { escapeXml } from './escape-xml.js';
import { CELL_LABELS, type CellKind } from '../cells.js';
import { candidateGate, gateName } from './gates.js';

/** One run as the overlays see it: its colour is the one it has in every other chart. */
export interface OverlayRun {
  id: string;
  name: string;
  color: string;
  history: readonly EpochRecord[];
  digitScores?: readonly (readonly number[])[];
  targetDigit: number;
  /** The run's cell: a gated run's digit scores hold a block per gate (SimpleRNN when absent). */
  cell?: CellKind;
  /** Units per gate (1 when absent). */
  units?: number;
}

/** A run in the colour of its place on the board (`index`), as both the UI and the CLI export draw it. */
export function toOverlayRun(run: Run, index: number, mode: ThemeMode): OverlayRun {
  return {
    id: run.id,
    name: run.name,
    color: runColor(index, mode),
    history: run.history,
    digitScores: run.digitScores,
    targetDigit: run.config.task.targetDigit,
    cell: run.config.model.cell,
    units: run.config.model.rnnUnits,
  };
}

/** The column of a run's digit scores the overlay draws: unit 0 of its candidate (a SimpleRNN's one block). */
function overlayColumn(r: OverlayRun): number {
  return candidateGate(r.cell ?? 'simple').index * (r.units ?? 1);
}

/** What a run's bars are, after its name: "" for a one-unit SimpleRNN, else which gate and unit. */
function overlayPart(r: OverlayRun): string {
  const cell = r.cell ?? 'simple';
  const multi = r.digitScores ? scoreUnits(r.digitScores) > 1 : false;
  if (cell === 'simple') return multi ? 'unit 0' : '';
  const gate = candidateGate(cell);
  return `${CELL_LABELS[cell]} ${gateName(gate)}${(r.units ?? 1) > 1 ? ', unit 0' : ''}`;
}

export interface OverlayContext {
  theme: ChartTheme;
  /** Run ids switched off in the legend. */
  hidden?: readonly string[];
}

/** Legend entries are series names, so two runs with one name would toggle together: make them unique. */
export function legendNames(runs: readonly { name: string }[]): string[] {
  const seen = new Map<string, number>();
  return runs.map((r) => {
    const n = (seen.get(r.name) ?? 0) + 1;
    seen.set(r.name, n);
    return n === 1 ? r.name : `${r.name} (${n})`;
  });
}

function legend(runs: readonly OverlayRun[], names: string[], ctx: OverlayContext) {
  const hidden = new Set(ctx.hidden ?? []);
  return {
    type: 'scroll' as const,
    top: 0,
    left: 0,
    right: 0,
    itemWidth: 14,
    itemHeight: 8,
    textStyle: { color: ctx.theme.muted, fontSize: 11 },
    pageTextStyle: { color: ctx.theme.muted },
    data: names,
    selected: Object.fromEntries(runs.map((r, i) => [names[i], !hidden.has(r.id)])),
  };
}

type Axis = ReturnType<typeof axisBase>;

/** One run's three lines: train loss (solid), validation loss (dashed) on top, validation accuracy below. */
function runCurveSeries(r: OverlayRun, name: string, maxEpochs: number) {
  const common = {
    type: 'line' as const,
    name,
    symbolSize: 5,
    showSymbol: maxEpochs <= 30,
    emphasis: { focus: 'series' as const },
  };
  return [
    {
      ...common,
      data: r.history.map((h) => h.loss),
      xAxisIndex: 0,
      yAxisIndex: 0,
      lineStyle: { color: r.color, width: 2 },
      itemStyle: { color: r.color },
    },
    {
      ...common,
      data: r.history.map((h) => h.valLoss),
      xAxisIndex: 0,
      yAxisIndex: 0,
      lineStyle: { color: withAlpha(r.color, 0.75), width: 2, type: 'dashed' as const },
      itemStyle: { color: r.color },
    },
    {
      ...common,
      data: r.history.map((h) => h.valAcc),
      xAxisIndex: 1,
      yAxisIndex: 1,
      lineStyle: { color: r.color, width: 2 },
      itemStyle: { color: r.color },
    },
  ];
}

/** The epoch axis of both grids; only the bottom one is labelled. */
function curvesOverlayXAxes(ax: Axis, epochs: string[]) {
  return [
    { ...ax, type: 'category' as const, gridIndex: 0, data: epochs, boundaryGap: false, axisLabel: { show: false } },
    {
      ...ax,
      type: 'category' as const,
      gridIndex: 1,
      data: epochs,
      boundaryGap: false,
      name: 'epoch',
      nameLocation: 'middle' as const,
      nameGap: 22,
    },
  ];
}

/** Loss on top (log scale when every value is positive), validation accuracy below. */
function curvesOverlayYAxes(ax: Axis, log: boolean) {
  return [
    {
      ...ax,
      type: log ? ('log' as const) : ('value' as const),
      gridIndex: 0,
      name: 'loss (train —, validation - -)',
      nameGap: 8,
      nameTextStyle: { ...ax.nameTextStyle, align: 'left' as const },
      splitNumber: 3,
      axisLabel: { ...ax.axisLabel, formatter: (v: number) => fmt(v, 2) },
    },
    {
      ...ax,
      type: 'value' as const,
      gridIndex: 1,
      name: 'validation accuracy',
      nameGap: 8,
      nameTextStyle: { ...ax.nameTextStyle, align: 'left' as const },
      splitNumber: 2,
      max: 1,
      min: (r: { min: number }) => Math.max(0, Math.floor(r.min * 10) / 10),
      axisLabel: { ...ax.axisLabel, formatter: (v: number) => fmt(v, 2) },
    },
  ];
}

/** Every run's loss (train solid, validation dashed) and validation accuracy on one chart. */
export function curvesOverlayOption(runs: readonly OverlayRun[], ctx: OverlayContext): EChartsOption {
  const { theme } = ctx;
  const ax = axisBase(theme);
  const names = legendNames(runs);
  const maxEpochs = Math.max(1, ...runs.map((r) => r.history.length));
  const epochs = Array.from({ length: maxEpochs }, (_, i) => String(i + 1));
  const log = allPositive(runs.flatMap((r) => r.history.flatMap((h) => [h.loss, h.valLoss])));
  return {
    animation: false,
    textStyle: textStyle(theme),
    legend: legend(runs, names, ctx),
    tooltip: {
      ...tooltipBase(theme),
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? fmt(v, 4) : String(v)),
    },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    grid: [
      { left: 56, right: 16, top: 52, height: '38%' },
      { left: 56, right: 16, bottom: 30, height: '28%' },
    ],
    xAxis: curvesOverlayXAxes(ax, epochs),
    yAxis: curvesOverlayYAxes(ax, log),
    series: runs.flatMap((r, i) => runCurveSeries(r, names[i], maxEpochs)),
  };
}

/** A row per run under a "digit N" head, each named by `seriesLabel` (which says "unit 0" for multi-unit runs). */
function digitScoresOverlayTooltip(theme: ChartTheme, seriesLabel: (i: number) => string) {
  return {
    ...tooltipBase(theme),
    trigger: 'axis' as const,
    axisPointer: { type: 'shadow' as const },
    formatter: (ps: unknown) => {
      const list = (Array.isArray(ps) ? ps : [ps]) as {
        name: string;
        seriesIndex: number;
        value: unknown;
        marker: string;
      }[];
      const rows = list.map(
        (p) =>
          `${p.marker}${escapeXml(seriesLabel(p.seriesIndex))} <b>${typeof p.value === 'number' ? fmt(p.value, 4) : String(p.value)}</b>`,
      );
      return [`digit ${list[0]?.name ?? ''}`, ...rows].join('<br/>');
    },
  };
}

/** Run `i`'s bars; the first run also carries the target column's shading. */
function runScoreSeries(
  r: OverlayRun,
  i: number,
  name: string,
  target: number,
  vocab: number,
  theme: ChartTheme,
): BarSeriesOption {
  return {
    type: 'bar' as const,
    name,
    barMaxWidth: 14,
    data: r.digitScores ? digitScoreValues(r.digitScores, overlayColumn(r)) : [],
    itemStyle: { color: r.color, borderRadius: 2 },
    markArea:
      i === 0 && target >= 0 && target < vocab
        ? {
            silent: true,
            itemStyle: { color: withAlpha(theme.mode === 'dark' ? '#ffffff' : '#000000', 0.05) },
            data: [[{ xAxis: String(target) }, { xAxis: String(target) }]],
          }
        : undefined,
  };
}

/** Every run's digit scores as grouped bars; the target digit's column is shaded. */
export function digitScoresOverlayOption(runs: readonly OverlayRun[], ctx: OverlayContext): EChartsOption {
  const { theme } = ctx;
  const ax = axisBase(theme);
  const names = legendNames(runs);
  const vocab = Math.max(0, ...runs.map((r) => r.digitScores?.length ?? 0));
  const target = runs[0]?.targetDigit ?? -1;
  // A run with several RNN units is drawn by its unit 0 only, a GRU or LSTM by its candidate's score (the
  // counterpart of the SimpleRNN's Emb·W + b); the series keeps the run's legend name (the legend toggles
  // runs in both overlays), so the tooltip and the axis say which part is drawn instead.
  const parts = runs.map(overlayPart);
  const seriesLabel = (i: number) => (parts[i] ? `${names[i]} · ${parts[i]}` : names[i]);
  const gatedRuns = runs.some((r) => (r.cell ?? 'simple') !== 'simple');
  const yName = gatedRuns
    ? 'score (Emb·W + b; GRU, LSTM: candidate)'
    : parts.some(Boolean)
      ? 'score (Emb·W + b), unit 0'
      : 'score (Emb·W + b)';
  return {
    animation: false,
    textStyle: textStyle(theme),
    legend: legend(runs, names, ctx),
    tooltip: digitScoresOverlayTooltip(theme, seriesLabel),
    grid: { left: 56, right: 16, top: 56, bottom: 34 },
    xAxis: {
      ...ax,
      type: 'category',
      data: Array.from({ length: vocab }, (_, i) => ({
        value: String(i),
        textStyle: i === target ? { color: theme.text, fontWeight: 'bold' as const } : {},
      })),
      name: 'digit',
      nameLocation: 'middle',
      nameGap: 22,
    },
    yAxis: {
      ...ax,
      type: 'value',
      name: yName,
      nameTextStyle: { ...ax.nameTextStyle, align: 'left' },
      axisLabel: { ...ax.axisLabel, formatter: (v: number) => fmt(v, 2) },
    },
    series: runs.map((r, i) => runScoreSeries(r, i, names[i], target, vocab, theme)),
  };
}
