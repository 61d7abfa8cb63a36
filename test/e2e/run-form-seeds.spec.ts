import { test, expect } from './fixtures.js';

test("the form's Training seed and Data seed reach the run as typed, and Edit shows them under the same labels", async ({
  lab,
  page,
}) => {
  await lab.addRun({ Name: 'Seeds run', 'Training seed': '11', 'Data seed': '22' });
  // The board's chips read "seed TRAINING/DATA" from the stored config.
  await expect(lab.column('Seeds run').getByText('seed 11/22', { exact: true })).toBeVisible();

  await lab.runRow('Seeds run').getByRole('button', { name: 'Edit', exact: true }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Seeds run' });
  await expect(edit.getByLabel('Training seed', { exact: true })).toHaveValue('11');
  await expect(edit.getByLabel('Data seed', { exact: true })).toHaveValue('22');

  // Changing one seed in the form changes that seed only.
  await edit.getByLabel('Data seed', { exact: true }).fill('33');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(lab.column('Seeds run').getByText('seed 11/33', { exact: true })).toBeVisible();
});
