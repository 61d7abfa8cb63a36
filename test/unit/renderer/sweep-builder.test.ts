import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN } from '../../../shared/presets.js';
import { MAX_RUNS_PER_SESSION } from '../../../shared/limits.js';
import { runConfigSchema } from '../../../shared/schemas/run-config.js';
import { SWEEP_PRESETS } from '../../../shared/sweeps/presets.js';
import {
  addableFields,
  choicesOf,
  defaultSweepName,
  emptyForm,
  formOfPreset,
  readForm,
  type BuilderForm,
} from '../../../renderer/src/sweeps/builder-form.js';

const base = runConfigSchema.parse(DEFAULT_RUN.config);
const form = (patch: Partial<BuilderForm>): BuilderForm => ({ ...emptyForm(base, 'the default run', 7), ...patch });
const e2eRows = [
  { path: 'model.embeddingDim', text: '1,4' },
  { path: 'model.rnnActivation', text: 'linear,sigmoid' },
  { path: 'task.samples', text: '200' },
];

describe('readForm', () => {
  it('turns fields × values × seeds into a grid spec, named from what varies', () => {
    const result = readForm(form({ rows: e2eRows, seeds: '0-5' }), 0);
    if (!result.ok) throw new Error(result.reason);
    expect(result.count).toBe(24);
    expect(result.configs).toHaveLength(24);
    expect(result.name).toBe('Embedding size × RNN activation × 6 seeds');
    expect(result.spec.mode).toEqual({ kind: 'grid' });
    expect(result.spec.seeds).toEqual([0, 1, 2, 3, 4, 5]);
    expect(result.spec.axes).toEqual([
      { path: 'model.embeddingDim', values: [1, 4] },
      { path: 'model.rnnActivation', values: ['linear', 'sigmoid'] },
      { path: 'task.samples', values: [200] },
    ]);
    expect(result.configs.every((c) => c.task.samples === 200)).toBe(true);
  });

  it('reads ranges and log ranges, random draws and what to keep; a typed name wins', () => {
    const result = readForm(
      form({
        name: '  lr scan ',
        rows: [
          { path: 'training.learningRate', text: '1e-3..1e-1:log3' },
          { path: 'model.embeddingDim', text: '1-10:3' },
        ],
        mode: 'random',
        draws: '5',
        seeds: '1,7,42',
        keep: ['predictions'],
      }),
      0,
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.name).toBe('lr scan');
    expect(result.spec.axes[0].values).toEqual([0.001, 0.01, 0.1]);
    expect(result.spec.axes[1].values).toEqual([1, 4, 7, 10]);
    expect(result.spec.mode).toEqual({ kind: 'random', draws: 5, seed: 7 });
    expect(result.spec.keep).toEqual(['predictions']);
    expect(result.count).toBe(15);
  });

  it('puts each bad value under its own field and gives the first as the reason Start is off', () => {
    const result = readForm(
      form({
        rows: [
          { path: 'model.embeddingDim', text: '1,0' },
          { path: 'model.rnnActivation', text: '' },
          { path: 'training.learningRate', text: '0.01' },
        ],
        seeds: '3-1',
      }),
      0,
    );
    if (result.ok) throw new Error('accepted bad input');
    expect(result.errors.rows[0]).toMatch(/^0 is outside 1–\d+ \(in "1,0"\)$/);
    expect(result.errors.rows[1]).toBe('Tick at least one value');
    expect(result.errors.rows[2]).toBeUndefined();
    expect(result.errors.seeds).toMatch(/"3-1" is not a range/);
    expect(result.reason).toBe(result.errors.rows[0]);
    expect(result.count).toBeNull();
  });

  it('refuses more runs than the session has room for, with the count', () => {
    const result = readForm(form({ rows: e2eRows, seeds: '0-99' }), MAX_RUNS_PER_SESSION - 300);
    if (result.ok) throw new Error('accepted too many runs');
    expect(result.count).toBe(400);
    expect(result.reason).toBe(`400 runs: the session has room for 300 more (at most ${MAX_RUNS_PER_SESSION} runs)`);
  });

  it('refuses a combination the run schema refuses, naming it', () => {
    const result = readForm(form({ rows: [{ path: 'model.cell', text: 'simple,gru' }], seeds: '0' }), 0);
    if (result.ok) throw new Error('accepted GRU with the activation readout');
    expect(result.reason).toContain('model.cell=gru');
  });

  it('checks the draws and an over-long name', () => {
    const draws = readForm(form({ mode: 'random', draws: '0', rows: e2eRows }), 0);
    expect(draws.ok ? '' : draws.errors.draws).toBe(`Draws: a whole number from 1 to ${MAX_RUNS_PER_SESSION}`);
    const name = readForm(form({ name: 'x'.repeat(81), rows: e2eRows }), 0);
    expect(name.ok ? '' : name.reason).toBe('Sweep name is longer than 80 characters');
  });
});

describe('presets in the form', () => {
  it('fill base, variants, axes and seeds so the spec is the preset’s own', () => {
    for (const preset of Object.values(SWEEP_PRESETS)) {
      const result = readForm(formOfPreset(preset), 0);
      if (!result.ok) throw new Error(`${preset.name}: ${result.reason}`);
      expect(result.name).toBe(preset.name);
      expect(result.spec).toEqual(preset.spec);
    }
  });

  it('leaves only fields neither varied nor set by the variants to add', () => {
    const f = formOfPreset(SWEEP_PRESETS['embedding-size']);
    const addable = addableFields(f);
    expect(addable).not.toContain('model.embeddingDim');
    expect(addable).not.toContain('model.rnnActivation');
    expect(addable).toContain('task.sequenceLength');
    expect(addable).not.toContain('training.seed');
  });
});

describe('helpers', () => {
  it('lists choices for enum and boolean fields only', () => {
    expect(choicesOf('model.rnnActivation')).toContain('sigmoid');
    expect(choicesOf('task.balanced')).toEqual(['true', 'false']);
    expect(choicesOf('model.embeddingDim')).toBeNull();
  });

  it('names a sweep by the fields with more than one value', () => {
    expect(defaultSweepName({ rows: [{ path: 'task.sequenceLength', text: '3..40:5' }], variants: [] }, 1)).toBe(
      'Sequence length × 1 seed',
    );
    expect(defaultSweepName({ rows: [{ path: 'task.samples', text: '200' }], variants: [] }, 20)).toBe('20 seeds');
  });
});
