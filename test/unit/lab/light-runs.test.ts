import { describe, expect, it } from 'vitest';
import { trainRun } from '../../../electron/engine/index.js';
import { smallConfig } from './fixtures/fake-result.js';

/** A sweep's light run: the same training, without the series nobody asked for. */
describe('light runs', () => {
  const config = { ...smallConfig(1, 200), training: { ...smallConfig(1, 200).training, epochs: 2, batchSize: 16 } };

  it('keep nothing: empty series, and the same history, weights and digit scores as the full run', async () => {
    const full = await trainRun(config);
    const light = await trainRun(config, { keep: [] });
    expect(full.status).toBe('done');
    expect(full.batchLoss.length).toBeGreaterThan(0);
    expect(full.snapshots.length).toBeGreaterThan(1);
    expect(full.predictions).toHaveLength(10);
    expect([light.status, light.batchLoss, light.snapshots, light.predictions]).toEqual(['done', [], [], []]);
    expect(light.history).toEqual(full.history);
    expect(light.weights).toEqual(full.weights);
    expect(light.digitScores).toEqual(full.digitScores);
    expect(light.summary).toEqual(full.summary);
  });

  it('keeps exactly the series listed, each equal to the full run’s', async () => {
    const full = await trainRun(config);
    const some = await trainRun(config, { keep: ['snapshots', 'predictions'] });
    expect(some.batchLoss).toEqual([]);
    expect(some.snapshots).toEqual(full.snapshots);
    expect(some.predictions).toEqual(full.predictions);
    expect(some.weights).toEqual(full.weights);
  });
});
