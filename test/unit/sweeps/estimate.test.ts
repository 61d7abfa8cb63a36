import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN } from '../../../shared/presets.js';
import { runConfigSchema, type RunConfig } from '../../../shared/schemas/run-config.js';
import {
  DEFAULT_SECONDS_PER_WORK,
  RUN_OVERHEAD_SECONDS,
  estimateSweep,
  estimateText,
  measuredRates,
  roughDuration,
  runWork,
} from '../../../shared/sweeps/estimate.js';

const base = runConfigSchema.parse(DEFAULT_RUN.config);
const config = (patch: { samples?: number; epochs?: number; length?: number; cell?: 'simple' | 'gru' | 'lstm' }) =>
  runConfigSchema.parse({
    ...base,
    model: {
      ...base.model,
      cell: patch.cell ?? 'simple',
      ...(patch.cell && patch.cell !== 'simple' ? { readout: 'dense' } : {}),
    },
    task: { ...base.task, samples: patch.samples ?? 1000, sequenceLength: patch.length ?? 3 },
    training: { ...base.training, epochs: patch.epochs ?? 2, batchSize: 8 },
  });
const done = (c: RunConfig, trainSeconds: number) => ({ config: c, status: 'done' as const, trainSeconds });

describe('runWork', () => {
  it('is steps × timesteps × the cell cost', () => {
    // 1000 samples, split 0.2 → 800 training rows, batch 8 → 100 steps per epoch, 2 epochs.
    expect(base.task.validationSplit).toBe(0.2);
    expect(runWork(config({}))).toBe(100 * 2 * 3);
    expect(runWork(config({ length: 10 }))).toBe(100 * 2 * 10);
    expect(runWork(config({ cell: 'gru' }))).toBe(100 * 2 * 3 * 2);
    expect(runWork(config({ cell: 'lstm' }))).toBe(100 * 2 * 3 * 2.5);
    // A short last batch is a step too: 801 rows → 101 steps.
    expect(runWork(config({ samples: 1002, epochs: 1 }))).toBe(101 * 3);
  });
});

describe('measuredRates', () => {
  it('reads seconds per unit of work off finished runs only, sorted', () => {
    const c = config({});
    const rates = measuredRates([
      done(c, 1.2),
      done(c, 0.6),
      { config: c, status: 'failed', trainSeconds: 5 },
      { config: c, status: 'done' },
      { config: c, status: 'idle' },
    ]);
    expect(rates).toEqual([0.6 / 600, 1.2 / 600]);
  });
});

describe('estimateSweep', () => {
  it('without a finished run: the default rate, within a factor of three either way', () => {
    const planned = Array.from({ length: 4 }, () => config({}));
    const e = estimateSweep(planned, [], 2);
    const one = 600 * DEFAULT_SECONDS_PER_WORK + RUN_OVERHEAD_SECONDS;
    expect(e.basedOn).toBe(0);
    expect(e.seconds).toBeCloseTo((4 * one) / 2, 10);
    expect(e.low).toBeCloseTo((4 * (600 * (DEFAULT_SECONDS_PER_WORK / 3) + RUN_OVERHEAD_SECONDS)) / 2, 10);
    expect(e.high).toBeCloseTo((4 * (600 * DEFAULT_SECONDS_PER_WORK * 3 + RUN_OVERHEAD_SECONDS)) / 2, 10);
  });

  it("scales the finished runs' median rate to each planned run's work and splits it over the workers", () => {
    const measured = [done(config({}), 0.6), done(config({}), 1.2), done(config({ length: 10 }), 4)];
    // Rates: 0.001, 0.002, 0.002 s per unit → median 0.002, range 0.001 … 0.002.
    const planned = [config({ length: 10 }), config({ length: 10 }), config({ cell: 'gru', epochs: 4 })];
    const work = 2000 + 2000 + 100 * 4 * 3 * 2;
    const e = estimateSweep(planned, measured, 2);
    expect(e.basedOn).toBe(3);
    expect(e.seconds).toBeCloseTo((work * 0.002 + 3 * RUN_OVERHEAD_SECONDS) / 2, 10);
    expect(e.low).toBeCloseTo((work * 0.001 + 3 * RUN_OVERHEAD_SECONDS) / 2, 10);
    expect(e.high).toBeCloseTo(e.seconds, 10);
  });

  it('uses the quartiles with four or more measured runs', () => {
    const c = config({});
    const measured = [0.6, 1.2, 1.8, 2.4, 60].map((s) => done(c, s));
    const e = estimateSweep([c], measured, 1);
    expect(e.seconds).toBeCloseTo(600 * (1.8 / 600) + RUN_OVERHEAD_SECONDS, 10);
    expect(e.low).toBeCloseTo(600 * (1.2 / 600) + RUN_OVERHEAD_SECONDS, 10);
    expect(e.high).toBeCloseTo(600 * (2.4 / 600) + RUN_OVERHEAD_SECONDS, 10);
  });

  it('is never less than the longest run, however many workers', () => {
    const long = config({ samples: 10_000, epochs: 10 });
    const e = estimateSweep([long, config({})], [done(config({}), 0.6)], 8);
    expect(e.seconds).toBeCloseTo(runWork(long) * 0.001 + RUN_OVERHEAD_SECONDS, 10);
  });

  it('is zero for no runs', () => {
    expect(estimateSweep([], [], 4).seconds).toBe(0);
  });
});

describe('the words', () => {
  it('rounds as a person would', () => {
    expect(roughDuration(0.2)).toBe('1 s');
    expect(roughDuration(7.4)).toBe('7 s');
    expect(roughDuration(42)).toBe('40 s');
    expect(roughDuration(58)).toBe('1 min');
    expect(roughDuration(130)).toBe('2 min');
    expect(roughDuration(150)).toBe('2.5 min');
    expect(roughDuration(1260)).toBe('20 min');
    expect(roughDuration(3600)).toBe('1 h');
    expect(roughDuration(4800)).toBe('1 h 20 min');
  });

  it('says "about" for a narrow range and gives a wide one as a range', () => {
    expect(estimateText({ seconds: 120, low: 110, high: 130 })).toBe('about 2 min');
    expect(estimateText({ seconds: 50, low: 40, high: 65 })).toBe('≈ 40 s – 1 min');
    expect(estimateText({ seconds: 12, low: 10, high: 12 })).toBe('about 10 s');
  });
});
