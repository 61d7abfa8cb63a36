/**
 * Colours and type for charts, shared by the UI and the CLI export so a chart
 * looks the same on screen and in a file. Plain data: no DOM, no ECharts import.
 */
export type ThemeMode = 'dark' | 'light';

export interface ChartTheme {
  mode: ThemeMode;
  /** Opaque background for exports; on screen the chart is transparent over its card. */
  background: string;
  text: string;
  muted: string;
  faint: string;
  gridLine: string;
  axisLine: string;
  /** Neutral bars (non-target digits, U and b). */
  neutral: string;
  positive: string;
  negative: string;
  /** Diverging heatmap: negative → zero → positive. */
  diverging: [string, string, string];
  font: string;
  mono: string;
}

const FONT = 'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif';
const MONO = '"JetBrains Mono", "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace';

const DARK: ChartTheme = {
  mode: 'dark',
  background: '#14171c',
  text: '#e3e6eb',
  muted: '#9aa3af',
  faint: '#6b7380',
  gridLine: '#262b33',
  axisLine: '#3a414c',
  neutral: '#4a5260',
  positive: '#5ccf9a',
  negative: '#f0776b',
  diverging: ['#4f8fe0', '#1c2027', '#f0a04b'],
  font: FONT,
  mono: MONO,
};

const LIGHT: ChartTheme = {
  mode: 'light',
  background: '#ffffff',
  text: '#1d2330',
  muted: '#5b6475',
  faint: '#8a93a3',
  gridLine: '#e8ebf0',
  axisLine: '#c5cbd5',
  neutral: '#c3c9d3',
  positive: '#1f9d66',
  negative: '#d2483b',
  diverging: ['#2f6fc4', '#f4f6f9', '#d9822b'],
  font: FONT,
  mono: MONO,
};

/** `print` gives the light theme on pure white, for figures in papers. */
export function chartTheme(mode: ThemeMode, print = false): ChartTheme {
  if (print) return { ...LIGHT, background: '#ffffff' };
  return mode === 'dark' ? DARK : LIGHT;
}
