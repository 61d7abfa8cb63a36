import type { ThemeMode } from '../charts/theme.js';
import { esc, tableHtml } from './html.js';
import { numberText } from './chart-numbers.js';
import type { ReportRun } from './report-data.js';
import { modelText, swatch } from './run-text.js';

const HEAD = ['Run', 'Status', 'Model', 'Params', 'Epochs', 'loss', 'acc', 'val_loss', 'val_acc', 'Seconds'];
const NUMERIC = [false, false, false, true, true, true, true, true, true, true];

/**
 * The comparison table `rnn-lab show` starts with: config, parameters, final metrics and status per run (the
 * backend is in the header and in each run's section).
 */
export function summaryHtml(runs: readonly ReportRun[], mode: ThemeMode): string {
  const rows = runs.map(({ run, index }) => {
    const last = run.history.at(-1);
    const metric = (v: number | undefined) => (v === undefined ? '–' : numberText(v));
    return [
      `${swatch(index, mode)}<a href="#run-${esc(run.id)}">${esc(run.name)}</a>`,
      esc(run.status),
      esc(modelText(run)),
      run.summary ? String(run.summary.totalParams) : '–',
      `${run.history.length}/${run.config.training.epochs}`,
      metric(last?.loss),
      metric(last?.acc),
      metric(last?.valLoss),
      metric(last?.valAcc),
      run.trainSeconds === undefined ? '–' : run.trainSeconds.toFixed(1),
    ];
  });
  return `<section class="summary" id="summary"><h2>Summary</h2>\n${tableHtml(HEAD, rows, NUMERIC)}\n</section>`;
}
