import type { EChartsOption } from 'echarts';
import type { Run } from '../schemas/run.js';
import type { RunConfig } from '../schemas/run-config.js';
import type { ChartContext } from '../charts/common.js';
import type { ChartTheme } from '../charts/theme.js';
import type { OverlayContext, OverlayRun } from '../charts/overlays.js';
import type { DataKind } from '../charts/data-export.js';

/** What a chart may be asked for besides its runs (the CLI's --sequence, --max, --group-by, --x, --y, --success). */
export interface ChartParams {
  sequence?: string;
  maxLength?: number;
  /** Group charts of many runs: config paths to group by, the scatter's field and metric, the success threshold. */
  groupBy?: string[];
  x?: string;
  y?: string;
  success?: number;
}
export type ChartParamName = keyof ChartParams;

/** A run picked for a chart, in the colour the board gives it. */
export interface ColoredRun {
  run: Run;
  color: string;
}

/** Names of board views that are Svelte components rather than ECharts options (the renderer maps them). */
export type BoardViewName = 'prediction-table';
/** Names of captions drawn under a board chart (the renderer maps them to components). */
export type BoardCaptionName = 'top-digit';

/** Where a per-run chart sits in a board column. */
export interface BoardPart {
  /** live: drawn as soon as its data exists (while training); result: once the run has its weights. */
  stage: 'live' | 'result';
  /** The card's heading when it says more than the title (it may depend on the run's model). */
  heading?: string | ((config: RunConfig) => string);
  height: number | ((config: RunConfig) => number);
  /** The numbers behind the chart, offered as CSV and JSON. */
  data?: DataKind;
  /** Drawn by a component instead of a chart card. */
  view?: BoardViewName;
  caption?: BoardCaptionName;
  /** Shown even when the chart itself has nothing to draw (a table that says so). */
  showEmpty?: boolean;
}

/** The same chart with every run on one set of axes (the overlay board, and `--run all`). */
export interface OverlayPart {
  /** The card's heading, before " · all runs". */
  heading: string;
  height: number;
  option: (runs: OverlayRun[], ctx: OverlayContext) => EChartsOption;
}

interface EntryBase {
  /** Unique; the CLI's `--chart` name. */
  id: string;
  /** The figure's name: exports are titled and figures labelled "<title> — <run or all runs>". */
  title: string;
  /** The file name part: emb10-linear-<file>.png, all-runs-<file>.svg. */
  file: string;
  /** One line for `rnn-lab export --help`. */
  help: string;
  /** Whether a run has what the chart draws (trained, has snapshots…). */
  needs: (run: Run) => boolean;
  /** Why a run that lacks it cannot be drawn, after its name ("has no weight snapshots"). */
  missing?: string;
  /** Parameters the chart takes; required ones must be given. */
  params?: Partial<Record<ChartParamName, 'required' | 'optional'>>;
  /**
   * Why this kind of chart does not apply to a run's model (a gate chart for a SimpleRNN), in one line
   * after the chart's title; null when it applies. `needs` is false for such a run too; this says why, so
   * a board column next to runs that have the chart, and the CLI, say so instead of drawing nothing.
   */
  notFor?: (config: RunConfig) => string | null;
}

/** One chart per run: on the board, in a run's export, cells of a figure sheet for several runs. */
export interface RunChartEntry extends EntryBase {
  scope: 'run';
  /** Called only for a run that `needs` accepts. */
  option: (run: Run, ctx: ChartContext, params: ChartParams) => EChartsOption;
  /** The title of one run's export when it is not "<title> — <run name>". */
  exportTitle?: (run: Run, params: ChartParams) => string;
  board?: BoardPart;
  overlay?: OverlayPart;
}

/** One chart for a group of runs (every picked run on one set of axes). */
export interface GroupChartEntry extends EntryBase {
  scope: 'group';
  /** Called with the runs that `needs` accepts (at least one). */
  option: (runs: ColoredRun[], theme: ChartTheme, params: ChartParams) => EChartsOption;
}

export type ChartEntry = RunChartEntry | GroupChartEntry;

/** A run's data that `needs` promised: an option builder is never called without it. */
export function present<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('a chart was built for a run that lacks its data');
  return value;
}
