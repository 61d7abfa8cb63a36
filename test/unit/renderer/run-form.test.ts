import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN } from '../../../shared/presets.js';
import { allFields, validateForm, valuesFromConfig } from '../../../renderer/src/lib/run-form.js';

const base = () => valuesFromConfig('My run', DEFAULT_RUN.config);

describe('Add run form', () => {
  it('has a labelled field for every RunConfig field the user sets', () => {
    const labels = allFields.map((f) => f.label);
    for (const l of [
      'Embedding size',
      'RNN activation',
      'Output activation',
      'Learning rate',
      'Batch size',
      'Epochs',
      'Training seed',
      'Data seed',
      'Samples',
      'Target digit',
      'Sequence length',
      'Vocabulary size',
      'RNN units',
      'Engine',
      'Cell',
      'Readout',
      'Task',
      'Other digit',
      'Balanced classes',
      'Validation split',
    ]) {
      expect(labels).toContain(l);
    }
  });

  it('round-trips the default run into a valid config', () => {
    const r = validateForm(base());
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.name).toBe('My run');
      expect(r.config.model.embeddingDim).toBe(10);
      expect(r.config.training.learningRate).toBe(0.02);
    }
  });

  it('puts range messages on the field they are about', () => {
    const r = validateForm({ ...base(), embeddingDim: '0', epochs: '500' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.embeddingDim).toBe('Must be at least 1');
      expect(r.errors.epochs).toBe('Must be at most 200');
    }
  });

  it('shows number and range messages together in one pass', () => {
    const r = validateForm({ ...base(), embeddingDim: '0', learningRate: 'fast' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toMatchObject({ embeddingDim: 'Must be at least 1', learningRate: 'Enter a number' });
  });

  it('rejects text, fractions where whole numbers go, and empty fields', () => {
    const r = validateForm({ ...base(), learningRate: 'fast', batchSize: '2.5', samples: ' ' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toMatchObject({
        learningRate: 'Enter a number',
        batchSize: 'Enter a whole number',
        samples: 'Enter a value',
      });
  });

  it('reports cross-field rules from the shared schema', () => {
    const r = validateForm({ ...base(), targetDigit: '12', vocabularySize: '10' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.targetDigit).toMatch(/smaller than the vocabulary size/);
    const s = validateForm({ ...base(), outputActivation: 'none', rnnActivation: 'linear' });
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.errors.outputActivation).toMatch(/RNN activation must be sigmoid/);
  });

  it('rejects an empty name', () => {
    const r = validateForm({ ...base(), name: '   ' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.name).toBe('Name is empty');
  });
});
