import { describe, expect, it } from 'vitest';
import {
  taskSentence,
  validateForm,
  valuesFromConfig,
  withNeededReadout,
  type FormValues,
} from '../../../renderer/src/lib/run-form.js';
import { DEFAULT_RUN } from '../../../shared/presets.js';

const base = (): FormValues => valuesFromConfig('Readout', DEFAULT_RUN.config);

describe('Add run form: the readout follows the cell and the units', () => {
  it.each([
    [{ cell: 'gru' }, 'Switched to dense: GRU needs it'],
    [{ cell: 'lstm' }, 'Switched to dense: LSTM needs it'],
    [{ rnnUnits: '3' }, 'Switched to dense: more than 1 unit needs it'],
  ])('%j switches the readout to dense and says why; the result is a valid run', (change, note) => {
    const chosen = { ...base(), ...change };
    expect(validateForm(chosen).ok).toBe(false);
    const next = withNeededReadout(chosen);
    expect(next).toEqual({ values: { ...chosen, readout: 'dense' }, note });
    expect(validateForm(next.values).ok).toBe(true);
  });

  it('a SimpleRNN with 1 unit, an unreadable unit count or a dense readout already are left alone', () => {
    for (const values of [base(), { ...base(), rnnUnits: 'x' }, { ...base(), cell: 'gru', readout: 'dense' }]) {
      expect(withNeededReadout(values)).toEqual({ values });
    }
  });

  it("the activation readout chosen by hand for a GRU gets the schema's message under the readout", () => {
    const result = validateForm({ ...base(), cell: 'gru', readout: 'activation' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual({ readout: 'GRU and LSTM cells need the dense readout' });
    const units = validateForm({ ...base(), rnnUnits: '2', readout: 'activation' });
    expect(!units.ok && units.errors.readout).toMatch(/^More than 1 unit needs the dense readout/);
  });

  it('under the task, the chosen task in one sentence', () => {
    expect(taskSentence(base())).toBe('1 iff the sequence contains a 4');
    expect(taskSentence({ ...base(), kind: 'order', targetDigit: '2', otherDigit: '5' })).toBe(
      '1 iff some 2 comes before some 5',
    );
    expect(taskSentence({ ...base(), targetDigit: 'x' })).toBe('');
  });
});
