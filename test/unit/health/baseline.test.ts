import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../../electron/engine/index.js';
import { SEED_TASK } from '../../../shared/presets.js';
import type { TaskConfig } from '../../../shared/schemas/run-config.js';
import { majorityBaseline, validationLabels } from '../../../shared/validation-baseline.js';

/** The engine's own validation labels: the rows after the split of the data set it trains on. */
function engineValidationLabels(task: TaskConfig): Uint8Array {
  const data = makeDataset(task);
  return data.labels.slice(data.trainSize);
}

const share = (labels: Uint8Array) => {
  const ones = labels.reduce((s, l) => s + l, 0);
  return Math.max(ones, labels.length - ones) / labels.length;
};

const TASKS: [string, TaskConfig][] = [
  ['the seed task', SEED_TASK],
  ['contains, another seed and split', { ...SEED_TASK, samples: 3001, validationSplit: 0.3, dataSeed: 99 }],
  ['parity over 5 digits', { ...SEED_TASK, kind: 'parity', sequenceLength: 5, samples: 2000, dataSeed: 4 }],
  [
    'order, vocabulary 6',
    { ...SEED_TASK, kind: 'order', vocabularySize: 6, targetDigit: 2, otherDigit: 5, samples: 1500 },
  ],
  ['same-ends, length 4', { ...SEED_TASK, kind: 'same-ends', sequenceLength: 4, samples: 1200, dataSeed: 8 }],
  ['balanced contains, odd size', { ...SEED_TASK, balanced: true, samples: 2001, dataSeed: 12 }],
  ['balanced order', { ...SEED_TASK, kind: 'order', balanced: true, targetDigit: 1, otherDigit: 2, samples: 999 }],
];

describe('majority-class baseline', () => {
  it.each(TASKS)('%s: the validation labels are the engine’s, label for label', (_, task) => {
    const engine = engineValidationLabels(task);
    expect(validationLabels(task)).toEqual(engine);
    expect(majorityBaseline(task)).toBe(share(engine));
  });

  it('is the split’s exact share for the seed task, 0.758, not the 0.729 of the probability 0.9³', () => {
    // A 4 in 3 digits: 1 − 0.9³ ≈ 0.271 of all rows are positive; this split's 2000 rows hold 484 of them.
    const b = majorityBaseline(SEED_TASK);
    expect(b).toBe(1516 / 2000);
    // The exact share of this split, not the probability: it moves with the data seed.
    expect(b).not.toBe(majorityBaseline({ ...SEED_TASK, dataSeed: SEED_TASK.dataSeed + 1 }));
  });

  it('is near one half on balanced data, exactly the shuffle’s split', () => {
    const task = { ...SEED_TASK, balanced: true, samples: 4000 };
    const b = majorityBaseline(task);
    expect(b).toBeGreaterThanOrEqual(0.5);
    expect(b).toBeLessThan(0.55);
    expect(b).toBe(share(engineValidationLabels(task)));
  });
});
