import { test, expect } from './fixtures.js';
import { SEED_RUNS } from './pages/lab-page.js';
import { readFileSync } from 'node:fs';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

test('save session, reload, open it again: the same numbers are visible', async ({ lab, page, server }) => {
  await lab.addSeedPreset(1000);
  await lab.trainAllAndWait(SEED_RUNS);
  const first = lab.column(SEED_RUNS[0]);
  const metric = (name: string) => lab.column(name).locator('[data-metric="val-loss"]');
  const before = await Promise.all(SEED_RUNS.map((n) => metric(n).textContent()));
  const probsBefore = await first
    .getByRole('region', { name: `Predictions — ${SEED_RUNS[0]}` })
    .getByRole('row')
    .allTextContents();
  await first.getByLabel(`Note for ${SEED_RUNS[0]}`).fill('a note that must survive');
  await first.getByLabel(`Note for ${SEED_RUNS[0]}`).blur();

  await lab.button('Save session').click();
  const save = page.getByRole('dialog', { name: 'Save session' });
  await save.getByLabel('File name').fill('e2e-session');
  await save.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page).toHaveTitle('e2e-session.rnnlab — RNN Lab');
  expect(readFileSync(`${server.sessionsDir}/e2e-session.rnnlab`).length).toBeGreaterThan(1000);

  await page.reload();
  await lab.ready();
  await lab.button('New session').click();
  await expect(page.getByText('No runs yet.')).toBeVisible();
  await expect(lab.column(SEED_RUNS[0])).toHaveCount(0);

  await lab.button('Open session').click();
  const open = page.getByRole('dialog', { name: 'Open session' });
  await open.getByRole('button', { name: /e2e-session\.rnnlab/ }).click();
  await expect(open).toBeHidden();
  await expect(page).toHaveTitle('e2e-session.rnnlab — RNN Lab');
  for (const [i, name] of SEED_RUNS.entries()) await expect(metric(name)).toHaveText(before[i]!);
  expect(
    await first
      .getByRole('region', { name: `Predictions — ${SEED_RUNS[0]}` })
      .getByRole('row')
      .allTextContents(),
  ).toEqual(probsBefore);
  await expect(first.getByLabel(`Note for ${SEED_RUNS[0]}`)).toHaveValue('a note that must survive');
  await lab.shot('07-reopened');

  // The page's own download and upload (session:serialize → session:openText) round-trip too.
  await lab.button('Open session').click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    open.getByRole('button', { name: 'Download current session' }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/\.rnnlab$/);
  const downloaded = await file.path();
  await open.getByRole('button', { name: 'Close' }).click();
  await lab.button('New session').click();
  await expect(page.getByText('No runs yet.')).toBeVisible();
  await lab.button('Open session').click();
  await open
    .getByLabel('Upload a .rnnlab file')
    .setInputFiles({ name: 'uploaded.rnnlab', mimeType: 'application/json', buffer: readFileSync(downloaded) });
  await expect(open).toBeHidden();
  for (const [i, name] of SEED_RUNS.entries()) await expect(metric(name)).toHaveText(before[i]!);
});

test('Export on a chart downloads a real PNG and an SVG', async ({ lab, page }) => {
  await lab.addRun({ Name: 'Export run', Samples: '400', Epochs: '2' });
  await lab.runRow('Export run').getByRole('button', { name: 'Train', exact: true }).click();
  await lab.waitStatus('Export run', 'Done');
  const figure = page.getByRole('figure', { name: 'Digit scores — Export run' });
  await expect(figure.locator('canvas').first()).toBeVisible();

  await figure.getByRole('button', { name: 'Export' }).click();
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    figure.getByRole('menuitem', { name: 'PNG', exact: true }).click(),
  ]);
  expect(png.suggestedFilename()).toBe('emb10-linear-digit-scores.png');
  const bytes = readFileSync(await png.path());
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  // IHDR width/height: 2× the on-screen chart (at least 520 px wide), plus the exported title band (30 px).
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const box = (await figure.getByRole('img').boundingBox())!;
  expect(width).toBe(Math.max(520, Math.round(box.width)) * 2);
  expect(height).toBe((Math.round(box.height) + 30) * 2);
  expect(bytes.length).toBeGreaterThan(2000);

  await figure.getByRole('button', { name: 'Export' }).click();
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    figure.getByRole('menuitem', { name: 'SVG', exact: true }).click(),
  ]);
  expect(svg.suggestedFilename()).toBe('emb10-linear-digit-scores.svg');
  const text = readFileSync(await svg.path(), 'utf8');
  expect(text).toMatch(/^<svg[\s>]/);
  expect(text).toContain('</svg>');
  expect(text).toMatch(/Digit scores (—|&#8212;|&mdash;) Export run/);
  expect((text.match(/<path/g) ?? []).length).toBeGreaterThan(10);

  const [sheet] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await lab.button('Export board').click();
      await page.getByRole('menuitem', { name: 'Board as PNG', exact: true }).click();
    })(),
  ]);
  const sheetBytes = readFileSync(await sheet.path());
  expect([...sheetBytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(sheetBytes.readUInt32BE(20)).toBeGreaterThan(1000);
});
