import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.js';
import { LabPage, SEED_RUNS } from './pages/lab-page.js';

/**
 * The CSP allows no inline style (style-src 'self'): a style attribute in parsed
 * markup, an injected <style> or a tooltip written with style="…" is refused and
 * reported. This walk reaches every part of the UI (tooltips included) and
 * expects no report at all.
 */

/** Every securitypolicyviolation event and every console line about the CSP, from the first document on. */
async function recordViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('__reportCspViolation', (line: string) => seen.push(line));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation: (line: string) => void }).__reportCspViolation;
      void report(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} "${e.sample}"`,
      );
    });
  });
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to (apply|load|execute|connect)/i.test(m.text()))
      seen.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.push(`page error: ${e.message}`));
  return seen;
}

/** Moves the pointer across a chart so ECharts writes its tooltip; the tooltip must show. */
async function hoverChart(page: Page, figure: Locator): Promise<void> {
  const canvas = figure.locator('canvas').first();
  await canvas.scrollIntoViewIfNeeded();
  await expect(canvas).toBeVisible();
  const box = (await canvas.boundingBox())!;
  const tooltip = figure.locator('.chart-tip');
  // Axis tooltips show anywhere over the plot; item tooltips (bars, cells) only over an item: try a few spots.
  for (const fy of [0.55, 0.35]) {
    for (const fx of [0.3, 0.5, 0.7, 0.85]) {
      await page.mouse.move(box.x + 4, box.y + 4);
      await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy, { steps: 6 });
      if ((await tooltip.isVisible()) && /\d/.test((await tooltip.textContent()) ?? '')) return;
    }
  }
  await expect(tooltip, 'the chart showed no tooltip').toBeVisible();
  await expect(tooltip).toContainText(/\d/);
}

async function closeDialog(page: Page, name: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

test('no CSP violation anywhere in the UI, and the served policy allows nothing inline', async ({ page, server }) => {
  const violations = await recordViolations(page);
  const lab = new LabPage(page, server.url);
  const response = await page.goto(server.url);
  await lab.ready();

  // The policy as served, and as the page's own meta tag carries it: no 'unsafe-inline' in either.
  const header = response!.headers()['content-security-policy'] ?? '';
  expect(header).toMatch(/(^|; )style-src 'self'(;|$)/);
  expect(header).not.toContain('unsafe-inline');
  const meta = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
  expect(meta).toMatch(/(^|; )style-src 'self'(;|$)/);
  expect(meta).not.toContain('unsafe-inline');

  // Empty state, then the add-run dialog with a message for a bad value.
  await expect(page.getByText('No runs yet.')).toBeVisible();
  await lab.panel.getByRole('button', { name: 'Add run', exact: true }).click();
  const addRun = page.getByRole('dialog', { name: 'Add run' });
  await addRun.getByLabel('Embedding size', { exact: true }).fill('0');
  await addRun.getByRole('button', { name: 'Add run' }).click();
  await expect(addRun.getByRole('alert').filter({ hasText: 'Must be at least 1' })).toBeVisible();
  await addRun.getByRole('button', { name: 'Discard' }).click();
  await expect(addRun).toBeHidden();

  // The seed preset, trained: progress bars, run rows, the board's columns.
  await lab.addSeedPreset(1000);
  await lab.trainAllAndWait(SEED_RUNS);
  const first = lab.column(SEED_RUNS[0]);
  for (const title of ['Loss and accuracy', 'Digit scores', 'W, U and b', 'Embedding'])
    await hoverChart(page, lab.figure(first, title));

  // Overlay layout and its tooltips (run names with colour dots).
  await page.getByRole('button', { name: 'Overlay', exact: true }).click();
  const overlay = page.getByRole('group', { name: 'Overlay of all runs' });
  await expect(overlay.getByRole('figure')).toHaveCount(2);
  for (const figure of await overlay.getByRole('figure').all()) await hoverChart(page, figure);
  await page.getByRole('button', { name: 'Columns', exact: true }).click();

  // Analysis: trace (steps, waterfall, 1-D map), every input, lengths, timeline, what-if.
  const panel = page.getByTestId('analysis-panel');
  await panel.getByRole('textbox', { name: 'Sequence', exact: true }).fill('5,8,4');
  await panel.getByRole('button', { name: 'Trace', exact: true }).click();
  const trace = panel.getByRole('article', { name: `Trace — ${SEED_RUNS[1]}` });
  await expect(trace.getByRole('table', { name: `Steps — ${SEED_RUNS[1]}` }).locator('tbody tr')).toHaveCount(3);
  // (The 1-D map's tooltip is on its lines' points only; its markup is checked in the unit test.)
  await hoverChart(page, trace.getByRole('figure', { name: `Trace chart — ${SEED_RUNS[1]}` }));
  await hoverChart(page, trace.getByRole('figure', { name: `Waterfall — ${SEED_RUNS[1]}` }));
  await expect(panel.getByTestId('exhaustive-accuracy')).toHaveCount(4);
  await hoverChart(page, panel.getByRole('figure', { name: 'Accuracy vs sequence length' }));
  await expect(panel.getByRole('table', { name: 'Accuracy at the longest length' }).locator('tbody tr')).toHaveCount(4);
  const slider = panel.getByRole('slider', { name: 'Training time' });
  await slider.fill('100');
  await hoverChart(page, panel.getByRole('figure', { name: `Digit score timeline — ${SEED_RUNS[0]}` }));
  const whatIf = panel.getByRole('region', { name: 'What if' });
  await whatIf.getByLabel('Score of digit 4').fill('-3');
  await whatIf.getByLabel('Score of digit 4').blur();
  await expect(whatIf.getByText('edited', { exact: true })).toBeVisible();
  await whatIf.getByRole('button', { name: 'Reset' }).click();

  // Repeat with seeds: one more copy of the sigmoid run, its band and spread charts.
  const repeat = page.getByRole('region', { name: 'Repeat with seeds' });
  await repeat.getByRole('combobox', { name: 'Run', exact: true }).selectOption({ label: SEED_RUNS[3] });
  await repeat.getByRole('spinbutton', { name: 'N', exact: true }).fill('2');
  await repeat.getByRole('button', { name: 'Repeat ×2', exact: true }).click();
  const group = repeat.getByRole('article', { name: `Seed group — ${SEED_RUNS[3]}` });
  await expect(group.getByRole('table', { name: `Spread over seeds — ${SEED_RUNS[3]}` })).toBeVisible({
    timeout: 90_000,
  });
  for (const figure of await group.getByRole('figure').all()) await hoverChart(page, figure);

  // Dialogs: open and save sessions, export data.
  await lab.button('Open session').click();
  await closeDialog(page, 'Open session');
  await lab.button('Save session').click();
  await closeDialog(page, 'Save session');
  await lab.button('Export data').click();
  await closeDialog(page, 'Export data');

  // Exports: one chart as PNG and as SVG, and the whole board.
  const figure = lab.figure(first, 'Digit scores');
  for (const format of ['PNG', 'SVG']) {
    await figure.getByRole('button', { name: 'Export' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      figure.getByRole('menuitem', { name: format, exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${format.toLowerCase()}$`));
  }
  await lab.button('Export board').click();
  const [sheet] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Board as PNG', exact: true }).click(),
  ]);
  expect(sheet.suggestedFilename()).toMatch(/\.png$/);

  // Dark theme: the board, the overlay and the analysis once more.
  await page.getByRole('button', { name: /^Theme:/ }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await hoverChart(page, lab.figure(first, 'Loss and accuracy'));
  await hoverChart(page, trace.getByRole('figure', { name: `Trace chart — ${SEED_RUNS[1]}` }));
  await page.getByRole('button', { name: 'Overlay', exact: true }).click();
  await hoverChart(page, overlay.getByRole('figure').last());

  expect(violations).toEqual([]);
});
