import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type LabServer } from './fixtures.js';

/**
 * A sweep survives the server being killed: the recovery copy holds its finished runs, Restore brings the
 * sweep back paused, and Resume trains only the runs that had not finished — the finished ones keep their
 * numbers exactly (a retrained run would get a new training time and new float noise in its history).
 *
 * Runs train in stacks (up to 40 a worker), so a small sweep finishes all at once. This one has more runs
 * than the workers take in one round, and is paused as it starts: the runs handed out finish, the rest wait,
 * and the kill lands on a sweep with both.
 */

interface SavedRun {
  id: string;
  name: string;
  status: string;
  trainSeconds?: number;
  history: unknown[];
  sweep?: { id: string };
}
interface SavedSession {
  runs: SavedRun[];
  sweeps: Array<{ id: string; state: string }>;
}

const NAME = 'crash sweep';
const TOTAL = 96;

/** Every readable recovery copy in the server's data folder. */
function recoveryCopies(server: LabServer): SavedSession[] {
  const dir = join(server.dataDir, 'recovery');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.rnnlab'))
    .flatMap((name) => {
      try {
        return [JSON.parse(readFileSync(join(dir, name), 'utf8')) as SavedSession];
      } catch {
        return []; // being written: the next poll reads it
      }
    });
}

const doneRuns = (session: SavedSession) => session.runs.filter((r) => r.sweep && r.status === 'done');

async function buildSweep(page: Page, panel: Locator): Promise<void> {
  await panel.getByRole('button', { name: 'New sweep…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New sweep' });
  const vary = async (label: string, values: string) => {
    await dialog.getByLabel('Field to vary').selectOption({ label });
    await dialog.getByRole('button', { name: 'Add field' }).click();
    await dialog.getByRole('textbox', { name: label, exact: true }).fill(values);
  };
  await vary('Embedding size', '1-8');
  await dialog.getByLabel('Field to vary').selectOption({ label: 'RNN activation' });
  await dialog.getByRole('button', { name: 'Add field' }).click();
  await dialog.getByRole('group', { name: 'RNN activation' }).getByRole('checkbox', { name: 'sigmoid' }).check();
  // Long enough (seconds a round) that Pause lands before the first round of stacks has finished.
  await vary('Sequence length', '30');
  await vary('Samples', '6000');
  await vary('Epochs', '2');
  await dialog.getByLabel('Training seeds').fill('0-5');
  await dialog.getByLabel('Name', { exact: true }).fill(NAME);
  await expect(dialog.getByText(`${TOTAL} runs`, { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Start sweep' }).click();
  await expect(dialog).toBeHidden();
}

test('killing the server mid-sweep, then Restore and Resume: finished runs are kept as they were, the rest train', async ({
  lab,
  page,
  server,
}) => {
  test.setTimeout(300_000);
  await buildSweep(page, lab.panel);
  const card = page.getByRole('region', { name: /^Sweeps/ }).getByRole('listitem', { name: `Sweep ${NAME}` });
  await card.getByRole('button', { name: `Pause ${NAME}` }).click();

  // Wait for a copy on disk with some runs finished and some not, then kill the server (as a crash would).
  let copy: SavedSession | undefined;
  await expect
    .poll(
      () => {
        copy = recoveryCopies(server).find(
          (s) => doneRuns(s).length >= 2 && doneRuns(s).length < TOTAL && s.sweeps[0]?.state === 'paused',
        );
        return copy !== undefined;
      },
      { timeout: 120_000, intervals: [100] },
    )
    .toBe(true);
  await server.crash();
  const before = new Map(doneRuns(copy!).map((r) => [r.id, r]));

  await page.goto(await server.restart());
  await lab.ready();
  const banner = page.getByRole('region', { name: 'Recovered work' });
  await banner.getByRole('button', { name: 'Restore' }).first().click();
  await expect(banner).toBeHidden();

  // Back paused, at least where the copy stopped (a later copy may hold more).
  await page.getByRole('tab', { name: /Runs/ }).click();
  await expect(card.getByText('Paused', { exact: true })).toBeVisible();
  const resumedAt = Number(await card.getByRole('progressbar').getAttribute('aria-valuenow'));
  expect(resumedAt).toBeGreaterThanOrEqual(before.size);
  expect(resumedAt).toBeLessThan(TOTAL);

  await card.getByRole('button', { name: `Resume ${NAME}` }).click();
  await expect(card.getByText('Done', { exact: true })).toBeVisible({ timeout: 240_000 });
  await expect(card.getByText(new RegExp(`^${TOTAL} / ${TOTAL} done`))).toBeVisible();

  await page.keyboard.press('Control+s');
  const save = page.getByRole('dialog', { name: 'Save session' });
  await save.getByLabel('File name').fill('after-crash');
  await save.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page).toHaveTitle('after-crash.rnnlab — RNN Lab');

  const saved = JSON.parse(readFileSync(join(server.sessionsDir, 'after-crash.rnnlab'), 'utf8')) as SavedSession;
  expect(saved.runs).toHaveLength(TOTAL);
  expect(saved.runs.every((r) => r.status === 'done')).toBe(true);
  expect(saved.sweeps.map((s) => s.state)).toEqual(['done']);
  for (const [id, run] of before) {
    const after = saved.runs.find((r) => r.id === id);
    // Not retrained: the same training time and the same history, number for number.
    expect([after?.trainSeconds, after?.history]).toEqual([run.trainSeconds, run.history]);
  }
});
