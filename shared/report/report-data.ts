import type { ChartParams } from '../catalogue/index.js';
import type { Run } from '../schemas/run.js';

export const REPORT_THEMES = ['light', 'dark', 'print'] as const;
export type ReportTheme = (typeof REPORT_THEMES)[number];

/**
 * A chart the report's page draws, by catalogue id. Runs are indices into ReportData.runs; the page builds
 * the option with the catalogue's own builder (shared/report/chart-option.ts), as the app does, so tooltips
 * and legends behave as they do on the board.
 */
export type ReportChart =
  | { kind: 'run'; chart: string; run: number; height: number }
  | { kind: 'overlay'; chart: string; runs: number[]; height: number }
  | { kind: 'group'; chart: string; runs: number[]; params: ChartParams; height: number };

/** A run and its place on the board: its colour is the one it has in the app. */
export interface ReportRun {
  run: Run;
  index: number;
}

/** What the HTML carries for its page script (a JSON block). */
export interface ReportData {
  theme: ReportTheme;
  runs: ReportRun[];
  charts: ReportChart[];
}

/** The id of the JSON block and the attribute that ties a chart's box to its entry in `charts`. */
export const REPORT_DATA_ID = 'report-data';
export const CHART_ATTRIBUTE = 'data-chart';

/**
 * A run with only what its charts read: snapshots never (no report chart draws them), and the per-batch
 * loss and predictions only for a run drawn in its own section (a sweep's other runs feed group charts).
 */
export function slimRun(run: Run, own: boolean): Run {
  return { ...run, snapshots: [], ...(own ? {} : { batchLoss: [], predictions: [] }) };
}
