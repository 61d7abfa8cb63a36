import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Session } from '../../shared/schemas/session.js';
import { expect, test } from './fixtures.js';
import type { LabPage } from './pages/lab-page.js';

/**
 * The runs table over a real sweep: 200 runs the CLI trains at test time (5 embedding sizes × linear/sigmoid
 * × 20 seeds, one short epoch each), opened in the browser mode. Expected figures are recomputed here from
 * the session file, not read back from the page.
 */
let dir: string;
let file: string;
let session: Session;

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rnn-lab-table-'));
  file = join(dir, 'sweep-200.rnnlab');
  const flags = ['--embedding', '1,2,4,8,10', '--activation', 'linear,sigmoid', '--seeds', '0-19'];
  execFileSync(
    process.execPath,
    ['bin/rnn-lab.js', 'sweep', ...flags, '--samples', '200', '--epochs', '1', '--out', file],
    { stdio: 'pipe' },
  );
  session = JSON.parse(readFileSync(file, 'utf8')) as Session;
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

const finalAcc = (r: Session['runs'][number]) => r.history.at(-1)?.valAcc ?? null;

async function openFile(lab: LabPage): Promise<void> {
  await lab.button('Open session').click();
  const dialog = lab.page.getByRole('dialog', { name: 'Open session' });
  await dialog.getByLabel('Upload a .rnnlab file').setInputFiles(file);
  await expect(dialog).toBeHidden();
}

const grid = (page: Page) => page.getByRole('grid', { name: 'Runs' });
const header = (page: Page, name: string | RegExp) => grid(page).getByRole('columnheader', { name });
/** The rendered body rows (the grid draws only the ones in view). */
const bodyRows = (page: Page) => grid(page).locator('[role="row"][data-line]:not([data-line="-1"])');

async function cellTexts(page: Page, column: number): Promise<string[]> {
  return bodyRows(page).locator(`[aria-colindex="${column}"]`).allTextContents();
}

async function colIndex(page: Page, name: string | RegExp): Promise<number> {
  return Number(await header(page, name).getAttribute('aria-colindex'));
}

test('sort, filter, group, keyboard, select and compare; the table comes back after save and reopen', async ({
  lab,
  page,
}) => {
  await openFile(lab);
  await page.getByRole('tab', { name: /Runs/ }).click();
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '201');
  // Virtualised: far fewer rows in the document than in the table.
  expect(await bodyRows(page).count()).toBeLessThan(60);

  // Sort by final val accuracy, ascending then descending.
  const acc = await colIndex(page, 'Val acc');
  await header(page, 'Val acc').click();
  await expect(header(page, 'Val acc')).toHaveAttribute('aria-sort', 'ascending');
  await header(page, 'Val acc').click();
  await expect(header(page, 'Val acc')).toHaveAttribute('aria-sort', 'descending');
  const best = Math.max(...session.runs.map((r) => finalAcc(r) ?? 0));
  const shownAcc = (await cellTexts(page, acc)).map(Number);
  expect(shownAcc[0]).toBeCloseTo(best, 3);
  expect(shownAcc).toEqual([...shownAcc].sort((a, b) => b - a));

  // Text and range filters, shown as chips.
  // Every run's output activation is sigmoid, so "sigmoid" would match them all; names start with E<embedding>.
  await page.getByLabel('Filter runs by text').fill('E10');
  const e10 = session.runs.filter((r) => r.config.model.embeddingDim === 10);
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(e10.length + 1));
  await page.getByLabel('Range column').selectOption('valAcc');
  await page.getByLabel('Range min').fill('0.8');
  await page.getByRole('button', { name: 'Apply range' }).click();
  const good = e10.filter((r) => (finalAcc(r) ?? 0) >= 0.8);
  expect(good.length).toBeGreaterThan(0);
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(good.length + 1));
  const chips = page.getByRole('list', { name: 'Active filters' });
  await expect(chips.getByText('Val acc ≥ 0.800')).toBeVisible();
  await chips.getByRole('button', { name: /Remove filter Text/ }).click();
  const allGood = session.runs.filter((r) => (finalAcc(r) ?? 0) >= 0.8);
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(allGood.length + 1));
  await chips.getByRole('button', { name: /Remove filter Val acc/ }).click();
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '201');

  // A bad threshold is refused in place; a good one changes the success rates.
  const threshold = page.getByLabel('Success at val acc ≥');
  for (const bad of ['1.5', 'abc']) {
    await threshold.fill(bad);
    await expect(page.getByRole('alert')).toContainText('above 0 and at most 1');
  }
  await threshold.fill('0.8');
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Group by activation: one summary line per activation, its success rate as the rows say.
  await page.getByLabel('Group by', { exact: true }).selectOption({ label: 'RNN activation' });
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '3');
  for (const act of ['linear', 'sigmoid'] as const) {
    const runs = session.runs.filter((r) => r.config.model.rnnActivation === act);
    const k = runs.filter((r) => (finalAcc(r) ?? 0) >= 0.8).length;
    const n = runs.filter((r) => finalAcc(r) !== null).length;
    const line = bodyRows(page).filter({ hasText: `RNN activation: ${act}` });
    await expect(line.locator('[data-success-rate]')).toHaveText(`${k}/${n} (${Math.round((100 * k) / n)} %)`);
  }

  // Keyboard: Enter opens the focused group; arrows, Ctrl+End and Ctrl+Home move the one focus.
  await bodyRows(page).first().locator('[aria-colindex="2"]').click();
  await page.keyboard.press('Enter');
  await expect(bodyRows(page).first()).toHaveAttribute('aria-expanded', 'true');
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(3 + 100));
  await page.keyboard.press('ArrowDown');
  const focusedRow = () =>
    page.evaluate(() => document.activeElement?.closest('[role="row"]')?.getAttribute('aria-rowindex'));
  expect(await focusedRow()).toBe('3');
  await page.keyboard.press('PageDown');
  expect(Number(await focusedRow())).toBeGreaterThan(6);
  await page.keyboard.press('Control+End');
  expect(await focusedRow()).toBe('103');
  await expect(page.locator(':focus')).toBeInViewport();
  await page.keyboard.press('Control+Home');
  expect(await focusedRow()).toBe('2');
  await page.getByLabel('Group by', { exact: true }).selectOption('');
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '201');

  // A shift-click selects a range; a first pick replaces the default four rather than adding to them.
  await bodyRows(page).nth(10).getByRole('checkbox').click();
  await bodyRows(page)
    .nth(14)
    .getByRole('checkbox')
    .click({ modifiers: ['Shift'] });
  await expect(page.getByRole('button', { name: 'Compare on board (5)' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Compare on board (4)' })).toBeVisible();

  // Select two runs (a click and Space), compare them on the board.
  const [a, b] = (await cellTexts(page, 2)).slice(0, 2);
  await bodyRows(page).first().getByRole('checkbox').click();
  await bodyRows(page).nth(1).locator('[aria-colindex="3"]').click();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Compare on board (2)' })).toBeEnabled();
  await page.getByRole('button', { name: 'Compare on board (2)' }).click();
  await expect(page.getByRole('tab', { name: /Compare/ })).toHaveAttribute('aria-selected', 'true');
  // Two columns: the tab counts the compared runs, and each is a column of the board.
  await expect(page.getByRole('tab', { name: /Compare/ })).toContainText('2 of 200');
  await expect(lab.column(a)).toBeVisible();
  await expect(lab.column(b)).toBeVisible();

  // Sort, grouping and selection are saved with the session and come back on reopening it.
  await page.getByRole('tab', { name: /Runs/ }).click();
  await page.getByLabel('Group by', { exact: true }).selectOption({ label: 'Embedding size' });
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '6');
  await saveReloadReopen(lab, page);
  await page.getByRole('tab', { name: /Runs/ }).click();
  await expect(header(page, 'Val acc')).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByLabel('Group by', { exact: true })).toHaveValue('model.embeddingDim');
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '6');
  await expect(page.getByRole('button', { name: 'Compare on board (2)' })).toBeVisible();
  await expect(page.getByLabel('Success at val acc ≥')).toHaveValue('0.8');

  // A report of the selection: one HTML file with those two runs' sections.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Report (2)…' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.html$/);
  const html = readFileSync(await download.path(), 'utf8');
  for (const name of [a, b]) expect(html).toContain(name);
  expect(html).toContain('<meta http-equiv="Content-Security-Policy"');
});

async function saveReloadReopen(lab: LabPage, page: Page): Promise<void> {
  await lab.button('Save session').click();
  const save = page.getByRole('dialog', { name: 'Save session' });
  await save.getByLabel('File name').fill('table-view');
  await save.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page).toHaveTitle('table-view.rnnlab — RNN Lab');
  await page.reload();
  await lab.ready();
  await lab.button('New session').click();
  await lab.button('Open session').click();
  const open = page.getByRole('dialog', { name: 'Open session' });
  await open.getByRole('button', { name: /table-view\.rnnlab/ }).click();
  await expect(open).toBeHidden();
}

async function shoot(page: Page, name: string, target: Locator): Promise<void> {
  mkdirSync('/tmp/shots-table', { recursive: true });
  await expect(target).toBeVisible();
  await page.screenshot({ path: `/tmp/shots-table/${name}.png` });
}

test('screenshots of 200 runs: light and dark, 1280 and 1920 wide, plain and grouped', async ({ lab, page }) => {
  await openFile(lab);
  await page.getByRole('tab', { name: /Runs/ }).click();
  for (const theme of ['light', 'dark'] as const) {
    if ((await page.locator('html').getAttribute('data-theme')) !== theme)
      await page.getByRole('button', { name: /^Theme:/ }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    for (const [w, h] of [
      [1280, 800],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.getByLabel('Group by', { exact: true }).selectOption('');
      await expect(grid(page)).toHaveAttribute('aria-rowcount', '201');
      await shoot(page, `table-${w}-${theme}`, grid(page));
      // Scrolled to the right end with the keyboard: the name column stays, the focus ring shows.
      await bodyRows(page).nth(2).locator('[aria-colindex="2"]').click();
      await page.keyboard.press('End');
      await grid(page).scrollIntoViewIfNeeded();
      await shoot(page, `table-${w}-${theme}-end`, grid(page));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
      await page.getByLabel('Group by', { exact: true }).selectOption({ label: 'Embedding size' });
      await page.getByLabel('Then group by').selectOption({ label: 'RNN activation' });
      await expect(grid(page)).toHaveAttribute('aria-rowcount', '11');
      await shoot(page, `table-${w}-${theme}-grouped`, grid(page));
    }
  }
});
