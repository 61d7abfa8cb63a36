import { test, expect } from './fixtures.js';

test('analysis: every input and accuracy vs length come from the analysis worker, not a main-thread fallback', async ({
  lab,
  page,
}) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
  });
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await lab.addRun({ Name: 'W', Samples: '1000', Epochs: '1' });
  await lab.runRow('W').getByRole('button', { name: 'Train', exact: true }).click();
  await lab.waitStatus('W', 'Done');
  const panel = page.getByTestId('analysis-panel');
  await expect(panel.getByTestId('exhaustive-accuracy')).toHaveCount(1);
  await expect(panel.getByTestId('exhaustive-accuracy')).toContainText('%');
  await expect(panel.getByRole('table', { name: 'Accuracy at the longest length' }).locator('tbody tr')).toContainText(
    '%',
  );
  await expect(panel.getByTestId('lengths-computing')).toHaveCount(0);
  expect(
    workers.some((u) => /analysis\.worker.*\.js/.test(u)),
    `workers started: ${workers.join(', ') || 'none'}`,
  ).toBe(true);
  expect(warnings.filter((w) => w.includes('analysis worker failed'))).toEqual([]);
});
