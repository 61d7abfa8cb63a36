import { overlayCharts } from '../catalogue/index.js';
import type { Figures } from './figures.js';
import type { ReportRun } from './report-data.js';

/** The overlay board: every run on one chart per overlaid kind (worth it from two runs). */
export function overlaysHtml(runs: readonly ReportRun[], figures: Figures): string {
  if (runs.length < 2) return '';
  const charts = overlayCharts
    .filter((c) => runs.some((r) => c.needs(r.run)))
    .map((c) => {
      const all = runs.flatMap((r, i) => (c.needs(r.run) ? [i] : []));
      return figures.figure(
        { kind: 'overlay', chart: c.id, runs: all, height: c.overlay.height },
        `${c.overlay.heading} · all runs`,
      );
    });
  if (!charts.length) return '';
  return ['<section class="run overlays" id="overlays"><h2>All runs on one chart</h2>', ...charts, '</section>'].join(
    '\n',
  );
}
