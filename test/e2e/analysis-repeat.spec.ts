import { test, expect } from './fixtures.js';

test('analysis: Repeat ×3 trains two seed copies and shows mean, band and spread over the three seeds', async ({
  lab,
  page,
}) => {
  // One small run (Embedding 10 · linear defaults, training seed 7), trained first.
  await lab.addRun({ Name: 'Rep', Samples: '1000', Epochs: '2' });
  await lab.runRow('Rep').getByRole('button', { name: 'Train', exact: true }).click();
  await lab.waitStatus('Rep', 'Done');

  const section = page.getByRole('region', { name: 'Repeat with seeds' });
  await expect(section.getByText(/No seed groups yet/)).toBeVisible();
  await section.getByRole('combobox', { name: 'Run', exact: true }).selectOption({ label: 'Rep' });
  await section.getByRole('spinbutton', { name: 'N', exact: true }).fill('3');
  await section.getByRole('button', { name: 'Repeat ×3', exact: true }).click();

  // Two copies, named by their seeds (7 is taken by the source), trained without another click.
  const copies = ['Rep · seed 8', 'Rep · seed 9'];
  await expect(lab.runRows()).toHaveCount(3);
  for (const name of copies) await lab.waitStatus(name, 'Done');
  for (const name of copies) await expect(lab.runRow(name)).toContainText('E10 · linear · lr 0.02 · 2 ep · 1,000 rows');

  // One seed group of the three runs: the band chart, the spread chart and the spread table.
  const group = section.getByRole('article', { name: 'Seed group — Rep' });
  await expect(group).toContainText('Rep — 3 seeds');
  await expect(group.getByRole('figure', { name: 'Seed curves — Rep' }).locator('canvas')).toBeVisible();
  await expect(group.getByRole('figure', { name: 'Seed spread — Rep' }).locator('canvas')).toBeVisible();
  const table = group.getByRole('table', { name: 'Spread over seeds — Rep' });
  await expect(table.locator('thead')).toContainText('over 3 seeds');
  const cells = async (row: string) =>
    (await table.locator('tbody tr').filter({ hasText: row }).locator('td').allTextContents()).map((t) => t.trim());
  const [, , uSd, uRange] = await cells('U');
  const [, , sSd] = await cells('score of 4');
  // Different seeds learn different weights: a real spread, min < max.
  expect(Number(uSd)).toBeGreaterThan(0);
  expect(Number(sSd)).toBeGreaterThan(0);
  const [lo, hi] = uRange.split('…').map((x) => Number(x.trim()));
  expect(lo).toBeLessThan(hi);
  await expect(table.locator('tbody tr').filter({ hasText: 'final val accuracy' })).toHaveCount(1);

  await group.scrollIntoViewIfNeeded();
  await lab.shot('analysis-repeat');
});
