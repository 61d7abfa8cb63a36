import { expect } from 'vitest';
import { predict } from '../../../electron/engine/index.js';
import type { RunConfig } from '../../../shared/schemas/run-config.js';
import type { RunResult } from '../../../shared/schemas/run-result.js';
import { runConfigSchema } from '../../../shared/schemas/run-config.js';
import { SEED_PRESET } from '../../../shared/presets.js';

type Overrides = {
  task?: Partial<RunConfig['task']>;
  model?: Partial<RunConfig['model']>;
  training?: Partial<RunConfig['training']>;
};

/** A seed preset run with smaller data (tests must take seconds). */
export function smallConfig(presetIndex = 0, overrides: Overrides = {}): RunConfig {
  const base = SEED_PRESET[presetIndex].config;
  return runConfigSchema.parse({
    task: { ...base.task, samples: 2000, ...overrides.task },
    model: { ...base.model, ...overrides.model },
    training: { ...base.training, ...overrides.training },
  });
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

/** A run's stored predictions = tfjs's standard layers (predict) on its stored weights, to 1e-5. */
export async function expectPredictionsFromLayers(config: RunConfig, result: RunResult): Promise<void> {
  const viaLayers = await predict(
    config,
    result.weights,
    result.predictions.map((p) => p.input),
  );
  expect(viaLayers).toHaveLength(result.predictions.length);
  expect(
    maxAbsDiff(
      viaLayers,
      result.predictions.map((p) => p.probability),
    ),
  ).toBeLessThan(1e-5);
}
