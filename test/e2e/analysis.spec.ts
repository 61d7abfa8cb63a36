import { test, expect } from './fixtures.js';
import { SEED_RUNS } from './pages/lab-page.js';

test('analysis: trace a sequence, accuracy vs length for all runs, one scrubber over training', async ({
  lab,
  page,
}) => {
  await lab.addSeedPreset(1000);
  await lab.trainAllAndWait(SEED_RUNS);
  const panel = page.getByTestId('analysis-panel');
  await expect(panel).toBeVisible();

  // Trace: one article per run, three steps each, a waterfall for the three linear runs only.
  await panel.getByRole('textbox', { name: 'Sequence', exact: true }).fill('5,8,4');
  await panel.getByRole('button', { name: 'Trace', exact: true }).click();
  for (const name of SEED_RUNS) {
    const article = panel.getByRole('article', { name: `Trace — ${name}` });
    await expect(article.getByRole('table', { name: `Steps — ${name}` }).locator('tbody tr')).toHaveCount(3);
    const p = Number(await article.getByTestId('final-probability').textContent());
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
    await expect(article.getByRole('figure', { name: `1-D map — ${name}` }).locator('canvas')).toBeVisible();
  }
  await expect(panel.getByRole('figure', { name: /^Waterfall — / })).toHaveCount(3);
  // The saturating run learns the task even on 1,000 rows (val acc 100%): [5,8,4] holds a 4.
  const sig = panel.getByRole('article', { name: 'Trace — Embedding 1 · sigmoid RNN' });
  expect(Number(await sig.getByTestId('final-probability').textContent())).toBeGreaterThan(0.5);
  await panel.getByRole('textbox', { name: 'Sequence', exact: true }).fill('5,8,x');
  await panel.getByRole('button', { name: 'Trace', exact: true }).click();
  await expect(panel.getByRole('alert').first()).toContainText('"x" is not a digit');
  await panel.getByRole('textbox', { name: 'Sequence', exact: true }).fill('0,1,2,3,4,5,6,7');
  await panel.getByRole('button', { name: 'Trace', exact: true }).click();
  await expect(panel.getByRole('table', { name: 'Steps — Embedding 1 · sigmoid RNN' }).locator('tbody tr')).toHaveCount(
    8,
  );

  // Every input: 1,000 inputs per run.
  await expect(panel.getByTestId('exhaustive-accuracy')).toHaveCount(4);

  // Accuracy vs sequence length: one chart for all runs, a row per run at the longest length.
  const lengths = panel.getByRole('figure', { name: 'Accuracy vs sequence length' });
  await expect(lengths.locator('canvas')).toBeVisible();
  const rows = panel.getByRole('table', { name: 'Accuracy at the longest length' }).locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.first()).toContainText('%');

  // Timeline: one slider drives every run; the start is the initial weights, the end the last snapshot.
  const slider = panel.getByRole('slider', { name: 'Training time' });
  await slider.fill('0');
  const labels = panel.getByTestId('frame-label');
  await expect(labels).toHaveCount(4);
  for (const l of await labels.all()) await expect(l).toContainText('epoch 0');
  await slider.fill('200');
  for (const l of await labels.all()) await expect(l).toContainText('epoch 4');
  await slider.fill('0');
  await panel.getByRole('button', { name: 'Play' }).click();
  await expect(panel.getByTestId('scrub-position')).not.toHaveText('0% of training');
  await expect(panel.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 30_000 }); // stops at the end
  await expect(panel.getByTestId('scrub-position')).toHaveText('100% of training');
  await expect(panel.getByRole('figure', { name: /^Digit score timeline — / })).toHaveCount(4);
  await lab.shot('analysis');
  await panel.getByRole('figure', { name: 'Digit score timeline — Embedding 1 · linear' }).scrollIntoViewIfNeeded();
  await lab.shot('analysis-timeline-seed');
  await panel.getByRole('textbox', { name: 'Sequence', exact: true }).fill('4,1,2,3,5,6');
  await panel.getByRole('button', { name: 'Trace', exact: true }).click();
  await panel.getByRole('figure', { name: '1-D map — Embedding 1 · sigmoid RNN' }).scrollIntoViewIfNeeded();
  await lab.shot('analysis-one-d-map');
});
