import { test, expect } from './fixtures.js';
import { SEED_RUNS } from './pages/lab-page.js';

test('seed preset trains four runs side by side and digit 4 stands out in each', async ({ lab, page }) => {
  await expect(page).toHaveTitle(/RNN Lab/);
  await lab.shot('01-empty');
  await lab.addSeedPreset(1000);
  await lab.trainAllAndWait(SEED_RUNS);

  for (const name of SEED_RUNS) {
    const column = lab.column(name);
    await expect(column).toBeVisible();
    for (const title of ['Loss and accuracy', 'Embedding', 'W, U and b', 'Digit scores']) {
      await expect(lab.figure(column, title).locator('canvas').first()).toBeVisible();
    }
    const predictions = column.getByRole('region', { name: `Predictions — ${name}` });
    expect(await predictions.getByRole('row').count()).toBeGreaterThan(5);
    await expect(predictions.getByRole('cell', { name: /^[✓✗]$/ }).first()).toBeVisible();
    // The seed's claim: after training, digit 4 has the highest score Emb·W + b.
    await expect(column.getByTestId('top-digit')).toHaveText('digit 4');
    await expect(column.getByText(/val accuracy/i).first()).toBeVisible();
  }
  await lab.shot('02-board');

  await page.getByRole('button', { name: 'Overlay', exact: true }).click();
  const overlay = page.getByRole('group', { name: 'Overlay of all runs' });
  await expect(overlay.getByRole('figure')).toHaveCount(2);
  await expect(overlay.locator('canvas').first()).toBeVisible();
  await lab.shot('03-overlay');
});

test('columns can be reordered from the keyboard and keep their colours', async ({ lab, page }) => {
  await lab.addRun({ Name: 'First', Samples: '200', Epochs: '1' });
  await lab.addRun({ Name: 'Second', Samples: '200', Epochs: '1' });
  const board = page.getByRole('group', { name: 'Comparison board' });
  const names = () => board.getByRole('heading', { level: 2 }).allTextContents();
  await expect.poll(names).toEqual(['First', 'Second']);
  const colour = () => lab.column('Second').evaluate((el) => getComputedStyle(el).getPropertyValue('--run'));
  const before = await colour();
  const move = page.getByRole('button', { name: 'Move Second left' });
  await move.focus();
  await page.keyboard.press('Enter');
  await expect.poll(names).toEqual(['Second', 'First']);
  await expect(lab.runRows().first()).toHaveAccessibleName('Second');
  expect(await colour()).toBe(before);
});
