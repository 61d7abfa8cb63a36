import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { configFieldsTable, withConfigFieldsTable } from '../../../scripts/config-fields-doc.js';
import { CONFIG_FIELDS, fieldAt } from '../../../shared/config-fields/fields.js';
import { rangeText } from '../../../shared/config-fields/range-text.js';
import { DEFAULT_RUN } from '../../../shared/presets.js';
import { runConfigSchema } from '../../../shared/schemas/run-config.js';

type Shape = Record<string, z.ZodType>;
const sectionShape = (section: string) => (runConfigSchema.shape as Shape)[section] as z.ZodObject;
const leaf = (path: string) => {
  const [section, field] = path.split('.');
  return sectionShape(section).shape[field];
};
const defaults = runConfigSchema.parse(DEFAULT_RUN.config);

describe('config fields: one descriptor per RunConfig field', () => {
  it('every leaf of the schema has exactly one descriptor, and every descriptor names a leaf', () => {
    // Walked here from the schema's own shape, so a field added to the schema without a descriptor fails.
    const leaves = Object.keys(runConfigSchema.shape).flatMap((section) =>
      Object.keys(sectionShape(section).shape).map((field) => `${section}.${field}`),
    );
    expect(leaves).toHaveLength(22);
    expect(CONFIG_FIELDS.map((f) => f.path).sort()).toEqual([...leaves].sort());
  });

  it('keys, labels and CLI flags are each unique', () => {
    const keys = CONFIG_FIELDS.map((f) => f.key);
    const labels = CONFIG_FIELDS.map((f) => f.label);
    const flags = CONFIG_FIELDS.flatMap((f) => f.cli?.flag ?? []);
    for (const values of [keys, labels, flags]) {
      expect(new Set(values).size).toBe(values.length);
    }
  });

  it("kinds and ranges are the schema's: each bound is accepted or refused as the descriptor says", () => {
    for (const f of CONFIG_FIELDS.filter((c) => c.range)) {
      const { min, max, minExclusive, maxExclusive } = f.range!;
      const step = f.kind === 'int' ? 1 : 1e-9;
      const accepts = (v: number) => leaf(f.path).safeParse(v).success;
      expect([accepts(min), accepts(min - step), accepts(max), accepts(max + step)], f.path).toEqual([
        !minExclusive,
        false,
        !maxExclusive,
        false,
      ]);
      if (minExclusive) expect(accepts(min + step), f.path).toBe(true);
      expect(accepts(min + (f.kind === 'int' ? 0.5 : 0) + (minExclusive ? step : 0)), `${f.path} takes fractions`).toBe(
        f.kind === 'number',
      );
    }
  });

  it('spot checks: the limits people know', () => {
    const embedding = { kind: 'int', range: { min: 1, max: 64, minExclusive: false } };
    expect(fieldAt('model.embeddingDim')).toMatchObject(embedding);
    expect(fieldAt('training.learningRate')).toMatchObject({
      kind: 'number',
      range: { min: 0, max: 1, minExclusive: true, maxExclusive: false },
    });
    expect(fieldAt('task.samples')?.range).toMatchObject({ min: 20, max: 200_000 });
    expect(fieldAt('training.engine')?.choices).toEqual(['fused', 'reference']);
    expect(fieldAt('training.optimizer')?.choices).toEqual(['adam']);
    expect(fieldAt('model.cell')).toMatchObject({ kind: 'enum', choices: ['simple', 'gru', 'lstm'] });
    expect(fieldAt('model.readout')).toMatchObject({ kind: 'enum', choices: ['activation', 'dense'] });
    expect(fieldAt('task.kind')?.choices).toEqual(['contains', 'parity', 'order', 'same-ends']);
    expect(fieldAt('task.otherDigit')).toMatchObject({ kind: 'int', range: { min: 0, max: 99 }, defaultValue: 7 });
    expect(fieldAt('task.sequenceLength')?.range).toMatchObject({ min: 1, max: 60 });
    expect(fieldAt('task.balanced')).toMatchObject({ kind: 'boolean', choices: [], defaultValue: false });
    expect(fieldAt('task.balanced')?.range).toBeUndefined();
  });

  it('the task and model flags are the ones other tools type', () => {
    const flags = Object.fromEntries(CONFIG_FIELDS.flatMap((f) => (f.cli ? [[f.path, f.cli.flag]] : [])));
    expect(flags).toMatchObject({
      'model.cell': 'cell',
      'model.readout': 'readout',
      'task.kind': 'task',
      'task.sequenceLength': 'length',
      'task.vocabularySize': 'vocab',
      'task.targetDigit': 'target',
      'task.otherDigit': 'other',
      'task.balanced': 'balanced',
      'task.samples': 'samples',
      'task.validationSplit': 'validation-split',
    });
    const lists = CONFIG_FIELDS.filter((f) => f.cli?.list).map((f) => f.cli?.flag);
    expect(lists).toEqual(['embedding', 'cell', 'activation']);
  });

  it('what a sweep may vary: everything the run learns from, not how it is trained or recorded', () => {
    const fixed = CONFIG_FIELDS.filter((f) => !f.sweepable).map((f) => f.path);
    expect(fixed).toEqual(['training.optimizer', 'training.engine', 'training.snapshotEveryBatches']);
  });

  it("enum choices are the schema's: each is accepted, anything else refused", () => {
    for (const f of CONFIG_FIELDS.filter((c) => c.kind === 'enum')) {
      expect(f.choices.length, f.path).toBeGreaterThan(0);
      for (const choice of f.choices) expect(leaf(f.path).safeParse(choice).success, `${f.path}=${choice}`).toBe(true);
      expect(leaf(f.path).safeParse('no-such-choice').success, f.path).toBe(false);
    }
  });

  it("defaults are the default run's values", () => {
    for (const f of CONFIG_FIELDS) {
      const [section, field] = f.path.split('.') as [keyof typeof defaults, string];
      expect(f.defaultValue, f.path).toBe((defaults[section] as Record<string, unknown>)[field]);
    }
    expect(fieldAt('training.learningRate')?.defaultValue).toBe(0.02);
  });

  it('ranges read as people write them', () => {
    expect(rangeText(fieldAt('task.samples')!)).toBe('20–200,000');
    expect(rangeText(fieldAt('training.learningRate')!)).toBe('> 0, ≤ 1');
    expect(rangeText(fieldAt('task.validationSplit')!)).toBe('0.05–0.5');
    expect(rangeText(fieldAt('model.rnnActivation')!)).toBe('linear, sigmoid, tanh, relu');
    expect(rangeText(fieldAt('training.engine')!)).toBe('fused or reference');
    expect(rangeText(fieldAt('task.balanced')!)).toBe('true or false');
  });
});

describe('docs/session-format.md: the run config table', () => {
  it('is up to date with the descriptors (run `npm run docs:fields`)', () => {
    const doc = readFileSync('docs/session-format.md', 'utf8');
    expect(doc).toBe(withConfigFieldsTable(doc));
    expect(doc).toContain(configFieldsTable());
  });

  it('has one row per field with its path, range and flag', () => {
    const rows = configFieldsTable().split('\n').slice(2);
    expect(rows).toHaveLength(CONFIG_FIELDS.length);
    expect(rows.find((r) => r.startsWith('| `training.learningRate` |'))).toContain('| > 0, ≤ 1 |');
    expect(rows.find((r) => r.startsWith('| `model.embeddingDim` |'))).toContain('`--embedding` (list)');
    expect(rows.find((r) => r.startsWith('| `task.balanced` |'))).toContain('| boolean | true or false |');
  });
});
