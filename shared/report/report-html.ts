import { APP_VERSION } from '../app-version.js';
import { DEFAULT_SUCCESS_THRESHOLD } from '../sweeps/metrics.js';
import type { Session } from '../schemas/session.js';
import { reportChartTheme } from './chart-option.js';
import { Figures } from './figures.js';
import { groupReportHtml } from './group-section.js';
import { checkScriptText, cspHash, esc, scriptJson } from './html.js';
import { overlaysHtml } from './overlays.js';
import { REPORT_DATA_ID, slimRun, type ReportData, type ReportTheme } from './report-data.js';
import { reportCss } from './report-css.js';
import { runSectionHtml } from './run-section.js';
import { selectReportRuns, type ReportSelection } from './select-runs.js';
import { summaryHtml } from './summary.js';

/** Above this many runs a report draws groups (a sweep's view), not a section per run. */
export const MAX_RUN_SECTIONS = 12;
const HINT = 'Hover a chart for its values, click a legend entry to hide a series; the numbers are under each chart.';

export interface ReportRequest extends ReportSelection {
  session: Session;
  /** The session's file name, for the title. */
  fileName: string;
  theme: ReportTheme;
  /** When the report was made (its date line). */
  now: Date;
  /** ECharts (its dist bundle) and the report's page script (shared/report/page), inlined as they are. */
  scripts: { echarts: string; page: string };
}

function backendsText(runs: ReportData['runs']): string {
  const names = [
    ...new Set(runs.flatMap((r) => (r.run.backend ? [`${r.run.backend.name} (${r.run.backend.reason})`] : []))),
  ];
  return names.join('; ') || 'none (no run trained)';
}

/**
 * One self-contained HTML report of a session's runs: the data and ECharts inlined, every script and the
 * stylesheet allowed by hash in a CSP that allows nothing else (no network, no other origin), so it works
 * from file:// and sends nothing anywhere. Bad input (an unknown run or sweep) throws a LabError.
 */
export async function reportHtml(req: ReportRequest): Promise<string> {
  const { runs, sweep } = selectReportRuns(req.session, req.runs === undefined && req.sweep === undefined ? {} : req);
  const theme = reportChartTheme(req.theme);
  const grouped = sweep !== null || runs.length > MAX_RUN_SECTIONS;
  const data: ReportData = { theme: req.theme, runs: [], charts: [] };
  const figures = new Figures(data);
  const threshold = req.session.view.table.threshold ?? DEFAULT_SUCCESS_THRESHOLD;
  data.runs = runs.map((r) => ({ run: slimRun(r.run, true), index: r.index }));
  let body: string;
  if (grouped) {
    body = groupReportHtml(data.runs, theme.mode, threshold, figures);
    // Every run feeds the group charts; only the runs drawn in a section keep their per-batch loss and predictions.
    const drawn = new Set(data.charts.flatMap((c) => (c.kind === 'run' ? [c.run] : [])));
    data.runs = data.runs.map((r, i) => (drawn.has(i) ? r : { ...r, run: slimRun(r.run, false) }));
  } else {
    body = [
      summaryHtml(data.runs, theme.mode),
      ...data.runs.map((r, i) => runSectionHtml(i, r.run, r.index, theme.mode, figures)),
      overlaysHtml(data.runs, figures),
    ].join('\n');
  }
  const title = sweep ? `${sweep.name} — ${req.fileName}` : req.fileName;
  const css = reportCss(theme);
  const scripts = [
    checkScriptText(req.scripts.echarts, 'the ECharts bundle'),
    checkScriptText(req.scripts.page, 'the report page script'),
  ];
  const hashes = await Promise.all(scripts.map(cspHash));
  const csp = [
    "default-src 'none'",
    `script-src ${hashes.join(' ')}`,
    `style-src ${await cspHash(css)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const made = req.now.toISOString().replace('T', ' ').slice(0, 16);
  const meta = [
    `Made ${made} UTC by RNN Lab ${APP_VERSION}; session saved ${req.session.modifiedAt} by RNN Lab ${req.session.appVersion}`,
    `${runs.length} of ${req.session.runs.length} runs · backend: ${backendsText(data.runs)}`,
  ];
  return documentHtml({ title, theme: req.theme, csp, css, meta, body, data, scripts });
}

interface DocumentParts {
  title: string;
  theme: ReportTheme;
  csp: string;
  css: string;
  /** Lines under the title (plain text). */
  meta: string[];
  body: string;
  data: ReportData;
  scripts: string[];
}

function documentHtml({ title, theme, csp, css, meta, body, data, scripts }: DocumentParts): string {
  return [
    '<!doctype html>',
    `<html lang="en" data-theme="${theme}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>RNN Lab report — ${esc(title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<header>',
    `<h1>RNN Lab report — ${esc(title)}</h1>`,
    `<div class="meta"><ul>${meta.map((line) => `<li>${esc(line)}</li>`).join('')}<li class="screen-only">${HINT}</li></ul></div>`,
    '</header>',
    body,
    '</main>',
    `<script type="application/json" id="${REPORT_DATA_ID}">${scriptJson(data)}</script>`,
    ...scripts.map((s) => `<script>${s}</script>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
