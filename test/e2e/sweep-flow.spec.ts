import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { brushTopOfFirstAxis } from './pages/parallel-brush.js';

/**
 * The whole sweep workflow in one go, as a person does it: build a 24-run sweep in the builder, watch it
 * train, group the runs table by activation and read a success rate, brush the parallel-coordinates chart,
 * pick two runs and compare them, save, reload, reopen — and find the table as it was left.
 */

const NAME = 'flow sweep';

async function vary(dialog: Locator, label: string, values: string): Promise<void> {
  await dialog.getByLabel('Field to vary').selectOption({ label });
  await dialog.getByRole('button', { name: 'Add field' }).click();
  await dialog.getByRole('textbox', { name: label, exact: true }).fill(values);
}

interface SavedRun {
  name: string;
  config: { model: { rnnActivation: string } };
  history: Array<{ valAcc: number }>;
}

test('build a 24-run sweep, watch it, group, read a success rate, brush, compare two, save and reopen', async ({
  lab,
  page,
  server,
}) => {
  test.setTimeout(300_000);
  await lab.panel.getByRole('button', { name: 'New sweep…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New sweep' });
  await vary(dialog, 'Embedding size', '1,4');
  await dialog.getByLabel('Field to vary').selectOption({ label: 'RNN activation' });
  await dialog.getByRole('button', { name: 'Add field' }).click();
  await dialog.getByRole('group', { name: 'RNN activation' }).getByRole('checkbox', { name: 'sigmoid' }).check();
  await vary(dialog, 'Samples', '1000');
  await vary(dialog, 'Epochs', '3');
  await dialog.getByLabel('Training seeds').fill('0-5');
  await dialog.getByLabel('Name', { exact: true }).fill(NAME);
  await expect(dialog.getByText('24 runs', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Start sweep' }).click();

  // Progress: a bar out of 24 that ends full.
  const card = page.getByRole('region', { name: /^Sweeps/ }).getByRole('listitem', { name: `Sweep ${NAME}` });
  await expect(card.getByRole('progressbar')).toHaveAttribute('aria-valuemax', '24');
  await expect(card.getByText('Done', { exact: true })).toBeVisible({ timeout: 180_000 });
  await expect(card.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '24');

  // Grouped by activation: the linear group's success rate, checked against the runs' own numbers below.
  const filters = page.getByRole('search', { name: 'Filter the runs' });
  await filters.getByLabel('Group by', { exact: true }).selectOption('model.rnnActivation');
  const grid = page.getByRole('grid', { name: 'Runs' });
  const linear = grid.getByRole('row').filter({ hasText: 'RNN activation: linear' });
  const rate = (await linear.locator('[data-success-rate]').textContent()) ?? '';

  // Brushing embedding size down to 4 filters the table, and the filter shows as a chip.
  const groups = page.getByRole('region', { name: 'Groups over seeds' });
  await brushTopOfFirstAxis(page, groups.getByRole('figure', { name: 'Parallel coordinates — runs' }));
  const table = page.getByRole('region', { name: 'Runs', exact: true });
  await expect(table.getByText('12 of 24 runs')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Active filters' }).getByRole('listitem')).toHaveCount(1);

  // Two runs picked in the table and compared on the board.
  const picked = ['E4 · linear · s0', 'E4 · sigmoid · s1'];
  for (const name of picked) await grid.getByRole('checkbox', { name: `Select ${name}` }).click();
  await page.getByRole('button', { name: 'Compare on board (2)' }).click();
  await expect(page.getByRole('tab', { name: /^Compare/ })).toContainText('2 of 24');
  for (const name of picked) await expect(lab.column(name)).toBeVisible();

  // Saved, reloaded, reopened: the grouping, the brush, the choice and the success rate are as they were.
  await page.keyboard.press('Control+s');
  const save = page.getByRole('dialog', { name: 'Save session' });
  await save.getByLabel('File name').fill('flow');
  await save.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page).toHaveTitle('flow.rnnlab — RNN Lab');
  await page.reload();
  await lab.ready();
  await lab.button('New session').click();
  await lab.button('Open session').click();
  const open = page.getByRole('dialog', { name: 'Open session' });
  await open.getByRole('button', { name: /flow\.rnnlab/ }).click();
  await expect(open).toBeHidden();
  await expect(page.getByRole('tab', { name: /^Compare/ })).toContainText('2 of 24');
  for (const name of picked) await expect(lab.column(name)).toBeVisible();
  await page.getByRole('tab', { name: /^Runs/ }).click();
  await expect(filters.getByLabel('Group by', { exact: true })).toHaveValue('model.rnnActivation');
  await expect(table.getByText('12 of 24 runs')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Active filters' }).getByRole('listitem')).toHaveCount(1);

  // The rate read before the brush is the runs' own: linear runs ending at val acc ≥ 0.99, of 12.
  const saved = JSON.parse(readFileSync(join(server.sessionsDir, 'flow.rnnlab'), 'utf8')) as { runs: SavedRun[] };
  const linearRuns = saved.runs.filter((r) => r.config.model.rnnActivation === 'linear');
  const successes = linearRuns.filter((r) => (r.history.at(-1)?.valAcc ?? 0) >= 0.99).length;
  expect(linearRuns).toHaveLength(12);
  expect(rate).toMatch(new RegExp(`^${successes}/12\\b`));
});
