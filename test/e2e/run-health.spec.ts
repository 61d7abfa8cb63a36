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
  // The same ReLU RNN from another seed learns part of the task.
  'Half learned': {
    'Embedding size': '1',
    'RNN activation': 'relu',
    'Learning rate': '0.5',
    'Training seed': '0',
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
    ['Half learned', 'Weak', 'val accuracy 0.85: above the baseline 0.76, below the threshold 0.99'],
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

  // WCAG AA for the badges' small text on both themes: at least 4.5:1 against what lies behind them.
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const badge of await page.locator('[data-verdict]').all()) {
      const [fg, bg] = await badge.evaluate(paintedColors);
      const verdict = await badge.getAttribute('data-verdict');
      expect(contrast(fg, bg), `${verdict} on ${scheme}: ${fg.join()} on ${bg.join()}`).toBeGreaterThanOrEqual(4.5);
    }
  }
});

/**
 * The badge's text and background colours as the page paints them, as opaque sRGB bytes: its background
 * and every translucent one behind it up to the first opaque ancestor, composited on a 1-pixel canvas.
 */
function paintedColors(el: Element): [number[], number[]] {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const paint = (colors: string[]) => {
    ctx.clearRect(0, 0, 1, 1);
    for (const color of colors) {
      ctx.fillStyle = color;
      ctx.fillRect(0, 0, 1, 1);
    }
    return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  };
  const layers: string[] = [];
  for (let node: Element | null = el; node; node = node.parentElement) {
    const bg = getComputedStyle(node).backgroundColor;
    layers.unshift(bg);
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = bg;
    ctx.fillRect(0, 0, 1, 1);
    if (ctx.getImageData(0, 0, 1, 1).data[3] === 255) break;
  }
  return [paint([...layers, getComputedStyle(el).color]), paint(layers)];
}

/** WCAG 2 contrast ratio of two sRGB colours (bytes). */
function contrast(a: number[], b: number[]): number {
  const luminance = (rgb: number[]) => {
    const [r, g, bl] = rgb.map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
