import { beforeAll, describe, expect, it } from 'vitest';
import { runHealth } from '../../../shared/run-health.js';
import { collapseOf } from '../../../shared/run-collapse.js';
import { DEFAULT_SUCCESS_THRESHOLD } from '../../../shared/sweeps/metrics.js';
import { majorityBaseline } from '../../../shared/validation-baseline.js';
import type { Run } from '../../../shared/schemas/run.js';
import { trainedRun, type HealthCase } from './trained-runs.js';

const T = DEFAULT_SUCCESS_THRESHOLD;
const runs = {} as Record<HealthCase, Run>;

beforeAll(async () => {
  for (const which of ['good', 'deadRelu', 'weak', 'sigmoidSigmoid', 'diverging'] as const) {
    runs[which] = await trainedRun(which);
  }
});

describe('run health on runs the engine trained', () => {
  it('a run at val accuracy 1 learned', () => {
    const run = runs.good;
    expect(run.history.at(-1)!.valAcc).toBe(1);
    expect(runHealth(run, T)).toEqual({
      verdict: 'learned',
      reason: 'val accuracy 1.00: at or above the threshold 0.99 (baseline 0.76)',
    });
  });

  it('a dead ReLU did not learn: every hidden state is 0, so it predicts 0.50', () => {
    const run = runs.deadRelu;
    expect(run.status).toBe('done');
    expect(runHealth(run, T)).toEqual({
      verdict: 'did-not-learn',
      reason: 'predicts 0.50 for every input: all hidden states are 0 — a dead ReLU',
    });
    // Its stored predictions say the same: one probability, 0.5, for inputs of both labels.
    expect(new Set(run.predictions.map((p) => p.probability))).toEqual(new Set([0.5]));
    expect(new Set(run.predictions.map((p) => p.label)).size).toBe(2);
  });

  it('a light run (no predictions stored) is probed through the weights with the shared forward code', async () => {
    const light = await trainedRun('deadRelu', { keep: [] });
    expect(light.predictions).toEqual([]);
    expect(runHealth(light, T)?.reason).toBe('predicts 0.50 for every input: all hidden states are 0 — a dead ReLU');
    // Without weights either, the stored predictions are all there is to read.
    expect(collapseOf({ ...runs.deadRelu, weights: undefined })).toMatchObject({ probability: 0.5 });
  });

  it('a sigmoid RNN under a sigmoid output calls every row positive: below the majority baseline', () => {
    const run = runs.sigmoidSigmoid;
    const acc = run.history.at(-1)!.valAcc;
    const baseline = majorityBaseline(run.config.task);
    expect(acc).toBeCloseTo(1 - baseline, 12);
    expect(runHealth(run, T)).toEqual({
      verdict: 'did-not-learn',
      reason: 'val accuracy 0.24, below the majority-class baseline 0.76',
    });
  });

  it('a run between the baseline and the threshold is weak; a lower threshold makes it learned', () => {
    const run = runs.weak;
    const acc = run.history.at(-1)!.valAcc;
    expect(acc).toBeGreaterThan(majorityBaseline(run.config.task));
    expect(acc).toBeLessThan(T);
    expect(runHealth(run, T)).toEqual({
      verdict: 'weak',
      reason: `val accuracy ${acc.toFixed(2)}: above the baseline 0.76, below the threshold 0.99`,
    });
    expect(runHealth(run, 0.8)?.verdict).toBe('learned');
  });

  it('a run whose training diverged (the engine stops it as failed) is flagged diverged', () => {
    const run = runs.diverging;
    expect(run.status).toBe('failed');
    expect(runHealth(run, T)).toEqual({
      verdict: 'diverged',
      reason: 'the loss or the weights became NaN or infinite during epoch 1',
    });
  });

  it('NaN or Infinity in the history or the weights is diverged, named with its epoch', () => {
    const run = runs.good;
    const history = run.history.map((r) => (r.epoch === 2 ? { ...r, loss: NaN } : r));
    expect(runHealth({ ...run, history }, T)).toEqual({ verdict: 'diverged', reason: 'loss became NaN at epoch 2' });
    const valLoss = run.history.map((r) => (r.epoch === 3 ? { ...r, valLoss: Infinity } : r));
    expect(runHealth({ ...run, history: valLoss }, T)?.reason).toBe('val loss became Infinity at epoch 3');
    const weights = { ...run.weights!, recurrentKernel: [[NaN]] };
    expect(runHealth({ ...run, weights }, T)?.verdict).toBe('diverged');
  });

  it('no verdict before a run finishes, for a cancelled run, or for a failure that is not a divergence', () => {
    const run = runs.good;
    for (const status of ['idle', 'queued', 'training', 'cancelled'] as const) {
      expect(runHealth({ ...run, status }, T)).toBeNull();
    }
    expect(runHealth({ ...run, status: 'failed', error: 'worker exited' }, T)).toBeNull();
  });

  it('an accuracy that two decimals would print equal to the threshold gets a third', () => {
    const run = runs.good;
    const history = run.history.map((r, i) => (i === run.history.length - 1 ? { ...r, valAcc: 0.9875 } : r));
    expect(runHealth({ ...run, history }, T)?.reason).toBe(
      'val accuracy 0.988: above the baseline 0.76, below the threshold 0.99',
    );
  });
});
