import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSession } from '../../../electron/lab/sessions/session-file.js';
import { withValueAt } from '../../../shared/config-fields/config-path.js';
import { digitScoreValues } from '../../../shared/charts/digit-scores.js';
import { numberText } from '../../../shared/report/chart-numbers.js';
import { reportHtml, type ReportRequest } from '../../../shared/report/report-html.js';
import type { Run } from '../../../shared/schemas/run.js';
import { emptyView, type Session } from '../../../shared/schemas/session.js';
import { trainedSeedRun } from '../analysis/trained-fixtures.js';
import { realScripts } from './report-scripts.js';

let scripts: ReportRequest['scripts'];
beforeAll(async () => {
  scripts = await realScripts();
});

const seedSession = (): Session =>
  makeSession({
    runs: [trainedSeedRun('linear10', 'a'), trainedSeedRun('linear1', 'b'), trainedSeedRun('sigmoid1', 'c')],
    view: emptyView(),
  });

const report = (session: Session, extra: Partial<ReportRequest> = {}) =>
  reportHtml({ session, fileName: 'seed.rnnlab', theme: 'light', now: new Date(0), scripts, ...extra });

/** The document without its scripts' text (ECharts names SVG namespaces by URL; those are not requests). */
const markup = (html: string) => html.replace(/<script\b([^>]*)>[\s\S]*?<\/script>/g, '<script$1></script>');
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The numbers listed under a run's chart, by series, from the HTML. */
function numbersOf(html: string, runId: string, title: string): string[] {
  const section = html.slice(html.indexOf(`<section class="run" id="run-${runId}">`));
  const start = section.indexOf(`<summary>Numbers: ${title}</summary>`);
  expect(start).toBeGreaterThan(0);
  const block = section.slice(start, section.indexOf('</details>', start));
  return [...block.matchAll(/<dd>([^<]*)<\/dd>/g)].map((m) => m[1]);
}

describe('the HTML report', () => {
  it('loads nothing from the network: no http(s) src, href or url(), no link, frame or object', async () => {
    const html = markup(await report(seedSession()));
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/<(?:link|iframe|object|embed|img)\b/i);
    // The only links are to the report's own sections.
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^#run-/);
  });

  it('carries a strict CSP: nothing by default, each inline script and the style allowed by its hash', async () => {
    const html = await report(seedSession());
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline).toHaveLength(2);
    const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1].split(' ') ?? [];
    expect(scriptSrc).toEqual(inline.map(sha256));
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(/style-src ([^;]+)/.exec(csp)?.[1]).toBe(sha256(style));
    // The data block is JSON the page reads, not a script to run.
    expect(html).toMatch(/<script type="application\/json" id="report-data">/);
  });

  it('prints under each chart the numbers the runs hold', async () => {
    const session = seedSession();
    const html = await report(session);
    for (const run of session.runs) {
      const curves = numbersOf(html, run.id, 'Loss and accuracy');
      // The series are train and validation loss, then train and validation accuracy, one value per epoch.
      const perEpoch = (pick: (h: Run['history'][number]) => number) =>
        run.history.map((h, i) => `${i + 1} ${numberText(pick(h))}`).join(', ');
      expect(curves).toEqual([
        perEpoch((h) => h.loss),
        perEpoch((h) => h.valLoss),
        perEpoch((h) => h.acc),
        perEpoch((h) => h.valAcc),
      ]);
      const scores = numbersOf(html, run.id, 'Digit scores · Emb·W + b');
      const values = digitScoreValues(run.digitScores!);
      expect(scores[0]).toBe(values.map((v, d) => `${d} ${numberText(v)}`).join(', '));
    }
    // The summary's final val accuracy and the reading under the digit scores.
    expect(html).toContain('Highest score: digit 4 (');
  });

  it('stays within its size: the seed runs under 2 MB, a 200-run sweep under 6 MB (groups, not 200 columns)', async () => {
    const seed = await report(seedSession());
    expect(Buffer.byteLength(seed)).toBeLessThan(2 * 1024 * 1024);
    const base = trainedSeedRun('linear1', 'x');
    const history = Array.from({ length: 30 }, (_, i) => ({
      epoch: i + 1,
      loss: 0.5 / (i + 1),
      acc: 0.9,
      valLoss: 0.4 / (i + 1),
      valAcc: 0.95 + i / 1000,
    }));
    const runs: Run[] = Array.from({ length: 200 }, (_, i) => {
      const act = i % 2 ? 'linear' : 'sigmoid';
      const seed = Math.floor(i / 2);
      const config = withValueAt(withValueAt(base.config, 'model.rnnActivation', act), 'training.seed', seed);
      return { ...base, id: `r${i}`, name: `${act} s${seed}`, config, history };
    });
    const sweep = await report(makeSession({ runs, view: emptyView() }));
    const bytes = Buffer.byteLength(sweep);
    expect(bytes).toBeLessThan(6 * 1024 * 1024);
    // One section per group (two activations), drawing each group's best run.
    expect(sweep.match(/<section class="run group"/g)).toHaveLength(2);
    expect(sweep).toContain('RNN activation: linear');
  });
});
