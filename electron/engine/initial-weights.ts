import * as tf from '@tensorflow/tfjs-core';
import type { RunConfig } from '../../shared/schemas/run-config.js';
import { deriveSeed } from '../../shared/rng.js';

/** Seed streams derived from `training.seed` (shuffling uses its own stream). */
export const SEED_STREAMS = { embedding: 1, kernel: 2, recurrent: 3, shuffle: 4 } as const;

/**
 * Keras's default initialisers, seeded, written with tfjs-core ops exactly as tfjs-layers 4.22 writes
 * them (initializers.js: RandomUniform, GlorotUniform = VarianceScaling(1, fanAvg, uniform), Orthogonal,
 * Zeros), so the fused path needs no tfjs-layers. The reference path hands tfjs-layers' own initialisers
 * (reference-model.ts) to its layers; a unit test holds both to bit-identical values.
 * Returns the initial weights as flat float32 arrays (row-major), in the fused engine's parameter order.
 */
export function initialFlatParams(config: RunConfig): Float32Array {
  const { vocabularySize: V } = config.task;
  const { embeddingDim: E, rnnUnits: H } = config.model;
  const seed = config.training.seed;
  const parts = tf.tidy(() =>
    [
      tf.randomUniform([V, E], -0.05, 0.05, 'float32', deriveSeed(seed, SEED_STREAMS.embedding)),
      glorotUniform(E, H, deriveSeed(seed, SEED_STREAMS.kernel)),
      orthogonal(H, deriveSeed(seed, SEED_STREAMS.recurrent)),
      tf.zeros([H], 'float32'),
    ].map((t) => t.dataSync().slice()),
  );
  const layout = paramLayout(config);
  const flat = new Float32Array(layout.size);
  flat.set(parts[0], layout.embedding);
  flat.set(parts[1], layout.kernel);
  flat.set(parts[2], layout.recurrent);
  flat.set(parts[3], layout.bias);
  return flat;
}

/** VarianceScaling(scale 1, mode fanAvg, uniform) on a 2-D [fanIn, fanOut] shape. */
function glorotUniform(fanIn: number, fanOut: number, seed: number): tf.Tensor {
  const scale = 1.0 / Math.max(1, (fanIn + fanOut) / 2);
  const limit = Math.sqrt(3 * scale);
  return tf.randomUniform([fanIn, fanOut], -limit, limit, 'float32', seed);
}

/** Orthogonal(gain 1) on a square [n, n] shape: Q of a seeded normal matrix, columns signed by diag(R). */
function orthogonal(n: number, seed: number): tf.Tensor {
  const normal = tf.randomNormal([n, n], 0, 1, 'float32', seed);
  const [q, r] = tf.linalg.qr(normal, false);
  const diag = tf.stridedSlice(tf.reshape(r, [-1]), [0], [n * n], [n + 1]);
  return tf.mul(tf.scalar(1), tf.reshape(tf.mul(q, tf.sign(diag)), [n, n]));
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
