import * as tf from '@tensorflow/tfjs';
import type { RunConfig } from '../../shared/schemas/run-config.js';
import { deriveSeed } from './rng.js';

/** Seed streams derived from `training.seed` (shuffling uses its own stream). */
export const SEED_STREAMS = { embedding: 1, kernel: 2, recurrent: 3, shuffle: 4 } as const;

/**
 * Keras's default initialisers, seeded. The reference path hands these to its layers and the
 * fused path evaluates them directly, so both engines start from identical weights.
 */
export function initializersFor(config: RunConfig) {
  const seed = config.training.seed;
  return {
    embedding: tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed: deriveSeed(seed, SEED_STREAMS.embedding) }),
    kernel: tf.initializers.glorotUniform({ seed: deriveSeed(seed, SEED_STREAMS.kernel) }),
    recurrent: tf.initializers.orthogonal({ seed: deriveSeed(seed, SEED_STREAMS.recurrent) }),
    bias: tf.initializers.zeros(),
  };
}

/** Initial weights as flat float32 arrays (row-major), in the fused engine's parameter order. */
export function initialFlatParams(config: RunConfig): Float32Array {
  const { vocabularySize: V } = config.task;
  const { embeddingDim: E, rnnUnits: H } = config.model;
  const init = initializersFor(config);
  const parts = tf.tidy(() => [
    init.embedding.apply([V, E], 'float32'),
    init.kernel.apply([E, H], 'float32'),
    init.recurrent.apply([H, H], 'float32'),
    init.bias.apply([H], 'float32'),
  ].map((t) => t.dataSync().slice()));
  const layout = paramLayout(config);
  const flat = new Float32Array(layout.size);
  flat.set(parts[0], layout.embedding);
  flat.set(parts[1], layout.kernel);
  flat.set(parts[2], layout.recurrent);
  flat.set(parts[3], layout.bias);
  return flat;
}

export interface ParamLayout {
  V: number;
  E: number;
  H: number;
  /** Offsets into the flat parameter vector [embedding | kernel W | recurrent U | bias b]. */
  embedding: number;
  kernel: number;
  recurrent: number;
  bias: number;
  size: number;
}

export function paramLayout(config: RunConfig): ParamLayout {
  const V = config.task.vocabularySize;
  const E = config.model.embeddingDim;
  const H = config.model.rnnUnits;
  const kernel = V * E;
  const recurrent = kernel + E * H;
  const bias = recurrent + H * H;
  return { V, E, H, embedding: 0, kernel, recurrent, bias, size: bias + H };
}
