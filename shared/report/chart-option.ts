import type { EChartsOption } from 'echarts';
import { findChart, overlayCharts } from '../catalogue/index.js';
import { chartTheme, type ChartTheme } from '../charts/theme.js';
import { runColor } from '../charts/palette.js';
import { toOverlayRun } from '../charts/overlays.js';
import type { ReportChart, ReportData, ReportTheme } from './report-data.js';

export const reportChartTheme = (theme: ReportTheme): ChartTheme =>
  chartTheme(theme === 'dark' ? 'dark' : 'light', theme === 'print');

/**
 * One report chart's ECharts option, from the catalogue: the same call the board (a run's chart), the
 * overlay board (all runs on one chart) and the group views make. The page draws it and the HTML's
 * text fallback reads its numbers, so both say the same.
 */
export function reportChartOption(chart: ReportChart, data: ReportData): EChartsOption {
  const theme = reportChartTheme(data.theme);
  const entry = findChart(chart.chart);
  if (!entry) throw new Error(`no chart named "${chart.chart}"`);
  if (chart.kind === 'overlay') {
    const overlay = overlayCharts.find((c) => c.id === chart.chart);
    if (!overlay) throw new Error(`the ${chart.chart} chart has no overlay`);
    const runs = chart.runs.map((i) => data.runs[i]).map((r) => toOverlayRun(r.run, r.index, theme.mode));
    return overlay.overlay.option(runs, { theme });
  }
  if (chart.kind === 'group') {
    if (entry.scope !== 'group') throw new Error(`the ${chart.chart} chart is not a chart of many runs`);
    const runs = chart.runs.map((i) => data.runs[i]).map((r) => ({ run: r.run, color: runColor(r.index, theme.mode) }));
    return entry.option(runs, theme, chart.params);
  }
  if (entry.scope !== 'run') throw new Error(`the ${chart.chart} chart is not a chart of one run`);
  const { run, index } = data.runs[chart.run];
  return entry.option(run, { theme, color: runColor(index, theme.mode) }, {});
}
