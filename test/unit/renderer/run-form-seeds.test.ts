import { describe, expect, it } from 'vitest';
import {
  allFields,
  validateForm,
  valuesFromConfig,
  type FieldKey,
  type FormValues,
} from '../../../renderer/src/lib/run-form.js';
import { DEFAULT_RUN } from '../../../shared/presets.js';
import { runConfigSchema, type RunConfig } from '../../../shared/schemas/run-config.js';

/** The form's field key behind a label, as the user finds the input (RunForm renders `<label for="f-KEY">LABEL`). */
function keyOf(label: string): FieldKey {
  const matches = allFields.filter((f) => f.label === label);
  expect(matches, `fields labelled "${label}"`).toHaveLength(1);
  return matches[0].key;
}

const base = (): FormValues => valuesFromConfig('Seeds', DEFAULT_RUN.config);
const defaults: RunConfig = runConfigSchema.parse(DEFAULT_RUN.config);

describe('Add run form: the two seeds', () => {
  it('"Training seed" and "Data seed" typed in go to training.seed and task.dataSeed, and nothing else moves', () => {
    const values = { ...base(), [keyOf('Training seed')]: '11', [keyOf('Data seed')]: '22' };
    const result = validateForm(values);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.training.seed).toBe(11);
    expect(result.config.task.dataSeed).toBe(22);
    expect(result.config).toEqual({
      ...defaults,
      training: { ...defaults.training, seed: 11 },
      task: { ...defaults.task, dataSeed: 22 },
    });
  });

  it('each seed alone changes only its own field', () => {
    const training = validateForm({ ...base(), [keyOf('Training seed')]: '31' });
    const data = validateForm({ ...base(), [keyOf('Data seed')]: '32' });
    expect(training.ok && data.ok).toBe(true);
    if (!training.ok || !data.ok) return;
    expect([training.config.training.seed, training.config.task.dataSeed]).toEqual([31, defaults.task.dataSeed]);
    expect([data.config.training.seed, data.config.task.dataSeed]).toEqual([defaults.training.seed, 32]);
  });

  it('a config with distinct seeds opens with each under its own label (Edit run)', () => {
    const config = {
      ...defaults,
      training: { ...defaults.training, seed: 41 },
      task: { ...defaults.task, dataSeed: 42 },
    };
    const values = valuesFromConfig('Edit me', config);
    expect(values[keyOf('Training seed')]).toBe('41');
    expect(values[keyOf('Data seed')]).toBe('42');
  });

  it('a bad seed is reported on the field that holds it', () => {
    const result = validateForm({ ...base(), [keyOf('Training seed')]: '-1', [keyOf('Data seed')]: '1.5' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[keyOf('Training seed')]).toBe('Must be at least 0');
    expect(result.errors[keyOf('Data seed')]).toBe('Enter a whole number');
  });

  it('every labelled field round-trips a distinct value through the config and back', () => {
    // Distinct, valid numbers per field (choices keep their default, but 2 units need the dense readout): a crossed
    // wire moves a value to another label.
    const distinct: Partial<Record<FieldKey, string>> = {
      embeddingDim: '7',
      otherDigit: '3',
      rnnUnits: '2',
      readout: 'dense',
      learningRate: '0.0375',
      batchSize: '12',
      epochs: '9',
      seed: '1001',
      dataSeed: '2002',
      samples: '777',
      targetDigit: '5',
      sequenceLength: '6',
      vocabularySize: '13',
      validationSplit: '0.3',
      snapshotEveryBatches: '17',
    };
    const values = { ...base(), ...distinct };
    const result = validateForm(values);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const back = valuesFromConfig(result.name, result.config);
    for (const f of allFields) expect(back[f.key], f.label).toBe(values[f.key]);
  });
});
