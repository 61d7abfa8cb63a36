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
    cell: 'gru',
    rnnUnits: '2',
    rnnActivation: 'tanh',
    readout: 'dense',
    learningRate: '0.0375',
    batchSize: '12',
    epochs: '9',
    seed: '1001',
    engine: 'reference',
    snapshotEveryBatches: '17',
    kind: 'order',
    targetDigit: '5',
    otherDigit: '3',
    sequenceLength: '6',
    vocabularySize: '13',
    samples: '777',
    balanced: 'true',
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
          'cell:Cell',
          'rnnUnits:RNN units',
          'rnnActivation:RNN activation',
          'readout:Readout',
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
          'kind:Task',
          'targetDigit:Target digit',
          'otherDigit:Other digit',
          'sequenceLength:Sequence length',
          'vocabularySize:Vocabulary size',
          'samples:Samples',
          'balanced:Balanced classes',
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
    expect(field('sequenceLength')?.hint).toBe('1–60');
    expect(field('cell')).toMatchObject({ kind: 'choice', choices: ['simple', 'gru', 'lstm'] });
    expect(field('kind')).toMatchObject({ kind: 'choice', choices: ['contains', 'parity', 'order', 'same-ends'] });
    expect(field('balanced')).toMatchObject({ kind: 'boolean', choices: [] });
    expect(field('otherDigit')?.hint).toBe('0–99; read only by order');
    expect(field('readout')?.hint).toBe('GRU, LSTM and more than 1 unit need dense');
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

  it('the checkbox: "true" and "false" are the boolean, both ways', () => {
    for (const balanced of [true, false]) {
      const result = validateForm({ ...base(), balanced: String(balanced) });
      expect(result.ok && result.config.task.balanced).toBe(balanced);
      if (result.ok) expect(valuesFromConfig('x', result.config).balanced).toBe(String(balanced));
    }
  });

  it('fields outside the form keep their default (the optimizer)', () => {
    const result = validateForm({ ...base(), learningRate: '0.5' });
    expect(result.ok && result.config.training).toMatchObject({ optimizer: 'adam', learningRate: 0.5 });
  });
});
