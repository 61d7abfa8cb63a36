import * as tf from '@tensorflow/tfjs-core';
import { gateCount } from '../../shared/cells.js';
import type { RunConfig } from '../../shared/schemas/run-config.js';
import { deriveSeed } from '../../shared/rng.js';

/** Seed streams derived from `training.seed` (shuffling and the dense readout use their own streams). */
export const SEED_STREAMS = { embedding: 1, kernel: 2, recurrent: 3, shuffle: 4, readout: 5 } as const;

/**
 * Keras's default initialisers, seeded, written with tfjs-core ops exactly as tfjs-layers 4.22 writes
 * them (initializers.js: RandomUniform, GlorotUniform = VarianceScaling(1, fanAvg, uniform), Orthogonal,
 * Zeros; LSTM's unit forget bias as recurrent.js builds it), so the fused path needs no tfjs-layers. The
 * reference path hands tfjs-layers' own initialisers (reference-model.ts) to its layers; a unit test holds
 * both to bit-identical values. Returns the initial weights as one flat float32 array (row-major), in the
 * fused engine's parameter order (paramLayout).
 */
export function initialFlatParams(config: RunConfig): Float32Array {
  const { V, E, H, G } = paramLayout(config);
  const seed = config.training.seed;
  const parts = tf.tidy(() => {
    const tensors = [
      tf.randomUniform([V, E], -0.05, 0.05, 'float32', deriveSeed(seed, SEED_STREAMS.embedding)),
      glorotUniform(E, G * H, deriveSeed(seed, SEED_STREAMS.kernel)),
      orthogonal(H, G * H, deriveSeed(seed, SEED_STREAMS.recurrent)),
    ];
    if (config.model.readout === 'dense') {
      tensors.push(glorotUniform(H, 1, deriveSeed(seed, SEED_STREAMS.readout)));
    }
    return tensors.map((t) => t.dataSync().slice());
  });
  const layout = paramLayout(config);
  const flat = new Float32Array(layout.size);
  flat.set(parts[0], layout.embedding);
  flat.set(parts[1], layout.kernel);
  flat.set(parts[2], layout.recurrent);
  // Biases start at zero, except LSTM's forget gate at one (Keras's unit_forget_bias).
  if (config.model.cell === 'lstm') flat.fill(1, layout.bias + H, layout.bias + 2 * H);
  if (parts[3]) flat.set(parts[3], layout.readout);
  return flat;
}

/** VarianceScaling(scale 1, mode fanAvg, uniform) on a 2-D [fanIn, fanOut] shape. */
function glorotUniform(fanIn: number, fanOut: number, seed: number): tf.Tensor {
  const scale = 1.0 / Math.max(1, (fanIn + fanOut) / 2);
  const limit = Math.sqrt(3 * scale);
  return tf.randomUniform([fanIn, fanOut], -limit, limit, 'float32', seed);
}

/**
 * Orthogonal(gain 1) on a [rows, cols] shape, as tfjs-layers writes it: Q of a seeded normal
 * [max, min] matrix, its columns signed by diag(R), transposed when rows < cols.
 */
function orthogonal(rows: number, cols: number, seed: number): tf.Tensor {
  const m = Math.min(rows, cols);
  const normal = tf.randomNormal([Math.max(rows, cols), m], 0, 1, 'float32', seed);
  const [q, r] = tf.linalg.qr(normal, false);
  const diag = tf.stridedSlice(tf.reshape(r, [-1]), [0], [m * m], [m + 1]);
  const signed = tf.mul(q, tf.sign(diag));
  const oriented = rows < cols ? tf.transpose(signed) : signed;
  return tf.mul(tf.scalar(1), tf.reshape(oriented, [rows, cols]));
}

export interface ParamLayout {
  V: number;
  E: number;
  H: number;
  /** Gates side by side in W, U and b (shared/cells.ts): 1 SimpleRNN, 3 GRU, 4 LSTM. */
  G: number;
  /** Whether the dense readout's H + 1 values end the vector. */
  dense: boolean;
  /**
   * Offsets into the flat parameter vector
   * [embedding V·E | kernel W E·G·H | recurrent U H·G·H | bias b G·H | readout kernel H | readout bias 1].
   */
  embedding: number;
  kernel: number;
  recurrent: number;
  bias: number;
  /** The readout kernel (the readout bias follows it); equals `size` without the dense readout. */
  readout: number;
  size: number;
}

export function paramLayout(config: Pick<RunConfig, 'task' | 'model'>): ParamLayout {
  const V = config.task.vocabularySize;
  const E = config.model.embeddingDim;
  const H = config.model.rnnUnits;
  const G = gateCount(config.model.cell);
  const dense = config.model.readout === 'dense';
  const kernel = V * E;
  const recurrent = kernel + E * G * H;
  const bias = recurrent + H * G * H;
  const readout = bias + G * H;
  return { V, E, H, G, dense, embedding: 0, kernel, recurrent, bias, readout, size: readout + (dense ? H + 1 : 0) };
}
