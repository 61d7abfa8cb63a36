import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { brushTopOfFirstAxis } from './pages/parallel-brush.js';

const SHOTS = '/tmp/shots-groups';
const FILE = 'groups-e2e.rnnlab';

interface SessionRun {
  id: string;
  name: string;
  config: { model: { embeddingDim: number; rnnActivation: string } };
}

/** A real sweep written by the real CLI: 2 embedding sizes × 2 activations × 3 seeds, 4 short epochs each. */
function makeSweep(dir: string): SessionRun[] {
  mkdirSync(dir, { recursive: true });
  const out = join(dir, FILE);
  execFileSync(
    process.execPath,
    ['bin/rnn-lab.js', 'sweep', '--embedding', '1,4', '--activation', 'linear,sigmoid', '--seeds', '0-2'].concat([
      '--samples',
      '1000',
      '--epochs',
      '4',
      '--out',
      out,
    ]),
    { stdio: 'pipe', timeout: 180_000 },
  );
  return (JSON.parse(readFileSync(out, 'utf8')) as { runs: SessionRun[] }).runs;
}

async function shots(page: Page, region: Locator, name: string): Promise<void> {
  for (const [w, h] of [
    [1280, 800],
    [1920, 1080],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.emulateMedia({ colorScheme: scheme });
      await region.scrollIntoViewIfNeeded();
      // Not an assertion: lets the charts' redraw for the new size and theme finish before the picture.
      await page.waitForTimeout(900);
      await page.screenshot({ path: `${SHOTS}/${name}-${w}x${h}-${scheme}.png` });
      await region.getByRole('figure', { name: /^Val accuracy by group/ }).scrollIntoViewIfNeeded();
      await page.waitForTimeout(600);
      await page.screenshot({ path: `${SHOTS}/${name}-${w}x${h}-${scheme}-lower.png` });
    }
  }
  await page.setViewportSize({ width: 1600, height: 1000 });
}

test('group views: matrix k/n equals the table group, a brush filters the table, a cell compares its runs', async ({
  lab,
  page,
  server,
}) => {
  test.setTimeout(300_000);
  mkdirSync(SHOTS, { recursive: true });
  const runs = makeSweep(server.sessionsDir);
  expect(runs).toHaveLength(12);

  await lab.button('Open session').click();
  const open = page.getByRole('dialog', { name: 'Open session' });
  await open.getByRole('button', { name: new RegExp(FILE.replace('.', '\\.')) }).click();
  await expect(open).toBeHidden();
  await page.getByRole('tab', { name: /^Runs/ }).click();

  // The table grouped by embedding size, then activation: the charts follow its grouping.
  const filters = page.getByRole('search', { name: 'Filter the runs' });
  await filters.getByLabel('Group by', { exact: true }).selectOption('model.embeddingDim');
  await filters.getByLabel('Then group by', { exact: true }).selectOption('model.rnnActivation');
  const groups = page.getByRole('region', { name: 'Groups over seeds' });
  const matrix = groups.getByRole('figure', { name: 'Success rate — embeddingDim × rnnActivation' });
  await expect(matrix).toBeVisible();
  await expect(groups.getByLabel('Chart groups by')).toHaveValue('model.embeddingDim');

  // A cell's k/n, read from the matrix's table version, is the table's group row's.
  await matrix.getByText('As a table').click();
  const linearRow = matrix.getByRole('row', { name: /^linear/ });
  const cellText = (await linearRow.getByRole('cell').first().textContent()) ?? '';
  const kn = /(\d+)\/(\d+)/.exec(cellText);
  expect(kn?.[2]).toBe('3');
  const grid = page.getByRole('grid', { name: 'Runs' });
  const groupRow = grid.getByRole('row').filter({ hasText: 'Embedding size: 1 · RNN activation: linear' });
  await expect(groupRow.locator('[data-success-rate]')).toHaveText(new RegExp(`^${kn?.[0]}\\b`));
  await shots(page, groups, 'grouped');

  // Brushing the first axis (embedding size, 1 at the bottom, 4 at the top) down from its top keeps size 4 only.
  const parallel = groups.getByRole('figure', { name: 'Parallel coordinates — runs' });
  await brushTopOfFirstAxis(page, parallel);
  const table = page.getByRole('region', { name: 'Runs', exact: true });
  await expect(table.getByText('6 of 12 runs')).toBeVisible();
  await expect(groups.getByText('6 of 12 runs')).toBeVisible();
  const chips = page.getByRole('list', { name: 'Active filters' });
  await expect(chips.getByRole('listitem')).toHaveCount(1);
  await expect(parallel.getByText(/^Brushed: embeddingDim/)).toBeVisible();
  await expect(groupRow).toHaveCount(0);
  await shots(page, groups, 'brushed');

  // The group views as one figure sheet: a real PNG the size of the section, at 2×.
  await groups.getByRole('button', { name: 'Export group views' }).click();
  const [sheet] = await Promise.all([
    page.waitForEvent('download'),
    groups.getByRole('menuitem', { name: 'Sheet as PNG', exact: true }).click(),
  ]);
  expect(sheet.suggestedFilename()).toBe('runs-group-views.png');
  await sheet.saveAs(`${SHOTS}/sheet.png`);
  const png = readFileSync(await sheet.path());
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  const width = png.readUInt32BE(16);
  const sectionWidth = (await groups.boundingBox())!.width;
  expect(width).toBeGreaterThanOrEqual(2 * Math.floor(sectionWidth));

  // The matrix now holds embedding 4 only: a click on its lower row (linear) selects those three runs.
  const matrixCanvas = matrix.getByRole('img');
  await matrix.getByText('As a table').click();
  const mbox = (await matrixCanvas.boundingBox())!;
  const gridTop = mbox.y + 16;
  const gridBottom = mbox.y + mbox.height - 46;
  await page.mouse.click(mbox.x + 70 + (mbox.width - 160) / 2, gridTop + ((gridBottom - gridTop) * 3) / 4);
  const toast = groups.getByRole('status');
  await expect(toast.getByText('Selected 3 runs (embeddingDim 4 · rnnActivation linear)')).toBeVisible();
  await shots(page, groups, 'selected');
  await toast.getByRole('button', { name: 'Compare on board' }).click();
  await expect(page.getByRole('tab', { name: /^Compare/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: /^Compare/ })).toContainText('3 of 12');
  const picked = runs.filter((r) => r.config.model.embeddingDim === 4 && r.config.model.rnnActivation === 'linear');
  for (const r of picked) await expect(lab.column(r.name)).toBeVisible();

  // Back on the runs tab, clearing the brush from the chart's caption clears the table's filter.
  await page.getByRole('tab', { name: /^Runs/ }).click();
  await groups.getByRole('button', { name: 'Clear brushes' }).click();
  await expect(chips).toHaveCount(0);
  await expect(table.getByText(/^12 runs/)).toBeVisible();
  await expect(groups.getByText('12 of 12 runs')).toBeVisible();
});
