import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Session } from '../../shared/schemas/session.js';
import { LONGEST_NAME, extremeSessions } from '../unit/lab/fixtures/extreme-sessions.js';
import { expect, test } from './fixtures.js';
import type { LabPage } from './pages/lab-page.js';

/**
 * Whatever `rnn-lab validate` accepts, the app opens and draws: sessions at
 * every bound (a run with 1,000 predictions, 500 snapshots and 10,000
 * batch-loss points under the longest name; a session of 1,000 runs), built
 * from a session the real CLI trained.
 */
let dir: string;
let files: { full: string; many: string };

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rnn-lab-extreme-'));
  const base = join(dir, 'base.rnnlab');
  execFileSync(process.execPath, ['bin/rnn-lab.js', 'train', '--preset', 'seed', '--samples', '200', '--out', base], {
    stdio: 'pipe',
  });
  const trained = JSON.parse(readFileSync(base, 'utf8')) as Session;
  const fresh = {
    ...trained.runs[0],
    id: 'fresh',
    name: 'Fresh',
    status: 'idle' as const,
    history: [],
    batchLoss: [],
    predictions: [],
    snapshots: [],
  };
  for (const key of ['backend', 'summary', 'weights', 'digitScores', 'trainSeconds'] as const) delete fresh[key];
  const [full, many] = extremeSessions({ ...trained, runs: [...trained.runs, fresh] });
  files = { full: join(dir, 'full.rnnlab'), many: join(dir, 'many.rnnlab') };
  writeFileSync(files.full, JSON.stringify(full.session));
  writeFileSync(files.many, JSON.stringify(many.session));
  for (const file of Object.values(files))
    execFileSync(process.execPath, ['bin/rnn-lab.js', 'validate', file], { stdio: 'pipe' });
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Page errors from the first document on: none may occur. */
function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

async function upload(lab: LabPage, file: string): Promise<void> {
  await lab.button('Open session').click();
  const dialog = lab.page.getByRole('dialog', { name: 'Open session' });
  await dialog.getByLabel('Upload a .rnnlab file').setInputFiles(file);
  await expect(dialog).toBeHidden();
}

test('a run with every series at its bound and the longest name opens, draws and scrubs', async ({ lab, page }) => {
  const errors = recordErrors(page);
  await upload(lab, files.full);
  await expect(lab.runRows()).toHaveCount(5);
  const column = lab.column(LONGEST_NAME);
  for (const title of ['Loss and accuracy', 'Loss per batch', 'Digit scores']) {
    await expect(lab.figure(column, title).locator('canvas').first()).toBeVisible();
  }
  const panel = page.getByTestId('analysis-panel');
  const slider = panel.getByRole('slider', { name: 'Training time' });
  await slider.fill('200');
  await expect(panel.getByTestId('scrub-position')).toHaveText('100% of training');
  await expect(
    panel.getByRole('figure', { name: `Digit score timeline — ${LONGEST_NAME}` }).locator('canvas'),
  ).toBeVisible();
  await lab.button('Overlay').click();
  const overlay = page.getByRole('group', { name: 'Overlay of all runs' });
  await expect(overlay.getByRole('figure')).toHaveCount(2);
  await expect(overlay.locator('canvas').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('a session of 1,000 runs opens and lists every run', async ({ lab, page }) => {
  const errors = recordErrors(page);
  await upload(lab, files.many);
  await expect(lab.runRows()).toHaveCount(1000, { timeout: 60_000 });
  const last = lab.runRow(`${LONGEST_NAME.slice(0, 74)} 0999`);
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeVisible();
  expect(errors).toEqual([]);
});
