import { trainRun, type TrainOptions } from '../../../electron/engine/index.js';
import type { RunConfig } from '../../../shared/schemas/run-config.js';
import type { Run } from '../../../shared/schemas/run.js';
import { smallConfig } from '../engine/helpers.js';

/**
 * Tiny runs trained by the real engine that end in each verdict. The seeds were found by training, not
 * chosen by hand: the engine is deterministic, so each run ends the same way on every machine.
 */
export const HEALTH_CONFIGS = {
  /** The seed's Embedding 10 · linear: learns to val accuracy 1. */
  good: smallConfig(0, { training: { seed: 7, epochs: 3 } }),
  /** A one-unit ReLU RNN whose unit dies in the first epoch: h(t) = 0 for every input, p = σ(0) = 0.5. */
  deadRelu: smallConfig(2, {
    model: { rnnActivation: 'relu', outputActivation: 'sigmoid' },
    training: { learningRate: 0.1, seed: 1, epochs: 2 },
  }),
  /** The same ReLU RNN from another seed learns part of the task (val accuracy 0.85). */
  weak: smallConfig(2, {
    model: { rnnActivation: 'relu', outputActivation: 'sigmoid' },
    training: { learningRate: 0.5, seed: 0, epochs: 2 },
  }),
  /**
   * A sigmoid RNN read through another sigmoid: h ∈ (0, 1) gives p ∈ (0.5, 0.73), so every row is called
   * positive and the accuracy is the positives' share, 0.24, below the majority baseline.
   */
  sigmoidSigmoid: smallConfig(3, { model: { outputActivation: 'sigmoid' }, training: { epochs: 2 } }),
  /** A linear RNN at lr 1 over 60 binary digits: tfjs layers' float32 state overflows in the first epoch. */
  diverging: smallConfig(0, {
    task: { kind: 'parity', sequenceLength: 60, vocabularySize: 2, targetDigit: 1, samples: 300 },
    model: { embeddingDim: 4, rnnUnits: 4, readout: 'dense' },
    training: { learningRate: 1, epochs: 4, batchSize: 2, seed: 0, engine: 'reference' },
  }),
} satisfies Record<string, RunConfig>;

export type HealthCase = keyof typeof HEALTH_CONFIGS;

/** Trains one of the cases into a Run as the lab service stores it. */
export async function trainedRun(which: HealthCase, options: TrainOptions = {}): Promise<Run> {
  const config = HEALTH_CONFIGS[which];
  const result = await trainRun(config, options);
  return { id: which, name: which, config, note: '', ...result };
}
