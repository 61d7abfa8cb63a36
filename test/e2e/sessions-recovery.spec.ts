import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures.js';
import type { Page } from '@playwright/test';

const untitledDirty = '• Untitled — RNN Lab';

/** The val-loss figure the run's summary prints: a number that must survive exactly. */
const valLoss = (page: Page, run: string) =>
  page.getByRole('group', { name: 'Comparison board' }).getByRole('region', { name: run, exact: true }).locator('[data-metric="val-loss"]');

test('after the server is killed, the next start offers the unsaved work and Restore brings it back', async ({ lab, page, server }) => {
  await lab.addRun({ Name: 'Kept run', Samples: '400', Epochs: '2' });
  await lab.addRun({ Name: 'Never trained', Samples: '400', Epochs: '2' });
  await lab.runRow('Kept run').getByRole('button', { name: 'Train', exact: true }).click();
  await lab.waitStatus('Kept run', 'Done');
  await expect(lab.runRow('Never trained').getByText('Not trained', { exact: true })).toBeVisible();
  const numbers = await valLoss(page, 'Kept run').textContent();
  expect(numbers).toMatch(/\d/);
  await expect(page).toHaveTitle(untitledDirty);

  // The copy is written a moment after the last change; wait until it holds the finished run.
  const copy = join(server.dataDir, 'recovery.rnnlab');
  await expect
    .poll(() => (existsSync(copy) ? JSON.parse(readFileSync(copy, 'utf8')).runs.map((r: { status: string }) => r.status) : []), { timeout: 15_000 })
    .toEqual(['done', 'idle']);

  await server.crash();
  await page.goto(await server.restart());
  await lab.ready();
  const banner = page.getByRole('region', { name: 'Recovered work' });
  await expect(banner).toContainText(/Unsaved work from .+ was recovered/);
  await expect(banner).toContainText('2 runs');
  await expect(lab.runRows()).toHaveCount(0);
  await lab.shot('10-recovery-banner');

  await banner.getByRole('button', { name: 'Restore' }).click();
  await expect(banner).toBeHidden();
  await expect(lab.runRows()).toHaveCount(2);
  await lab.waitStatus('Kept run', 'Done', 5_000);
  await expect(lab.runRow('Never trained').getByText('Not trained', { exact: true })).toBeVisible();
  await expect(valLoss(page, 'Kept run')).toHaveText(numbers!);
  await expect(page).toHaveTitle(untitledDirty);

  // Offered once: a reload shows the restored work, not the banner again.
  await page.reload();
  await lab.ready();
  await expect(lab.runRows()).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Recovered work' })).toHaveCount(0);
});

test('Discard on the recovery banner drops the copy and keeps the empty session', async ({ lab, page, server }) => {
  await lab.addRun({ Name: 'Throwaway', Samples: '400', Epochs: '2' });
  const copy = join(server.dataDir, 'recovery.rnnlab');
  await expect.poll(() => existsSync(copy), { timeout: 15_000 }).toBe(true);
  await server.crash();
  await page.goto(await server.restart());
  await lab.ready();
  const banner = page.getByRole('region', { name: 'Recovered work' });
  await expect(banner).toContainText('1 run ·');
  await banner.getByRole('button', { name: 'Discard' }).click();
  await expect(banner).toBeHidden();
  expect(existsSync(copy)).toBe(false);
  await expect(lab.runRows()).toHaveCount(0);
  await expect(page).toHaveTitle('Untitled — RNN Lab');
});

test('Save as… writes a new file in the sessions folder and makes it the open session', async ({ lab, page, server }) => {
  await lab.addRun({ Name: 'Saved run', Samples: '400', Epochs: '2' });
  await lab.button('Save session').click();
  const first = page.getByRole('dialog', { name: 'Save session' });
  await first.getByLabel('File name').fill('first');
  await first.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page).toHaveTitle('first.rnnlab — RNN Lab');

  await lab.runRow('Saved run').getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Saved run' });
  await edit.getByLabel('Name', { exact: true }).fill('Renamed run');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveTitle('• first.rnnlab — RNN Lab');

  await lab.button('Save as…').click();
  const saveAs = page.getByRole('dialog', { name: 'Save session as' });
  await expect(saveAs.getByLabel('File name')).toHaveValue('first');
  await saveAs.getByLabel('File name').fill('second');
  await lab.shot('11-save-as-dialog');
  await saveAs.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(saveAs).toBeHidden();
  await expect(page).toHaveTitle('second.rnnlab — RNN Lab');
  const names = (file: string) => JSON.parse(readFileSync(join(server.sessionsDir, file), 'utf8')).runs.map((r: { name: string }) => r.name);
  expect(names('first.rnnlab')).toEqual(['Saved run']);
  expect(names('second.rnnlab')).toEqual(['Renamed run']);

  // Ctrl+S now goes to the new file; Save as… onto an existing name asks before replacing it.
  await lab.button('Save as…').click();
  await saveAs.getByLabel('File name').fill('first');
  await saveAs.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(saveAs.getByRole('alert')).toHaveText('first.rnnlab already exists in the sessions folder. Replace it, or choose another name.');
  expect(names('first.rnnlab')).toEqual(['Saved run']);
  await lab.shot('12-save-as-replace');
  await saveAs.getByRole('button', { name: 'Replace' }).click();
  await expect(saveAs).toBeHidden();
  await expect(page).toHaveTitle('first.rnnlab — RNN Lab');
  expect(names('first.rnnlab')).toEqual(['Renamed run']);
});

test('a session file dropped on the window opens; the title marks unsaved changes until saved', async ({ lab, page, server }) => {
  await expect(page).toHaveTitle('Untitled — RNN Lab');
  await lab.addRun({ Name: 'Dropped run', Samples: '400', Epochs: '2' });
  await expect(page).toHaveTitle(untitledDirty);
  await lab.button('Save session').click();
  const save = page.getByRole('dialog', { name: 'Save session' });
  await save.getByLabel('File name').fill('to-drop');
  await save.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page).toHaveTitle('to-drop.rnnlab — RNN Lab');
  const text = readFileSync(join(server.sessionsDir, 'to-drop.rnnlab'), 'utf8');

  await lab.button('New session').click();
  await expect(lab.runRows()).toHaveCount(0);
  await expect(page).toHaveTitle('Untitled — RNN Lab');

  // A synthetic drag: the same DataTransfer (holding a File with the saved text) for dragover and drop.
  await page.evaluate(({ name, text }) => {
    const data = new DataTransfer();
    data.items.add(new File([text], name, { type: 'application/json' }));
    (window as unknown as { dropData: DataTransfer }).dropData = data;
    document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, { name: 'dropped.rnnlab', text });
  await expect(page.getByText('to open it')).toBeVisible();
  await page.evaluate(() => {
    const data = (window as unknown as { dropData: DataTransfer }).dropData;
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByText('to open it')).toBeHidden();
  await expect(lab.runRows()).toHaveCount(1);
  await expect(lab.runRow('Dropped run')).toBeVisible();
  await expect(page).toHaveTitle('dropped.rnnlab — RNN Lab');

  // A change marks the title; saving (Ctrl+S, to the sessions folder) clears the mark.
  await lab.runRow('Dropped run').getByRole('button', { name: 'Duplicate' }).click();
  await expect(lab.runRows()).toHaveCount(2);
  await expect(page).toHaveTitle('• dropped.rnnlab — RNN Lab');
  await page.keyboard.press('Control+s');
  const saveDropped = page.getByRole('dialog', { name: 'Save session' });
  // Named after the dropped file until the user says otherwise.
  await expect(saveDropped.getByLabel('File name')).toHaveValue('dropped');
  await saveDropped.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page).toHaveTitle('dropped.rnnlab — RNN Lab');
  expect(JSON.parse(readFileSync(join(server.sessionsDir, 'dropped.rnnlab'), 'utf8')).runs).toHaveLength(2);
});
