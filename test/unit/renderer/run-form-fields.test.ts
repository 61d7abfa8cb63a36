import { describe, expect, it } from 'vitest';
import {
  allFields,
  fieldGroups,
  validateForm,
  valuesFromConfig,
  type FieldKey,
  type FormValues,
} from '../../../renderer/src/lib/run-form.js';
import { DEFAULT_RUN } from '../../../shared/presets.js';

const base = (): FormValues => valuesFromConfig('Fields', DEFAULT_RUN.config);

/** Two sets of valid values that together differ from the default in every field (no output layer needs 1 unit). */
const distinct: Partial<Record<FieldKey, string>>[] = [
  {
    embeddingDim: '7',
    rnnUnits: '2',
    rnnActivation: 'tanh',
    learningRate: '0.0375',
    batchSize: '12',
    epochs: '9',
    seed: '1001',
    engine: 'reference',
    snapshotEveryBatches: '17',
    samples: '777',
    targetDigit: '5',
    sequenceLength: '6',
    vocabularySize: '13',
    validationSplit: '0.3',
    dataSeed: '2002',
  },
  { rnnActivation: 'sigmoid', outputActivation: 'none', embeddingDim: '3' },
];

describe('Add run form: generated from the config fields', () => {
  it('keeps its sections, labels, ids and order', () => {
    expect(fieldGroups.map((g) => [g.title, g.fields.map((f) => `${f.key}:${f.label}`)])).toEqual([
      [
        'Model',
        [
          'embeddingDim:Embedding size',
          'rnnUnits:RNN units',
          'rnnActivation:RNN activation',
          'outputActivation:Output activation',
        ],
      ],
      [
        'Training',
        [
          'learningRate:Learning rate',
          'batchSize:Batch size',
          'epochs:Epochs',
          'seed:Training seed',
          'engine:Engine',
          'snapshotEveryBatches:Snapshot every K batches',
        ],
      ],
      [
        'Task',
        [
          'samples:Samples',
          'targetDigit:Target digit',
          'sequenceLength:Sequence length',
          'vocabularySize:Vocabulary size',
          'validationSplit:Validation split',
          'dataSeed:Data seed',
        ],
      ],
    ]);
  });

  it("hints are the schema's ranges, and choices its enums", () => {
    const field = (key: FieldKey) => allFields.find((f) => f.key === key);
    expect(field('embeddingDim')?.hint).toBe('1–64');
    expect(field('samples')?.hint).toBe('20–200,000');
    expect(field('learningRate')?.hint).toBe('> 0, ≤ 1');
    expect(field('snapshotEveryBatches')?.hint).toBe('0–100,000; 0 = epoch ends only');
    const choices = ['linear', 'sigmoid', 'tanh', 'relu'];
    expect(field('rnnActivation')).toMatchObject({ kind: 'choice', choices, hint: undefined });
  });

  it('the distinct values cover every field and differ from the default', () => {
    const defaults = base();
    for (const f of allFields) {
      const values = distinct.flatMap((set) => set[f.key] ?? []);
      expect(values.length, f.key).toBeGreaterThan(0);
      expect(values, f.key).not.toContain(defaults[f.key]);
    }
  });

  const sets = distinct.map((set, i) => [i, set] as const);
  it.each(sets)('values → config → values round-trips every field (set %i)', (_, set) => {
    const values = { ...base(), ...set };
    const result = validateForm(values);
    expect(result.ok, JSON.stringify(!result.ok && result.errors)).toBe(true);
    if (!result.ok) return;
    expect(valuesFromConfig(result.name, result.config)).toEqual(values);
  });

  it('fields outside the form keep their default (the optimizer)', () => {
    const result = validateForm({ ...base(), learningRate: '0.5' });
    expect(result.ok && result.config.training).toMatchObject({ optimizer: 'adam', learningRate: 0.5 });
  });
});
