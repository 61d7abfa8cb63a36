import { expect, test, type Page } from '@playwright/test';
import { test as labTest } from './fixtures.js';
import { SEED_RUNS } from './pages/lab-page.js';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Reports made with the real CLI from sessions trained here (few rows, few epochs), opened over file://. */
const CLI = join(process.cwd(), 'out/node/cli.js');
const SHOTS = '/tmp/shots-report';
let dir: string;

const cli = (...args: string[]) =>
  execFileSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rnn-lab-report-e2e-'));
  mkdirSync(SHOTS, { recursive: true });
  cli('train', '--preset', 'seed', '--epochs', '3', '--samples', '400', '--out', 'seed.rnnlab');
  cli(
    ...['sweep', '--embedding', '1,4', '--activation', 'linear,sigmoid', '--seeds', '0-2', '--epochs', '2'],
    ...['--samples', '300', '--name', 'small', '--out', 'sweep.rnnlab'],
  );
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Opens a report with every request but file: aborted; returns what the page complained about. */
async function openOffline(page: Page, file: string): Promise<{ errors: string[]; requests: string[] }> {
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.route('**', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(join(dir, file)).href);
  await expect(page.locator('html')).toHaveAttribute('data-charts', /^\d+$/);
  return { errors, requests };
}

/** Every chart box holds a drawn canvas: its pixels are not all one colour. */
async function expectAllDrawn(page: Page): Promise<number> {
  const boxes = page.locator('[data-chart]');
  const count = await boxes.count();
  expect(count).toBeGreaterThan(0);
  expect(await page.locator('html').getAttribute('data-charts')).toBe(String(count));
  const blank = await page.evaluate(() =>
    [...document.querySelectorAll('[data-chart]')].flatMap((box) => {
      const canvas = box.querySelector('canvas');
      if (!canvas) return [box.getAttribute('data-chart')];
      const ctx = canvas.getContext('2d');
      const pixels = ctx?.getImageData(0, 0, canvas.width, canvas.height).data;
      if (!pixels) return [box.getAttribute('data-chart')];
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return [];
      return [box.getAttribute('data-chart')];
    }),
  );
  expect(blank).toEqual([]);
  return count;
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const [w, h] of [
    [1280, 800],
    [1920, 1080],
  ]) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: join(SHOTS, `${name}-${w}x${h}.png`) });
  }
}

test('the seed report opens offline from file://, draws every chart, and hovers', async ({ page }) => {
  cli('report', 'seed.rnnlab', '--out', 'seed.html');
  const html = readFileSync(join(dir, 'seed.html'), 'utf8');
  const { errors, requests } = await openOffline(page, 'seed.html');
  const drawn = await expectAllDrawn(page);
  expect(drawn).toBeGreaterThanOrEqual(4 * 5);
  for (const name of ['Embedding 10 · linear', 'Embedding 1 · sigmoid'])
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  await expect(page.getByText(/^Highest score: digit \d/).first()).toBeVisible();
  // Hovering a chart shows ECharts' tooltip (markup the CSP allows: no console error below).
  const curves = page.locator('[data-chart]').first();
  await curves.scrollIntoViewIfNeeded();
  const box = (await curves.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.3);
  await expect(page.locator('.chart-tip').first()).toBeVisible();
  await shoot(page, 'seed-light');
  expect(requests).toEqual([]);
  expect(errors).toEqual([]);
  expect(html.length).toBeLessThan(2 * 1024 * 1024);
});

test('the sweep report draws its group charts and each group’s best run, in the dark theme too', async ({ page }) => {
  cli('report', 'sweep.rnnlab', '--sweep', 'small', '--theme', 'dark', '--out', 'sweep.html');
  const { errors, requests } = await openOffline(page, 'sweep.html');
  await expectAllDrawn(page);
  await expect(page.getByRole('heading', { level: 2, name: 'All runs' })).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Embedding size: 4 · RNN activation: sigmoid' }),
  ).toBeVisible();
  await shoot(page, 'sweep-dark');
  expect(requests).toEqual([]);
  expect(errors).toEqual([]);
});

async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  const html = page.locator('html');
  for (let i = 0; i < 3 && (await html.getAttribute('data-theme')) !== theme; i++)
    await page.getByRole('button', { name: /^Theme:/ }).click();
  await expect(html).toHaveAttribute('data-theme', theme);
}

labTest(
  'Export board → Report of all runs in the browser downloads the report of the runs on the board',
  async ({ lab, page }) => {
    await lab.addSeedPreset(300);
    await lab.trainAllAndWait(SEED_RUNS);
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      await shoot(page, `app-topbar-${theme}`);
    }
    await lab.button('Export board').click();
    const item = page.getByRole('menuitem', { name: 'Report of all runs (HTML)…' });
    await expect(item).toBeVisible();
    await shoot(page, 'app-export-menu-dark');
    const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);
    expect(download.suggestedFilename()).toBe('untitled-report.html');
    const path = join(dir, 'downloaded.html');
    await download.saveAs(path);
    const html = readFileSync(path, 'utf8');
    // The page's theme, every run by name, and each run's numbers in the data its charts are drawn from.
    expect(html).toContain('data-theme="dark"');
    const data = JSON.parse(/<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)![1]) as {
      runs: { run: { name: string; history: { valAcc: number }[] } }[];
      charts: { chart: string }[];
    };
    expect(data.runs.map((r) => r.run.name)).toEqual(SEED_RUNS);
    for (const { run } of data.runs) expect(run.history.length).toBeGreaterThan(0);
    expect(new Set(data.charts.map((c) => c.chart))).toEqual(
      new Set(['curves', 'batch-loss', 'embedding', 'weights', 'digit-scores']),
    );
    for (const name of SEED_RUNS) expect(html).toContain(`${name} <span class="status">done</span>`);
    // Opened on its own, offline, it draws every chart.
    const report = await page.context().newPage();
    const { errors, requests } = await openOffline(report, 'downloaded.html');
    await expectAllDrawn(report);
    expect([errors, requests]).toEqual([[], []]);
  },
);
