import { describe, expect, it } from 'vitest';
import { configKey, repeatSeeds, seedGroups } from '../../../renderer/src/analysis/seed-groups.js';
import { runSchema } from '../../../shared/schemas/run.js';
import { seedRun } from './seed-fixtures.js';

const withSeed = (id: string, seed: number, lr?: number) => {
  const base = seedRun('linear1', id);
  return runSchema.parse({
    ...base,
    config: { ...base.config, training: { ...base.config.training, seed, ...(lr ? { learningRate: lr } : {}) } },
  });
};

describe('seed groups (Repeat ×N)', () => {
  it('pools runs whose configs differ only in the training seed', () => {
    const runs = [withSeed('a', 7), withSeed('b', 8), withSeed('c', 9, 0.5), withSeed('d', 10)];
    expect(configKey(runs[0].config)).toBe(configKey(runs[1].config));
    expect(configKey(runs[0].config)).not.toBe(configKey(runs[2].config));
    expect(seedGroups(runs).map((g) => g.map((r) => r.id))).toEqual([['a', 'b', 'd'], ['c']]);
  });

  it("N−1 fresh seeds after the run's own, skipping seeds already used", () => {
    expect(repeatSeeds(withSeed('a', 7).config, 3, new Set([7]))).toEqual([8, 9]);
    expect(repeatSeeds(withSeed('a', 7).config, 4, new Set([7, 8, 10]))).toEqual([9, 11, 12]);
  });
});
