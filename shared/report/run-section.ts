import { boardCharts } from '../catalogue/index.js';
import { predictionRows } from '../charts/predictions.js';
import { formatProbability } from '../charts/score-format.js';
import { topDigitReading, topDigitSentence } from '../charts/top-digit-reading.js';
import type { ThemeMode } from '../charts/theme.js';
import type { Run } from '../schemas/run.js';
import type { Figures } from './figures.js';
import { esc, tableHtml } from './html.js';
import { configLines, swatch } from './run-text.js';

/** Board charts are drawn for a narrow column; the report's are page-wide, so the short ones get taller. */
const MIN_HEIGHT = 200;
const PREDICTION_ROWS = 10;

/** The held-out rows the board's prediction table shows, and how many of all rows the run got right. */
export function predictionsHtml(run: Run): string {
  if (!run.predictions.length) return '';
  const all = predictionRows(run.predictions);
  const right = all.filter((r) => r.correct).length;
  const rows = all
    .slice(0, PREDICTION_ROWS)
    .map((r) => [esc(r.input), String(r.label), formatProbability(r.probability), r.correct ? '✓ right' : '✗ wrong']);
  return [
    '<div class="predictions">',
    `<h3>Predictions <span class="tally">${right}/${all.length} right</span></h3>`,
    tableHtml(['Input', 'Label', 'Probability', 'Correct'], rows, [false, false, true, false]),
    '</div>',
  ].join('\n');
}

/** The board column of one run: curves, weights, digit scores with their reading, the predictions table. */
export function runChartsHtml(runIndex: number, run: Run, figures: Figures): string {
  const parts = boardCharts
    .filter((c) => c.board && !c.board.view && c.needs(run))
    .map((c) => {
      const board = c.board!;
      const h = typeof board.height === 'function' ? board.height(run.config) : board.height;
      const heading = typeof board.heading === 'function' ? board.heading(run.config) : (board.heading ?? c.title);
      const reading = board.caption === 'top-digit' ? topDigitReading(run) : null;
      const extra = reading ? `<p class="reading">${esc(topDigitSentence(reading))}</p>` : '';
      return figures.figure(
        { kind: 'run', chart: c.id, run: runIndex, height: Math.max(MIN_HEIGHT, h) },
        heading,
        extra,
      );
    });
  return [...parts, predictionsHtml(run)].join('\n');
}

export function runSectionHtml(
  runIndex: number,
  run: Run,
  boardIndex: number,
  mode: ThemeMode,
  figures: Figures,
): string {
  const lines = configLines(run).map((l) => `<li>${esc(l)}</li>`);
  if (run.note) lines.push(`<li>Note: ${esc(run.note)}</li>`);
  if (run.error) lines.push(`<li class="error">Error: ${esc(run.error)}</li>`);
  const charts = run.history.length ? runChartsHtml(runIndex, run, figures) : '<p class="note">Not trained yet.</p>';
  return [
    `<section class="run" id="run-${esc(run.id)}">`,
    `<h2>${swatch(boardIndex, mode)}${esc(run.name)} <span class="status">${esc(run.status)}</span></h2>`,
    `<ul class="config">${lines.join('')}</ul>`,
    charts,
    '</section>',
  ].join('\n');
}
