import * as tf from '@tensorflow/tfjs-core';
import type { CellKind } from '../../shared/cells.js';
import type { RnnActivation } from '../../shared/schemas/run-config.js';
import { cellGradients, cellKernel, lastState } from './cell-kernel.js';
import { activationCode, type RnnDims } from './rnn-kernel.js';

/**
 * tfjs's SimpleRNN / GRU / LSTM layer (returnSequences false, zero initial state, logistic sigmoid on the
 * gates) as ONE tfjs op with a hand-written gradient: x [B,T,E], W [E,G·H], U [H,G·H], b [G·H] → h_T [B,H].
 * Differentiable with tf.grads and usable with tfjs optimisers; the unit tests hold it to tfjs's own layers.
 */
export function fusedRecurrent(
  cell: CellKind,
  x: tf.Tensor3D,
  kernel: tf.Tensor2D,
  recurrentKernel: tf.Tensor2D,
  bias: tf.Tensor1D,
  activation: RnnActivation,
): tf.Tensor2D {
  const code = activationCode(activation);
  const k = cellKernel(cell);
  const op = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [xt, wt, ut, bt] = args as tf.Tensor[];
    const [B, T, E] = xt.shape;
    const H = ut.shape[0];
    const dims: RnnDims = { B, T, E, H };
    const xv = xt.dataSync();
    const wv = wt.dataSync();
    const uv = ut.dataSync();
    const cache = new Float64Array(B * T * k.stride * H);
    k.forward(xv, wv, uv, bt.dataSync(), dims, code, cache);
    const last = new Float32Array(B * H);
    for (let n = 0; n < B; n++) for (let j = 0; j < H; j++) last[n * H + j] = lastState(k, cache, dims, n, j);
    const value = tf.tensor2d(last, [B, H]);
    const gradFunc = (dy: tf.Tensor2D) => {
      const grads = cellGradients(k, dims);
      k.backward(xv, wv, uv, cache, dy.dataSync(), dims, code, grads, new Float64Array(k.scratchPerUnit * H));
      const G = k.gates * H;
      return [
        tf.tensor3d(Float32Array.from(grads.dx), [B, T, E]),
        tf.tensor2d(Float32Array.from(grads.dW), [E, G]),
        tf.tensor2d(Float32Array.from(grads.dU), [H, G]),
        tf.tensor1d(Float32Array.from(grads.db)),
      ];
    };
    return { value, gradFunc };
  });
  return op(x, kernel, recurrentKernel, bias);
}

/** tf.SimpleRNN as one op: x [B,T,E], W [E,H], U [H,H], b [H] → h_T [B,H]. */
export function fusedSimpleRnn(
  x: tf.Tensor3D,
  kernel: tf.Tensor2D,
  recurrentKernel: tf.Tensor2D,
  bias: tf.Tensor1D,
  activation: RnnActivation,
): tf.Tensor2D {
  return fusedRecurrent('simple', x, kernel, recurrentKernel, bias, activation);
}
