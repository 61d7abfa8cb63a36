import type { RunConfig, RunConfigInput } from '../../shared/schemas/run-config.js';
import type { Weights } from '../../shared/schemas/run-result.js';

/**
 * `predict` (./predict.js) behind a dynamic import: it runs tfjs-layers, which the engine otherwise
 * loads only for the reference engine, so importing the engine's index does not load layers.
 */
export async function predict(
  input: RunConfig | RunConfigInput,
  weights: Weights,
  sequences: number[][],
): Promise<number[]> {
  const { predict: viaLayers } = await import('./predict.js');
  return viaLayers(input, weights, sequences);
}
