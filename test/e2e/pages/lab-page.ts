import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export const SEED_RUNS = [
  'Embedding 10 · linear',
  'Embedding 4 · linear',
  'Embedding 1 · linear',
  'Embedding 1 · sigmoid RNN',
];

/** The RNN Lab page as a user sees it: buttons by name, runs by their labelled regions. */
export class LabPage {
  constructor(
    readonly page: Page,
    readonly url: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(this.url);
    await this.ready();
  }

  async ready(): Promise<void> {
    await expect(this.page.locator('[data-app-state="ready"]')).toBeVisible();
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  get panel(): Locator {
    return this.page.getByRole('complementary', { name: 'Experiment' });
  }

  async addSeedPreset(samples: number): Promise<void> {
    await this.panel.getByLabel('Samples').fill(String(samples));
    await this.button('Load preset seed').click();
    await expect(this.runRows()).toHaveCount(4);
  }

  /** Loads a preset ("Load preset cells"), each run with `samples` rows; waits for its runs in the panel. */
  async addPreset(name: string, samples: number, runs: number): Promise<void> {
    await this.panel.getByLabel('Samples per preset run').fill(String(samples));
    await this.button(`Load preset ${name}`).click();
    await expect(this.runRows()).toHaveCount(runs);
  }

  runRows(): Locator {
    return this.panel.getByRole('listitem');
  }

  runRow(name: string): Locator {
    return this.panel.getByRole('listitem', { name, exact: true });
  }

  /** The run's column on the comparison board. */
  column(name: string): Locator {
    return this.page.getByRole('group', { name: 'Comparison board' }).getByRole('region', { name, exact: true });
  }

  figure(column: Locator, title: string): Locator {
    return column.getByRole('figure', { name: new RegExp(`^${title} — `) });
  }

  /** A finished run's badge says its verdict ("Learned", "Did not learn"…), not "Done": 'Done' waits for the status. */
  async waitStatus(name: string, status: string, timeout = 90_000): Promise<void> {
    const row = this.runRow(name);
    const badge = status === 'Done' ? row.locator('[data-status="done"]') : row.getByText(status, { exact: true });
    await expect(badge).toBeVisible({ timeout });
  }

  async trainAllAndWait(names: readonly string[]): Promise<void> {
    await this.button('Train All').click();
    for (const name of names) await this.waitStatus(name, 'Done');
  }

  /** Opens "Add run", fills the given fields (by label) and submits; a valid run closes the dialog. */
  async addRun(fields: Record<string, string>, { valid = true } = {}): Promise<Locator> {
    await this.panel.getByRole('button', { name: 'Add run', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add run' });
    await expect(dialog).toBeVisible();
    for (const [label, value] of Object.entries(fields)) {
      const field = dialog.getByLabel(label, { exact: true });
      if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
      else await field.fill(value);
    }
    await dialog.getByRole('button', { name: 'Add run' }).click();
    if (valid) await expect(dialog).toBeHidden();
    return dialog;
  }

  async shot(name: string): Promise<void> {
    mkdirSync('/tmp/shots', { recursive: true });
    await this.page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: false });
  }
}
