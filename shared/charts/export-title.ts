import type { EChartsOption } from 'echarts';
import type { ChartTheme } from './theme.js';

/** Height the title band adds to an exported chart. */
export const TITLE_BAND = 30;

type Positioned = { top?: unknown };

function shift<T extends Positioned>(item: T): T {
  return typeof item.top === 'number' ? { ...item, top: item.top + TITLE_BAND } : item;
}

function shiftAll(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => shiftAll(v));
  if (value && typeof value === 'object') return shift(value as Positioned);
  return value;
}

/**
 * An exported figure stands alone, so it carries its title ("Digit scores —
 * Embedding 10 · linear"); grids, parallel coordinates and legends move down by the title band.
 * Used by the UI's exports and the CLI's, so both pictures agree.
 */
export function withExportTitle(option: EChartsOption, title: string, theme: ChartTheme): EChartsOption {
  return {
    ...option,
    grid: shiftAll(option.grid) as EChartsOption['grid'],
    legend: shiftAll(option.legend) as EChartsOption['legend'],
    parallel: shiftAll(option.parallel) as EChartsOption['parallel'],
    title: {
      text: title,
      left: 10,
      top: 8,
      textStyle: { color: theme.text, fontFamily: theme.font, fontSize: 13, fontWeight: 600 },
    },
  };
}
