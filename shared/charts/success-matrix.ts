import type { EChartsOption } from 'echarts';
import type { SweepValue } from '../schemas/sweep.js';
import { checkField, groupRows, type GroupRow, type RunsTable, type TableRun } from '../sweeps/runs-table.js';
import { axisBase, fmt, textStyle, tooltipBase } from './common.js';
import {
  distinctValues,
  fieldLabel,
  fieldName,
  successThreshold,
  type GroupChartOptions,
  tableOf,
} from './sweep-common.js';
import type { ChartTheme } from './theme.js';

/** One cell: a combination of the two fields, its success rate and the runs behind it (a click selects them). */
export interface MatrixCell {
  x: SweepValue;
  y: SweepValue | null;
  successes: number;
  finished: number;
  rate: number | null;
  /** Mean final val accuracy of the cell's runs that trained an epoch (null: none did). */
  meanValAcc: number | null;
  runIds: string[];
}

export interface SuccessMatrix {
  fields: [string] | [string, string];
  xValues: SweepValue[];
  yValues: SweepValue[];
  cells: MatrixCell[];
  threshold: number;
}

/** Two fields (default: the first two varied fields but the seed); one field gives a single row. */
function matrixFields(table: RunsTable, options: GroupChartOptions): [string] | [string, string] {
  const by = options.groupBy ?? table.fields.filter((f) => f !== 'training.seed').slice(0, 2);
  const fields = (by.length ? by : ['model.embeddingDim']).map((f) => checkField(table, f, 'field to group by'));
  return fields.length === 1 ? [fields[0]] : [fields[0], fields[1]];
}

/** The success rate of every combination of two fields, over the runs (seeds) that have it. */
export function successMatrix(runs: readonly TableRun[], options: GroupChartOptions = {}): SuccessMatrix {
  const threshold = successThreshold(options);
  const table = tableOf(runs, threshold);
  const fields = matrixFields(table, options);
  const groups = groupRows(table, table.rows, fields);
  const cell = (g: GroupRow): MatrixCell => ({
    x: g.key[fields[0]],
    y: fields[1] === undefined ? null : g.key[fields[1]],
    successes: g.successes,
    finished: g.finished,
    rate: g.successRate,
    meanValAcc: g.metrics.valAcc.mean,
    runIds: g.ids,
  });
  const cells = groups.map(cell);
  const yValues = fields[1] === undefined ? [] : distinctValues(cells.map((c) => c.y as SweepValue));
  return { fields, xValues: distinctValues(cells.map((c) => c.x)), yValues, cells, threshold };
}

const label = (c: MatrixCell) => `${c.successes}/${c.finished}`;

/** Colour = success rate, red (none) through neutral to green (all). */
function rateScale(theme: ChartTheme) {
  return {
    type: 'continuous' as const,
    min: 0,
    max: 1,
    calculable: false,
    orient: 'vertical' as const,
    right: 8,
    top: 'middle',
    itemHeight: 120,
    itemWidth: 12,
    text: ['100%', '0%'],
    textStyle: { color: theme.muted, fontSize: 10 },
    inRange: { color: [theme.negative, theme.neutral, theme.positive] },
  };
}

/** Hovering a cell names its combination and says k/n and the rate. */
function matrixTooltip(m: SuccessMatrix, theme: ChartTheme) {
  const [xField, yField] = m.fields;
  const where = (c: MatrixCell) =>
    `${fieldLabel(xField)} ${String(c.x)}${yField === undefined ? '' : ` · ${fieldLabel(yField)} ${String(c.y)}`}`;
  return {
    ...tooltipBase(theme),
    trigger: 'item' as const,
    formatter: (p: unknown) => {
      const c = (p as { data: { cell: MatrixCell } }).data.cell;
      const pct = c.rate === null ? 'not trained' : `${Math.round(c.rate * 100)}%`;
      const mean = c.meanValAcc === null ? '' : `<br/>mean val acc ${fmt(c.meanValAcc, 4)}`;
      return `${where(c)}<br/><b>${label(c)}</b> reached val acc ≥ ${m.threshold} (${pct})${mean}`;
    },
  };
}

/** The matrix as a heatmap; each cell carries its runs' ids (`runIds`) for the app to select on click. */
export function successMatrixOption(
  runs: readonly TableRun[],
  options: GroupChartOptions,
  theme: ChartTheme,
): EChartsOption {
  const m = successMatrix(runs, options);
  const ax = axisBase(theme);
  const ys = m.yValues.length ? m.yValues : ['all'];
  const [xField, yField] = m.fields;
  const keyOf = (v: SweepValue) => JSON.stringify(v);
  const xIndex = new Map(m.xValues.map((v, i) => [keyOf(v), i]));
  const yIndex = new Map(ys.map((v, i) => [keyOf(v), i]));
  const data = m.cells.map((c) => ({
    value: [xIndex.get(keyOf(c.x)), yIndex.get(keyOf(c.y ?? 'all')), c.rate ?? '-'],
    label: { formatter: label(c) },
    runIds: c.runIds,
    cell: c,
  }));
  const cellLabel = { show: true, color: '#ffffff', fontFamily: theme.mono, fontSize: 11 };
  return {
    textStyle: textStyle(theme),
    tooltip: matrixTooltip(m, theme),
    grid: { left: 70, right: 90, top: 16, bottom: 46 },
    xAxis: {
      ...ax,
      type: 'category',
      data: m.xValues.map(String),
      name: fieldName(xField),
      nameLocation: 'middle',
      nameGap: 26,
    },
    yAxis: {
      ...ax,
      type: 'category',
      data: ys.map(String),
      name: yField === undefined ? '' : fieldName(yField),
      nameLocation: 'middle',
      nameGap: 56,
    },
    visualMap: rateScale(theme),
    series: [
      {
        type: 'heatmap',
        name: 'success rate',
        data,
        // White digits with a dark rim read on every colour of the scale.
        label: { ...cellLabel, textBorderColor: 'rgba(0,0,0,0.45)', textBorderWidth: 2 },
        itemStyle: { borderColor: theme.background, borderWidth: 2 },
      },
    ],
  };
}
