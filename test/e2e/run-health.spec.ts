import { mkdirSync } from 'node:fs';
import { test, expect } from './fixtures.js';

const SHOTS = '/tmp/shots-health';

/** Every field that decides how training ends, so each run ends the same way on every machine. */
const common = { Samples: '2000', 'Data seed': '1', 'Batch size': '8', 'Sequence length': '3', 'Target digit': '4' };
const RUNS = {
  // The seed's Embedding 10 · linear: val accuracy 1.
  Learns: {
    'Embedding size': '10',
    'RNN activation': 'linear',
    'Learning rate': '0.02',
    'Training seed': '7',
    Epochs: '3',
  },
  // A ReLU unit that dies in the first epoch: h(t) = 0 for every input, so p = σ(0) = 0.5.
  'Dead ReLU': {
    'Embedding size': '1',
    'RNN activation': 'relu',
    'Learning rate': '0.1',
    'Training seed': '1',
    Epochs: '2',
  },
  // σ(h) with h ∈ (0, 1) is always above 0.5: every row is called positive, 0.24 of them are.
  'Sigmoid twice': {
    'Embedding size': '1',
    'RNN activation': 'sigmoid',
    'Learning rate': '0.03',
    'Training seed': '7',
    Epochs: '2',
  },
};

test('finished runs are badged by what they learned, with the reason and the baseline beside accuracy', async ({
  lab,
  page,
}) => {
  for (const [name, fields] of Object.entries(RUNS)) {
    await lab.addRun({ Name: name, ...common, ...fields, 'Output activation': 'sigmoid', 'RNN units': '1' });
  }
  // tfjs layers' float32 state overflows in the first epoch: a linear RNN at lr 1 over 60 binary digits.
  await lab.addRun({
    Name: 'Overflows',
    Task: 'parity',
    'Sequence length': '60',
    'Vocabulary size': '2',
    'Target digit': '1',
    Samples: '300',
    'Data seed': '1',
    'Embedding size': '4',
    'RNN units': '4',
    Readout: 'dense',
    'RNN activation': 'linear',
    'Learning rate': '1',
    'Batch size': '2',
    Epochs: '4',
    'Training seed': '0',
    Engine: 'reference',
  });
  await lab.button('Train All').click();
  for (const name of Object.keys(RUNS)) await lab.waitStatus(name, 'Done');
  await expect(lab.runRow('Overflows').locator('[data-verdict="diverged"]')).toBeVisible({ timeout: 90_000 });

  const expected = [
    ['Learns', 'Learned', 'val accuracy 1.00: at or above the threshold 0.99 (baseline 0.76)'],
    ['Dead ReLU', 'Did not learn', 'predicts 0.50 for every input: all hidden states are 0 — a dead ReLU'],
    ['Sigmoid twice', 'Did not learn', 'val accuracy 0.24, below the majority-class baseline 0.76'],
    ['Overflows', 'Diverged', 'the loss or the weights became NaN or infinite during epoch 1'],
  ] as const;
  for (const [name, label, reason] of expected) {
    for (const where of [lab.runRow(name), lab.column(name)]) {
      const badge = where.locator('[data-verdict]');
      // Words, not colour alone; the reason on hover (title) and in the badge's text for screen readers.
      await expect(badge).toContainText(`${label}: ${reason}`);
      await expect(badge).toHaveAttribute('title', reason);
      // What shows: the verdict's words (the glyph and the screen-reader text aside).
      await expect(badge).toBeVisible();
      const shown = await badge.evaluate((el) =>
        [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent),
      );
      expect(shown.join('').trim()).toBe(label);
    }
  }
  // Accuracy beside the majority-class baseline of the same 400 validation rows.
  await expect(lab.column('Sigmoid twice').getByTestId('accuracy-vs-baseline')).toContainText(
    'val acc 24.25% · baseline 75.75%',
  );
  await expect(lab.runRow('Learns')).toContainText('val acc 100.00% · baseline 75.75%');
  // A collapse says more than the two numbers: the column shows it; an accuracy-only reason is not repeated.
  await expect(lab.column('Dead ReLU').getByTestId('health-reason')).toHaveText(
    'predicts 0.50 for every input: all hidden states are 0 — a dead ReLU',
  );
  await expect(lab.column('Sigmoid twice').getByTestId('health-reason')).toHaveCount(0);

  mkdirSync(SHOTS, { recursive: true });
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ]) {
    await page.setViewportSize({ width, height });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${SHOTS}/health-${width}-${scheme}.png`, timeout: 60_000 });
    }
  }
});
