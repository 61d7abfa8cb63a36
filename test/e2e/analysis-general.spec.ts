import { test, expect } from './fixtures.js';

const NAME = 'Seven · 2 units tanh';

test('analysis: a custom task (target 7, length 5, vocabulary 8, 2 tanh units) works in every view', async ({
  lab,
  page,
}) => {
  await lab.addRun({
    Name: NAME,
    'Target digit': '7',
    'Sequence length': '5',
    'Vocabulary size': '8',
    'RNN units': '2',
    'RNN activation': 'tanh',
    'Output activation': 'sigmoid',
    'Embedding size': '4',
    Samples: '2000',
    Epochs: '3',
    'Snapshot every K batches': '50',
  });
  await lab.runRow(NAME).getByRole('button', { name: 'Train', exact: true }).click();
  await lab.waitStatus(NAME, 'Done');
  const panel = page.getByTestId('analysis-panel');

  // Trace a sequence the run has a stored engine prediction for: the analysis reads the model as the engine does.
  const firstInput = (await lab
    .column(NAME)
    .getByRole('region', { name: `Predictions — ${NAME}` })
    .locator('tbody tr td')
    .first()
    .textContent())!.trim();
  const digits = firstInput.match(/\d+/g)!;
  expect(digits).toHaveLength(5);
  await panel.getByRole('textbox', { name: 'Sequence', exact: true }).fill(digits.join(','));
  await panel.getByRole('button', { name: 'Trace', exact: true }).click();
  const trace = panel.getByRole('article', { name: `Trace — ${NAME}` });
  await expect(trace.getByRole('table', { name: `Steps — ${NAME}` }).locator('tbody tr')).toHaveCount(5);
  const ours = Number(await trace.getByTestId('final-probability').textContent());
  const engine = Number(
    (await trace.getByText(/engine predicted/).textContent())!.match(/engine predicted ([\d.e-]+)/)![1],
  );
  expect(Math.abs(ours - engine)).toBeLessThan(1e-4);
  await expect(trace.getByTestId('unit-note')).toContainText('unit 0 of 2');
  // Units > 1: U as a heatmap, no 1-D map; a linear waterfall only for linear RNNs.
  await expect(
    trace
      .getByRole('figure', { name: `U heatmap — ${NAME}` })
      .locator('canvas')
      .first(),
  ).toBeVisible();
  await expect(trace.getByRole('figure', { name: `1-D map — ${NAME}` })).toHaveCount(0);
  await expect(trace.getByRole('figure', { name: `Waterfall — ${NAME}` })).toHaveCount(0);
  // Digit 8 is outside this vocabulary.
  await panel.getByRole('textbox', { name: 'Sequence', exact: true }).fill('7,8');
  await panel.getByRole('button', { name: 'Trace', exact: true }).click();
  await expect(trace.getByRole('alert')).toContainText('outside the vocabulary 0…7');
  await panel.getByRole('textbox', { name: 'Sequence', exact: true }).fill('1,2,7,3,0');
  await panel.getByRole('button', { name: 'Trace', exact: true }).click();
  await expect(trace.locator('tbody tr.target')).toHaveCount(1);

  // Every input: 8^5 = 32,768, grouped by how many 7s an input holds (0…5).
  const every = panel.getByRole('article', { name: `Every input — ${NAME}` });
  await expect(every).toContainText('of 32,768 inputs right');
  await expect(every.locator('table').first().locator('tbody tr')).toHaveCount(6);
  await expect(every.locator('table').first().locator('tbody tr').first()).toContainText('16807'); // 7^5 inputs without a 7

  // Length chart, with the trained length 5 marked, and a row for the run.
  await expect(
    panel.getByRole('figure', { name: 'Accuracy vs sequence length' }).locator('canvas').first(),
  ).toBeVisible();
  await expect(panel.getByRole('table', { name: 'Accuracy at the longest length' }).locator('tbody tr')).toContainText(
    NAME,
  );

  // Timeline: snapshots every 50 batches; the scrubber moves the frame; U heatmap at the scrubber.
  const slider = panel.getByRole('slider', { name: 'Training time' });
  await slider.fill('0');
  await expect(panel.getByTestId('frame-label')).toContainText('epoch 0, batch 0 (step 0)');
  await slider.fill('100');
  await expect(panel.getByTestId('frame-label')).not.toContainText('(step 0)');
  await slider.fill('200');
  await expect(panel.getByTestId('frame-label')).toContainText('epoch 3');
  await expect(
    panel
      .getByRole('figure', { name: `Digit score timeline — ${NAME}` })
      .locator('canvas')
      .first(),
  ).toBeVisible();
  await expect(
    panel
      .getByRole('figure', { name: `U heatmap at scrubber — ${NAME}` })
      .locator('canvas')
      .first(),
  ).toBeVisible();

  // The board's own charts for this run draw too.
  for (const title of ['Embedding', 'W, U and b', 'Digit scores']) {
    await expect(lab.figure(lab.column(NAME), title).locator('canvas').first()).toBeVisible();
  }
  await lab.figure(lab.column(NAME), 'Embedding').scrollIntoViewIfNeeded();
  await lab.shot('analysis-general-board');
  await trace.scrollIntoViewIfNeeded();
  await lab.shot('analysis-general-trace');
  const timelineSection = panel.getByRole('region', { name: 'Training timeline' });
  await slider.fill('120');
  await timelineSection.scrollIntoViewIfNeeded();
  await lab.shot('analysis-general-timeline');
  await timelineSection.locator('.scrubber').screenshot({ path: '/tmp/shots/analysis-scrubber-light.png' });

  // Dark theme: the same views, for a look at contrast.
  await page.getByRole('button', { name: /^Theme:/ }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await timelineSection.scrollIntoViewIfNeeded();
  await lab.shot('analysis-general-timeline-dark');
  await timelineSection.locator('.scrubber').screenshot({ path: '/tmp/shots/analysis-scrubber-dark.png' });
  await trace.scrollIntoViewIfNeeded();
  await lab.shot('analysis-general-trace-dark');
});
