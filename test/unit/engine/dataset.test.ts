import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { datasetRows, makeDataset, type Dataset } from '../../../electron/engine/index.js';
import { SEED_TASK } from '../../../shared/presets.js';
import type { TaskConfig } from '../../../shared/schemas/run-config.js';
import { labelOf } from '../../../shared/task-rule.js';
import { TASK_KINDS, type TaskKind } from '../../../shared/tasks.js';

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

  it("is bit-identical to the data set the seed preset's numbers were trained on", () => {
    const data = makeDataset(SEED_TASK);
    const digest = createHash('sha256').update(data.xs).update(data.labels).digest('hex');
    expect(digest).toBe('c016fdf2d19508eac672f4790245073d15a29209e01fd325acf52ca5280302a3');
    expect(Array.from(data.xs.subarray(0, 12))).toEqual([6, 0, 5, 9, 9, 2, 6, 7, 4, 9, 4, 4]);
    expect(data.labels.reduce((sum, y) => sum + y, 0)).toBe(2628);
  });

  it('splits like Keras: the last validationSplit of the rows validate', () => {
    expect(makeDataset(SEED_TASK)).toMatchObject({ size: 10_000, trainSize: 8000, validationSize: 2000 });
    expect(makeDataset({ ...SEED_TASK, samples: 2001 })).toMatchObject({ trainSize: 1600, validationSize: 401 });
  });
});

const balanced = (overrides: Partial<TaskConfig>): TaskConfig => ({ ...SEED_TASK, balanced: true, ...overrides });
const positives = (data: Dataset) => data.labels.reduce((sum, y) => sum + y, 0);
const rowsOf = (data: Dataset, label: 0 | 1) =>
  datasetRows(data, 0, data.size).filter((_, i) => data.labels[i] === label);

/** Every row of `length` digits from 0..vocab−1, in counting order. */
function allRows(vocab: number, length: number): number[][] {
  return Array.from({ length: vocab ** length }, (_, n) =>
    Array.from({ length }, (_, t) => Math.floor(n / vocab ** (length - 1 - t)) % vocab),
  );
}

/** Each task on 3 digits of length 4, the target 0 and (order) the other digit 1. */
const smallTask = (kind: TaskKind) =>
  balanced({ kind, vocabularySize: 3, sequenceLength: 4, targetDigit: 0, otherDigit: 1, samples: 20_000 });

describe('makeDataset, balanced', () => {
  it.each([[10_000], [2_001], [20]])('n = %i: exactly ⌈n/2⌉ rows are positive, every label by the task rule', (n) => {
    for (const kind of TASK_KINDS) {
      const task = balanced({ kind, samples: n, sequenceLength: 6 });
      const data = makeDataset(task);
      expect(positives(data), kind).toBe(Math.ceil(n / 2));
      const rows = datasetRows(data, 0, data.size);
      rows.forEach((row, i) => expect(data.labels[i]).toBe(labelOf(row, task)));
    }
  });

  it('shuffles the labels by the data seed: both classes in the training and in the validation rows', () => {
    const data = makeDataset(balanced({ samples: 1000 }));
    const trainPositives = data.labels.subarray(0, data.trainSize).reduce((sum, y) => sum + y, 0);
    // Binomial(800, 1/2) around 400: 5 standard deviations (≈ 71) either side.
    expect(Math.abs(trainPositives - 400)).toBeLessThan(71);
    // Not in blocks: the label changes often from one row to the next (about half the time).
    const changes = data.labels.slice(1).filter((y, i) => y !== data.labels[i]).length;
    expect(Math.abs(changes - 500)).toBeLessThan(80);
  });

  it.each(TASK_KINDS)('%s: every row of a class is drawn equally often (uniform within its label)', (kind) => {
    const task = smallTask(kind);
    const data = makeDataset(task);
    const counts = new Map<string, number>();
    for (const row of datasetRows(data, 0, data.size)) counts.set(row.join(''), (counts.get(row.join('')) ?? 0) + 1);
    for (const label of [0, 1] as const) {
      const members = allRows(3, 4).filter((row) => labelOf(row, task) === label);
      const drawn = label === 1 ? positives(data) : data.size - positives(data);
      const expected = drawn / members.length;
      const sd = Math.sqrt(expected * (1 - 1 / members.length));
      for (const row of members) {
        expect(Math.abs((counts.get(row.join('')) ?? 0) - expected), `${kind} ${row.join('')}`).toBeLessThan(5 * sd);
      }
    }
  });

  it('contains: negative rows use the 9 other digits evenly; positives hold the 4 as uniform sampling predicts', () => {
    const data = makeDataset(balanced({ samples: 20_000 }));
    const negatives = rowsOf(data, 0).flat();
    expect(negatives).not.toContain(4);
    // 30,000 digits over 9 values: 3,333 each, standard deviation ≈ 54.
    for (let d = 0; d < 10; d++) {
      if (d !== 4)
        expect(Math.abs(negatives.filter((x) => x === d).length - 30_000 / 9), `digit ${d}`).toBeLessThan(270);
    }
    // Among rows of 3 digits holding a 4, P(exactly k fours) = C(3,k)·0.1^k·0.9^(3−k) / (1 − 0.9^3).
    const fours = rowsOf(data, 1).map((row) => row.filter((x) => x === 4).length);
    const share = (k: number) => fours.filter((n) => n === k).length / fours.length;
    expect(share(0)).toBe(0);
    expect(share(1)).toBeCloseTo(0.243 / 0.271, 1);
    expect(share(2)).toBeCloseTo(0.027 / 0.271, 1);
  });

  it('is deterministic for one data seed and differs across seeds', () => {
    const task = balanced({ kind: 'order', samples: 500, sequenceLength: 12 });
    const a = makeDataset(task);
    const b = makeDataset(task);
    const c = makeDataset({ ...task, dataSeed: 9 });
    expect(a.xs).toEqual(b.xs);
    expect(a.labels).toEqual(b.labels);
    expect(a.xs).not.toEqual(c.xs);
  });

  it('draws a rare class exactly: contains at length 60 over 2 digits, order at length 2 over 100', () => {
    // Of the 2^60 rows only one has no 1 in it; of the 100^2 rows only "4 7" has a 4 before a 7.
    const contains = makeDataset(balanced({ samples: 200, sequenceLength: 60, vocabularySize: 2, targetDigit: 1 }));
    expect(new Set(rowsOf(contains, 0).map((row) => row.join('')))).toEqual(new Set(['0'.repeat(60)]));
    const ones = rowsOf(contains, 1)
      .flat()
      .filter((x) => x === 1).length;
    expect(Math.abs(ones / (100 * 60) - 0.5)).toBeLessThan(0.05);
    const order = makeDataset(balanced({ kind: 'order', samples: 200, sequenceLength: 2, vocabularySize: 100 }));
    expect(new Set(rowsOf(order, 1).map((row) => row.join(',')))).toEqual(new Set(['4,7']));
    expect(rowsOf(order, 0).every((row) => row.join(',') !== '4,7')).toBe(true);
  });

  it('an empty class is a one-line error naming the task, length and vocabulary', () => {
    expect(() => makeDataset(balanced({ kind: 'order', sequenceLength: 1 }))).toThrow(
      /^balanced data: no order row of length 1 over vocabulary 10 is positive$/,
    );
  });
});
