import { describe, expect, it } from 'vitest';
import { datasetRows, makeDataset } from '../../../electron/engine/index.js';
import { SEED_TASK } from '../../../shared/presets.js';

describe('makeDataset', () => {
  it('is deterministic for one data seed and differs across seeds', () => {
    const a = makeDataset(SEED_TASK);
    const b = makeDataset(SEED_TASK);
    const c = makeDataset({ ...SEED_TASK, dataSeed: 2 });
    expect(a.xs).toEqual(b.xs);
    expect(a.labels).toEqual(b.labels);
    expect(a.xs).not.toEqual(c.xs);
  });

  it('labels a row 1 exactly when the target digit occurs, digits in range', () => {
    const task = { ...SEED_TASK, samples: 3000, sequenceLength: 5, vocabularySize: 7, targetDigit: 6 };
    const data = makeDataset(task);
    const rows = datasetRows(data, 0, data.size);
    expect(rows).toHaveLength(3000);
    rows.forEach((row, i) => {
      expect(row).toHaveLength(5);
      expect(row.every((d) => Number.isInteger(d) && d >= 0 && d < 7)).toBe(true);
      expect(data.labels[i]).toBe(row.includes(6) ? 1 : 0);
    });
    // Every digit value shows up (the generator is not stuck on a subset).
    expect(new Set(rows.flat()).size).toBe(7);
  });

  it('has the expected share of positives (1 - 0.9^3 for the seed task)', () => {
    const data = makeDataset(SEED_TASK);
    const positives = data.labels.reduce((sum, y) => sum + y, 0) / data.size;
    expect(positives).toBeGreaterThan(0.25);
    expect(positives).toBeLessThan(0.295);
  });

  it('splits like Keras: the last validationSplit of the rows validate', () => {
    expect(makeDataset(SEED_TASK)).toMatchObject({ size: 10_000, trainSize: 8000, validationSize: 2000 });
    expect(makeDataset({ ...SEED_TASK, samples: 2001 })).toMatchObject({ trainSize: 1600, validationSize: 401 });
  });
});
