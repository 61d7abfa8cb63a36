import type { ChartTheme } from '../charts/theme.js';

/**
 * The report's one stylesheet, coloured from the chart theme so page and charts agree. Print: A4, each
 * chart box kept whole on a page (break-inside: avoid) at the fixed size it was drawn at, every run or
 * group from a new page, and backgrounds printed as shown.
 */
export function reportCss(t: ChartTheme): string {
  const surface = t.mode === 'dark' ? '#1b1f26' : '#f6f7f9';
  return `
:root { color-scheme: ${t.mode}; --bg: ${t.background}; --surface: ${surface}; --text: ${t.text}; --muted: ${t.muted};
  --faint: ${t.faint}; --line: ${t.gridLine}; --axis: ${t.axisLine}; --good: ${t.positive}; --bad: ${t.negative};
  --font: ${t.font}; --mono: ${t.mono}; }
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--text); font: 14px/1.5 var(--font); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
main { max-width: 720px; margin: 0 auto; padding: 32px 24px 64px; }
h1 { font-size: 26px; margin: 0 0 4px; letter-spacing: -0.01em; }
h2 { font-size: 19px; margin: 40px 0 8px; padding-top: 12px; border-top: 1px solid var(--line); display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
h3 { font-size: 15px; margin: 20px 0 6px; }
a { color: inherit; }
a:focus-visible, summary:focus-visible { outline: 2px solid var(--text); outline-offset: 2px; }
.meta { color: var(--muted); margin: 0 0 8px; }
.meta li { list-style: none; }
.meta ul, ul.config { padding: 0; margin: 6px 0 12px; }
ul.config li { list-style: none; color: var(--muted); font-size: 13px; }
ul.config li.error { color: var(--bad); }
.status, .tally { font-size: 12px; font-weight: normal; color: var(--muted); border: 1px solid var(--axis); border-radius: 10px; padding: 0 8px; }
.swatch { flex: none; margin-right: 6px; vertical-align: baseline; }
.table-wrap { overflow-x: auto; margin: 8px 0 16px; }
table { border-collapse: collapse; font-size: 12.5px; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); }
th { color: var(--muted); font-weight: 600; }
td:first-child { white-space: nowrap; }
th.num { text-align: right; }
td.num { text-align: right; white-space: nowrap; font-family: var(--mono); font-variant-numeric: tabular-nums; }
.figure { margin: 18px 0 8px; }
.chart-box { background: var(--surface); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px 6px; }
figcaption { font-weight: 600; font-size: 13px; margin-bottom: 4px; }
.chart { width: 100%; }
.reading { margin: 6px 0 0; font-size: 13px; }
.note { color: var(--muted); font-style: italic; }
details.numbers { margin-top: 4px; font-size: 12px; color: var(--muted); }
details.numbers summary { cursor: pointer; width: fit-content; }
details.numbers dl { margin: 4px 0 0; font-family: var(--mono); overflow-wrap: anywhere; }
details.numbers dt { color: var(--text); margin-top: 4px; }
details.numbers dd { margin: 0 0 0 12px; }
.chart-tip { font: 12px/1.4 var(--font); }
.tip-marker { display: inline-block; flex: none; vertical-align: middle; margin: -2px 5px 0 0; }
.tip-head { margin-bottom: 3px; }
.tip-row + .tip-head { margin-top: 8px; }
.tip-row { display: flex; align-items: center; line-height: 1.6; }
.tip-value { margin-left: auto; padding-left: 20px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  html { font-size: 12px; }
  main { max-width: none; padding: 0; }
  section.run, section.group-charts, section.runs-table { break-before: page; }
  h2 { border-top: none; margin-top: 0; break-after: avoid; }
  h3, figcaption { break-after: avoid; }
  .chart-box, .reading, .predictions, tr { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  details.numbers summary { list-style: none; }
  .screen-only { display: none; }
}
`;
}
