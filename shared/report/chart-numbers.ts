import type { EChartsOption } from 'echarts';
import { fmt } from '../charts/common.js';

/** One series of a chart as text: its name and its values, each after its category when the axis has names. */
export interface SeriesNumbers {
  name: string;
  values: string;
}

type Loose = Record<string, unknown>;
const asList = (v: unknown): Loose[] => (Array.isArray(v) ? (v as Loose[]) : v ? [v as Loose] : []);

/** A value as the fallback prints it: 4 significant digits, as exact as a reader needs to compare runs. */
export function numberText(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : fmt(v, 4);
  if (Array.isArray(v)) return v.map(numberText).join(' ');
  if (v === null || v === undefined || v === '-') return '–';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** The category names of each axis of a kind (xAxis, yAxis), by axis index. */
function categories(option: EChartsOption, key: 'xAxis' | 'yAxis'): (unknown[] | undefined)[] {
  return asList((option as Loose)[key]).map((a) => (Array.isArray(a.data) ? (a.data as unknown[]) : undefined));
}

const itemValue = (item: unknown): unknown =>
  item !== null && typeof item === 'object' && !Array.isArray(item) && 'value' in item ? item.value : item;

function label(cats: unknown[] | undefined, at: unknown): string {
  const name = typeof at === 'number' && cats ? cats[at] : at;
  return name !== null && typeof name === 'object' && 'value' in name ? String(name.value) : String(name);
}

/**
 * The numbers a chart draws, series by series, read from its ECharts option: the text under each chart of
 * the report (for screen readers and print). A heatmap cell reads "row × column value"; a category bar
 * "category value"; a point [x, y] "x y".
 */
export function chartNumbers(option: EChartsOption): SeriesNumbers[] {
  const xs = categories(option, 'xAxis');
  const ys = categories(option, 'yAxis');
  const yNames = asList((option as Loose).yAxis).map((a) => (typeof a.name === 'string' ? a.name : ''));
  return asList(option.series).flatMap((s, i) => {
    const data = Array.isArray(s.data) ? (s.data as unknown[]) : [];
    if (!data.length) return [];
    const xCats = xs[Number(s.xAxisIndex ?? 0)];
    const yCats = ys[Number(s.yAxisIndex ?? 0)];
    // Only a long line (the loss of every batch) is thinned: a heatmap's every cell is a weight worth reading.
    const { kept, step } = s.type === 'line' ? thinned(data.length) : { kept: data.map((_, j) => j), step: 1 };
    const values = kept.map((j) => {
      const item = data[j];
      const v = itemValue(item);
      const named = item !== null && typeof item === 'object' && 'name' in item ? String(item.name) : undefined;
      if (s.type === 'heatmap' && Array.isArray(v) && v.length >= 3)
        return `${label(yCats, v[1])} × ${label(xCats, v[0])} ${numberText(v[2])}`;
      const cat =
        named ??
        (xCats && !Array.isArray(v) ? label(xCats, j) : yCats && !Array.isArray(v) ? label(yCats, j) : undefined);
      return cat !== undefined ? `${cat} ${numberText(v)}` : numberText(v);
    });
    let name =
      typeof s.name === 'string' && s.name ? s.name : `${typeof s.type === 'string' ? s.type : 'series'} ${i + 1}`;
    // Two value axes (loss over accuracy): the axis says which "train" this is.
    const axis = yNames.length > 1 ? yNames[Number(s.yAxisIndex ?? 0)] : '';
    if (axis) name = `${axis} · ${name}`;
    if (step > 1) name += ` (1 value in ${step} of ${data.length}, and the last)`;
    return [{ name, values: values.join(', ') }];
  });
}

/** A long line (thousands of batches) is listed one value in `step`, and its last: text a reader can take in. */
const MAX_LISTED = 60;
function thinned(n: number): { kept: number[]; step: number } {
  const step = Math.max(1, Math.ceil(n / MAX_LISTED));
  const kept = Array.from({ length: n }, (_, j) => j).filter((j) => j % step === 0 || j === n - 1);
  return { kept, step };
}
