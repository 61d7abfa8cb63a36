import { test, expect } from './fixtures.js';

test('invalid form input shows a message and trains nothing', async ({ lab, page }) => {
  const dialog = await lab.addRun(
    { Name: 'Bad run', 'Embedding size': '0', 'Learning rate': 'fast' },
    { valid: false },
  );
  await expect(dialog.getByRole('alert').filter({ hasText: 'Must be at least 1' })).toBeVisible();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Enter a number' })).toBeVisible();
  await expect(dialog.getByLabel('Embedding size', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await lab.shot('04-invalid-form');
  await dialog.getByRole('button', { name: 'Discard' }).click();
  await expect(dialog).toBeHidden();
  await expect(lab.runRows()).toHaveCount(0);
  await expect(lab.button('Train All')).toBeDisabled();
  await expect(page.getByText('No runs yet.')).toBeVisible();
});

test('a run cancelled mid-training ends as Cancelled and the others are unaffected', async ({ lab, page }) => {
  await lab.addRun({ Name: 'Long run', Samples: '60000', Epochs: '40', 'Embedding size': '4' });
  const row = lab.runRow('Long run');
  await expect(row).toBeVisible();
  await lab.waitStatus('Long run', 'Not trained');
  await row.getByRole('button', { name: 'Train', exact: true }).click();
  await lab.waitStatus('Long run', 'Training');
  // Wait for real progress from the worker before cancelling.
  await expect(row.getByRole('progressbar')).toHaveAttribute('aria-valuenow', /^[1-9]\d*$/, { timeout: 60_000 });
  await expect(row.getByText(/epoch \d+\/40/)).toBeVisible();
  await lab.shot('05-training');
  await row.getByRole('button', { name: 'Cancel', exact: true }).click();
  await lab.waitStatus('Long run', 'Cancelled', 30_000);
  await expect(lab.button('Cancel All')).toBeDisabled();
  const column = lab.column('Long run');
  await expect(column.getByText('Cancelled', { exact: true })).toBeVisible();
  // Either a partial result, labelled as such, or a placeholder saying nothing was kept.
  await expect(column.getByText(/Cancelled during epoch \d+ of 40|Cancelled\. /)).toBeVisible();
  await expect(page.getByText('epoch 40/40')).toHaveCount(0);
  await lab.shot('06-cancelled');
});

test('Cancel All stops every run that is training or waiting', async ({ lab }) => {
  await lab.addSeedPreset(60000);
  await lab.button('Train All').click();
  await lab.waitStatus('Embedding 10 · linear', 'Training');
  await lab.button('Cancel All').click();
  for (const name of ['Embedding 10 · linear', 'Embedding 1 · sigmoid RNN'])
    await lab.waitStatus(name, 'Cancelled', 30_000);
  await expect(lab.button('Train All')).toBeEnabled();
});
