import { chartNumbers } from './chart-numbers.js';
import { reportChartOption } from './chart-option.js';
import { esc } from './html.js';
import { CHART_ATTRIBUTE, type ReportChart, type ReportData } from './report-data.js';

/**
 * Collects the report's charts: each figure's box for the page script to draw into, and under it the
 * numbers it draws as text. The option is built here once too, with the builder the page will call, so
 * a chart the catalogue cannot build for these runs says so in the HTML instead of leaving a blank box.
 */
export class Figures {
  constructor(readonly data: ReportData) {}

  figure(chart: ReportChart, title: string, extra = ''): string {
    let numbers;
    try {
      numbers = chartNumbers(reportChartOption(chart, this.data));
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      return `<p class="note">${esc(title)}: not drawn (${esc(why)})</p>`;
    }
    const at = this.data.charts.push(chart) - 1;
    const open = this.data.theme === 'print' ? ' open' : '';
    const list = numbers.map((s) => `<dt>${esc(s.name)}</dt><dd>${esc(s.values)}</dd>`).join('');
    return [
      '<figure class="figure">',
      `<div class="chart-box"><figcaption>${esc(title)}</figcaption>`,
      `<div class="chart" ${CHART_ATTRIBUTE}="${at}" role="img" aria-label="${esc(`${title}; its numbers follow`)}"></div></div>`,
      extra,
      `<details class="numbers"${open}><summary>Numbers: ${esc(title)}</summary><dl>${list}</dl></details>`,
      '</figure>',
    ].join('\n');
  }
}
