/**
 * The report's page script (bundled to out/report/report-page.js, inlined into every report): it draws each
 * chart box with the catalogue's option builder, as the app does, on the ECharts the report also inlines.
 */
import type * as ECharts from 'echarts';
import { withCspSafeTooltip } from '../../charts/csp-tooltip.js';
import { reportChartOption } from '../chart-option.js';
import { CHART_ATTRIBUTE, REPORT_DATA_ID, type ReportData } from '../report-data.js';

declare const echarts: typeof ECharts;

function draw(data: ReportData, el: HTMLElement): ECharts.ECharts | null {
  const spec = data.charts[Number(el.getAttribute(CHART_ATTRIBUTE))];
  if (!spec) return null;
  // A fixed height (and the width it is first drawn at) keeps a printed chart the size it was on screen.
  el.style.height = `${spec.height}px`;
  // Twice the pixels at least, so a printed page is as sharp as a screen.
  const chart = echarts.init(el, null, { renderer: 'canvas', devicePixelRatio: Math.max(2, window.devicePixelRatio) });
  // Tooltip markup with classes, not style attributes: the report's CSP blocks those, as the app's does.
  chart.setOption(withCspSafeTooltip({ ...reportChartOption(spec, data), animation: false }));
  return chart;
}

function main(): void {
  const text = document.getElementById(REPORT_DATA_ID)?.textContent;
  if (!text) throw new Error('the report has no data block');
  const data = JSON.parse(text) as ReportData;
  const charts = [...document.querySelectorAll<HTMLElement>(`[${CHART_ATTRIBUTE}]`)].flatMap(
    (el) => draw(data, el) ?? [],
  );
  window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
  // Printed, every chart's numbers show under it.
  window.addEventListener('beforeprint', () => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>('details.numbers')) d.open = true;
  });
  document.documentElement.dataset.charts = String(charts.length);
}

main();
