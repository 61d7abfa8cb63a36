import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

/**
 * A person builds a 24-run sweep in the builder (embedding 1,4 × activation linear,sigmoid × seeds 0-5, tiny
 * data so it trains in seconds on the real engine), watches it, pauses, resumes and lets it finish; then
 * cancels a second sweep. Screenshots of the builder and the progress in both themes and three sizes.
 */

const SHOTS = '/tmp/shots-sweeper';
const NAME = 'Embedding size × RNN activation × 6 seeds';

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  const html = page.locator('html');
  for (let i = 0; i < 3 && (await html.getAttribute('data-theme')) !== theme; i++)
    await page.getByRole('button', { name: /^Theme:/ }).click();
  await expect(html).toHaveAttribute('data-theme', theme);
}

/** Adds a field row in the builder and types (or ticks) its values. */
async function vary(dialog: Locator, label: string, values: string): Promise<void> {
  await dialog.getByLabel('Field to vary').selectOption({ label });
  await dialog.getByRole('button', { name: 'Add field' }).click();
  await dialog.getByRole('textbox', { name: label, exact: true }).fill(values);
}

/** Done + failed runs of the sweep, read off its progress bar. */
async function finishedOf(card: Locator): Promise<number> {
  return Number(await card.getByRole('progressbar').getAttribute('aria-valuenow'));
}

test('build a 24-run sweep, watch it, pause, resume, finish; cancel another', async ({ lab, page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await lab.panel.getByRole('button', { name: 'New sweep…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New sweep' });
  await expect(dialog).toBeVisible();
  const start = dialog.getByRole('button', { name: 'Start sweep' });

  await vary(dialog, 'Embedding size', '1,4');
  // Choice fields are ticked: the row starts with the base's value (linear).
  await dialog.getByLabel('Field to vary').selectOption({ label: 'RNN activation' });
  await dialog.getByRole('button', { name: 'Add field' }).click();
  const activation = dialog.getByRole('group', { name: 'RNN activation' });
  await expect(activation.getByRole('checkbox', { name: 'linear' })).toBeChecked();
  await activation.getByRole('checkbox', { name: 'sigmoid' }).check();
  await vary(dialog, 'Samples', '20000');
  await vary(dialog, 'Epochs', '2');

  // A bad value: its one-line error under the field, and Start off with the reason.
  await dialog.getByLabel('Training seeds').fill('5-0');
  await expect(dialog.getByText('"5-0" is not a range', { exact: false })).toHaveCount(2);
  await expect(start).toBeDisabled();
  await expect(dialog.getByText(/^Cannot start: /)).toBeVisible();
  await dialog.getByLabel('Training seeds').fill('0-5');
  await expect(start).toBeEnabled();
  await expect(dialog.getByText('24 runs', { exact: true })).toBeVisible();
  await expect(dialog.getByText(/^· (about \d|≈ \d)/)).toBeVisible();
  await expect(dialog.getByText(/no run of this session has finished yet/)).toBeVisible();
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveAttribute('placeholder', NAME);

  // The builder in both themes and three sizes; its buttons stay on screen. The modal makes the page inert,
  // so the theme is set the way the app applies it: the root's data-theme, which the CSS reads.
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    for (const [w, h] of [
      [1024, 768],
      [1280, 800],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await expect(start).toBeInViewport({ ratio: 1 });
      await expect(dialog.getByRole('button', { name: 'Cancel', exact: true })).toBeInViewport({ ratio: 1 });
      await shoot(page, `builder-${w}-${theme}`);
    }
  }
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
  await page.setViewportSize({ width: 1280, height: 800 });

  await start.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('tab', { name: /Runs/ })).toHaveAttribute('aria-selected', 'true');
  const card = page.getByRole('region', { name: /^Sweeps/ }).getByRole('listitem', { name: `Sweep ${NAME}` });
  await expect(card.getByRole('progressbar')).toHaveAttribute('aria-valuemax', '24');

  // Pause while runs train: those in flight finish, no new one starts. (Where the lab trains runs in stacks,
  // all 24 may be in flight at once, so the count held may be the total.)
  await expect(card.getByText(/\d+ training/)).toBeVisible();
  await card.getByRole('button', { name: `Pause ${NAME}` }).click();
  await expect(card.getByText('Paused', { exact: true })).toBeVisible();
  await expect(card.getByText(/training/)).toHaveCount(0, { timeout: 60_000 });
  const paused = await finishedOf(card);
  const panelEntry = lab.panel.getByRole('listitem', { name: `Sweep ${NAME}` });
  await expect(panelEntry.getByRole('button', { name: `Resume ${NAME}` })).toBeVisible();
  // Long enough for a run of this size to have started and ended, had one been started.
  await page.waitForTimeout(2_000);
  expect(await finishedOf(card)).toBe(paused);
  await expect(card.getByText(/training/)).toHaveCount(0);
  await expect(card.getByText('Paused', { exact: true })).toBeVisible();

  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    for (const [w, h] of [
      [1280, 800],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
      await shoot(page, `progress-paused-${w}-${theme}`);
    }
  }
  await setTheme(page, 'light');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Resume from the panel's compact entry; the sweep finishes with every run done.
  await panelEntry.getByRole('button', { name: `Resume ${NAME}` }).click();
  await expect(card.getByText('Done', { exact: true })).toBeVisible({ timeout: 180_000 });
  expect(await finishedOf(card)).toBeGreaterThanOrEqual(paused);
  await expect(card.getByText(/^24 \/ 24 done/)).toBeVisible();
  await expect(card.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '24');
  await expect(panelEntry.getByText(/^24 \/ 24 done/)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `Sweep ${NAME} finished: 24 of 24 done` })).toHaveCount(1);
  // "Show in table" groups the table by what the sweep varies: its groups over seeds.
  await card.getByRole('button', { name: 'Show in table' }).click();
  await expect(page.getByLabel('Group by', { exact: true })).toHaveValue('model.embeddingDim');
  await expect(page.getByLabel('Then group by')).toHaveValue('model.rnnActivation');
  await shoot(page, 'progress-done-1280-light');

  // The panel lists the sweep's runs only when opened.
  await expect(panelEntry.getByRole('listitem')).toHaveCount(0);
  await panelEntry.getByRole('button', { name: new RegExp(`^${NAME}`), expanded: false }).click();
  await expect(panelEntry.getByRole('listitem')).toHaveCount(24);
  await expect(panelEntry.getByRole('listitem', { name: 'E1 · linear · s0', exact: true })).toBeVisible();
  await panelEntry.getByRole('button', { name: new RegExp(`^${NAME}`), expanded: true }).click();
  await expect(panelEntry.getByRole('listitem')).toHaveCount(0);

  // The estimate now rests on the finished runs.
  await lab.panel.getByRole('button', { name: 'New sweep…' }).click();
  await vary(dialog, 'Embedding size', '2,3');
  await vary(dialog, 'Samples', '50000');
  await dialog.getByLabel('Training seeds').fill('0-9');
  await dialog.getByLabel('Name', { exact: true }).fill('to cancel');
  await expect(dialog.getByText('20 runs', { exact: true })).toBeVisible();
  await expect(dialog.getByText(/from 24 finished runs of this session/)).toBeVisible();
  // The page is busy while 20 runs stream their progress: clicks do not wait for it to settle, the
  // expectations after them do.
  await dialog.getByRole('button', { name: 'Start sweep' }).click({ noWaitAfter: true });
  // Cancel from the panel's entry, on the Compare tab (see the report: the Runs tab's table and group views
  // keep the page busy while 20 large runs train).
  await page.getByRole('tab', { name: /Compare/ }).click({ noWaitAfter: true });
  const second = lab.panel.getByRole('listitem', { name: 'Sweep to cancel' });
  await expect(second.getByText('Running', { exact: true })).toBeVisible();
  await second.getByRole('button', { name: 'Cancel to cancel' }).click({ noWaitAfter: true });
  const ask = page.getByRole('dialog', { name: 'Cancel sweep?' });
  await ask.getByRole('button', { name: 'Keep training' }).click({ noWaitAfter: true });
  await expect(ask).toBeHidden();
  await expect(second.getByText('Running', { exact: true })).toBeVisible();
  await second.getByRole('button', { name: 'Cancel to cancel' }).click({ noWaitAfter: true });
  await ask.getByRole('button', { name: 'Cancel sweep' }).click({ noWaitAfter: true });
  await expect(second.getByText('Cancelled', { exact: true })).toBeVisible();
  await expect(second.getByText(/training/)).toHaveCount(0, { timeout: 60_000 });
  expect(await finishedOf(second)).toBeLessThan(20);
  await expect(second.getByRole('button', { name: 'Resume to cancel' })).toBeVisible();
  await page.getByRole('tab', { name: /Runs/ }).click();
  const secondCard = page.getByRole('region', { name: /^Sweeps/ }).getByRole('listitem', { name: 'Sweep to cancel' });
  await expect(secondCard.getByText('Cancelled', { exact: true })).toBeVisible();
  await shoot(page, 'progress-cancelled-1280-light');

  // The board says what it compares (the Compare tab's line), and the page does not scroll sideways.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('tab', { name: /Compare/ }).click();
  await expect(page.getByText('4 of 44 runs')).toBeVisible();
  await expect(page.getByRole('button', { name: 'choose in the Runs table' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
  await shoot(page, 'compare-1440-light');
});

// Four columns beside the 300-px panel leave each about 265 px: every card's content must stay inside it.
test('four board columns fit 1440 px without sideways scrolling', async ({ lab, page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await lab.addSeedPreset(200);
  await lab.trainAllAndWait(['Embedding 10 · linear', 'Embedding 4 · linear', 'Embedding 1 · linear']);
  const board = page.locator('.scroller');
  await lab.waitStatus('Embedding 1 · sigmoid RNN', 'Done');
  const widths = await board.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  await page.screenshot({ path: '/tmp/shots-lead/board-1440.png' });
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
});
