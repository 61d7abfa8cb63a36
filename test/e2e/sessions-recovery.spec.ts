import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type LabServer } from './fixtures.js';
import type { LabPage } from './pages/lab-page.js';
import type { Page } from '@playwright/test';

const untitledDirty = '• Untitled — RNN Lab';

/** The val-loss figure the run's summary prints: a number that must survive exactly. */
const valLoss = (page: Page, run: string) =>
  page
    .getByRole('group', { name: 'Comparison board' })
    .getByRole('region', { name: run, exact: true })
    .locator('[data-metric="val-loss"]');

/** Each copy in the data folder's recovery folder, as "name:status" per run (unreadable copies left out). */
function copiesOnDisk(server: LabServer): string[][] {
  const dir = join(server.dataDir, 'recovery');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.rnnlab'))
    .flatMap((name) => {
      try {
        return [
          JSON.parse(readFileSync(join(dir, name), 'utf8')).runs.map(
            (r: { name: string; status: string }) => `${r.name}:${r.status}`,
          ),
        ];
      } catch {
        return [];
      }
    });
}

/** The copy is written a moment after the last change: wait until one holds exactly these runs. */
async function copiedToDisk(server: LabServer, runs: string[]): Promise<void> {
  await expect.poll(() => copiesOnDisk(server), { timeout: 15_000 }).toContainEqual(runs);
}

/** Adds a run, trains it and returns the val-loss figure its summary shows. */
async function trained(lab: LabPage, page: Page, name: string, epochs: string): Promise<string> {
  await lab.addRun({ Name: name, Samples: '400', Epochs: epochs });
  await lab.runRow(name).getByRole('button', { name: 'Train', exact: true }).click();
  await lab.waitStatus(name, 'Done');
  const numbers = await valLoss(page, name).textContent();
  expect(numbers).toMatch(/\d/);
  return numbers!;
}

const banner = (page: Page) => page.getByRole('region', { name: 'Recovered work' });
const offered = (page: Page, run: string) => banner(page).getByRole('listitem').filter({ hasText: run });

test('after the server is killed, the next start offers the unsaved work and Restore brings it back', async ({
  lab,
  page,
  server,
}) => {
  const numbers = await trained(lab, page, 'Kept run', '2');
  await lab.addRun({ Name: 'Never trained', Samples: '400', Epochs: '2' });
  await expect(lab.runRow('Never trained').getByText('Not trained', { exact: true })).toBeVisible();
  await expect(page).toHaveTitle(untitledDirty);
  await copiedToDisk(server, ['Kept run:done', 'Never trained:idle']);

  await server.crash();
  await page.goto(await server.restart());
  await lab.ready();
  await expect(banner(page).getByRole('listitem')).toHaveCount(1);
  await expect(banner(page)).toContainText(/Unsaved work from .+ was recovered/);
  await expect(banner(page)).toContainText('2 runs · Kept run, Never trained');
  await expect(lab.runRows()).toHaveCount(0);
  await lab.shot('10-recovery-banner');

  await banner(page).getByRole('button', { name: 'Restore' }).click();
  await expect(banner(page)).toBeHidden();
  await expect(lab.runRows()).toHaveCount(2);
  await lab.waitStatus('Kept run', 'Done', 5_000);
  await expect(lab.runRow('Never trained').getByText('Not trained', { exact: true })).toBeVisible();
  await expect(valLoss(page, 'Kept run')).toHaveText(numbers);
  await expect(page).toHaveTitle(untitledDirty);

  // Offered once: a reload shows the restored work, not the banner again.
  await page.reload();
  await lab.ready();
  await expect(lab.runRows()).toHaveCount(2);
  await expect(banner(page)).toHaveCount(0);
});

test('an old copy left pending and new unsaved work: after another kill -9 both are offered and each restores with its own numbers', async ({
  lab,
  page,
  server,
}) => {
  const numbersA = await trained(lab, page, 'Work A', '2');
  await copiedToDisk(server, ['Work A:done']);
  await server.crash();

  // The next start offers A; the user leaves it pending and works on B, which is lost to nothing either.
  await page.goto(await server.restart());
  await lab.ready();
  await expect(offered(page, 'Work A')).toHaveCount(1);
  const numbersB = await trained(lab, page, 'Work B', '3');
  expect(numbersB).not.toBe(numbersA);
  await copiedToDisk(server, ['Work B:done']);
  expect(copiesOnDisk(server)).toContainEqual(['Work A:done']);
  await server.crash();

  await page.goto(await server.restart());
  await lab.ready();
  // Newest first: B, then A.
  await expect(banner(page).getByRole('listitem')).toHaveCount(2);
  await expect(banner(page).getByRole('listitem').first()).toContainText('1 run · Work B');
  await expect(banner(page).getByRole('listitem').last()).toContainText('1 run · Work A');
  await lab.shot('13-recovery-two-copies');

  await offered(page, 'Work A').getByRole('button', { name: 'Restore' }).click();
  await expect(lab.runRows()).toHaveCount(1);
  await lab.waitStatus('Work A', 'Done', 5_000);
  await expect(valLoss(page, 'Work A')).toHaveText(numbersA);
  await expect(banner(page).getByRole('listitem')).toHaveCount(1);

  // Restoring B over unsaved A keeps A: its copy is offered again.
  await offered(page, 'Work B').getByRole('button', { name: 'Restore' }).click();
  await lab.waitStatus('Work B', 'Done', 5_000);
  await expect(lab.runRows()).toHaveCount(1);
  await expect(valLoss(page, 'Work B')).toHaveText(numbersB);
  await expect(banner(page).getByRole('listitem')).toHaveCount(1);
  await offered(page, 'Work A').getByRole('button', { name: 'Restore' }).click();
  await lab.waitStatus('Work A', 'Done', 5_000);
  await expect(valLoss(page, 'Work A')).toHaveText(numbersA);
  await expect(offered(page, 'Work B')).toHaveCount(1);
});

test('Discard on the recovery banner drops that copy and keeps the empty session', async ({ lab, page, server }) => {
  await lab.addRun({ Name: 'Throwaway', Samples: '400', Epochs: '2' });
  await copiedToDisk(server, ['Throwaway:idle']);
  await server.crash();
  await page.goto(await server.restart());
  await lab.ready();
  await expect(banner(page)).toContainText('1 run · Throwaway');
  await banner(page).getByRole('button', { name: 'Discard' }).click();
  await expect(banner(page)).toBeHidden();
  expect(copiesOnDisk(server)).toEqual([]);
  await expect(lab.runRows()).toHaveCount(0);
  await expect(page).toHaveTitle('Untitled — RNN Lab');
});

test('a recovery write that fails shows a lasting warning until a later write succeeds', async ({
  lab,
  page,
  server,
}) => {
  // A file where the recovery folder should be: every copy fails, as on a full disk or a read-only folder.
  const folder = join(server.dataDir, 'recovery');
  rmSync(folder, { recursive: true, force: true });
  writeFileSync(folder, 'in the way');
  await lab.addRun({ Name: 'Unprotected', Samples: '400', Epochs: '2' });
  const warning = page.getByRole('alert').filter({ hasText: 'NOT being backed up' });
  await expect(warning).toContainText('Unsaved work is NOT being backed up: a file stands where a folder should be', {
    timeout: 15_000,
  });
  await lab.shot('14-backup-warning');
  // Lasting: still there after another failed copy and a reload.
  await lab.addRun({ Name: 'Still unprotected', Samples: '400', Epochs: '2' });
  await page.reload();
  await lab.ready();
  await expect(warning).toBeVisible();

  rmSync(folder);
  await lab.addRun({ Name: 'Protected again', Samples: '400', Epochs: '2' });
  await expect(warning).toBeHidden({ timeout: 15_000 });
  await copiedToDisk(server, ['Unprotected:idle', 'Still unprotected:idle', 'Protected again:idle']);
});

test('Save as… writes a new file in the sessions folder and makes it the open session', async ({
  lab,
  page,
  server,
}) => {
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
  const names = (file: string) =>
    JSON.parse(readFileSync(join(server.sessionsDir, file), 'utf8')).runs.map((r: { name: string }) => r.name);
  expect(names('first.rnnlab')).toEqual(['Saved run']);
  expect(names('second.rnnlab')).toEqual(['Renamed run']);

  // Ctrl+S now goes to the new file; Save as… onto an existing name asks before replacing it.
  await lab.button('Save as…').click();
  await saveAs.getByLabel('File name').fill('first');
  await saveAs.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(saveAs.getByRole('alert')).toHaveText(
    'first.rnnlab already exists in the sessions folder. Replace it, or choose another name.',
  );
  expect(names('first.rnnlab')).toEqual(['Saved run']);
  await lab.shot('12-save-as-replace');
  await saveAs.getByRole('button', { name: 'Replace' }).click();
  await expect(saveAs).toBeHidden();
  await expect(page).toHaveTitle('first.rnnlab — RNN Lab');
  expect(names('first.rnnlab')).toEqual(['Renamed run']);
});

test('a session file dropped on the window opens; the title marks unsaved changes until saved', async ({
  lab,
  page,
  server,
}) => {
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
  await page.evaluate(
    ({ name, text }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: 'application/json' }));
      (window as unknown as { dropData: DataTransfer }).dropData = data;
      document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    { name: 'dropped.rnnlab', text },
  );
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
