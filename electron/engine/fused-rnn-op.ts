import * as tf from '@tensorflow/tfjs-core';
import type { RnnActivation } from '../../shared/schemas/run-config.js';
import { activationCode, rnnBackward, rnnForward, type RnnDims } from './rnn-kernel.js';

/**
 * tf.SimpleRNN (returnSequences false, zero initial state) as ONE tfjs op with a hand-written
 * gradient: x [B,T,E], W [E,H], U [H,H], b [H] → h_T [B,H]. Differentiable with tf.grads and
 * usable with tfjs optimisers; the unit tests hold it to tfjs's own SimpleRNN layer.
 */
export function fusedSimpleRnn(
  x: tf.Tensor3D,
  kernel: tf.Tensor2D,
  recurrentKernel: tf.Tensor2D,
  bias: tf.Tensor1D,
  activation: RnnActivation,
): tf.Tensor2D {
  const code = activationCode(activation);
  const op = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [xt, wt, ut, bt] = args as tf.Tensor[];
    const [B, T, E] = xt.shape;
    const H = wt.shape[1] ?? 1;
    const dims: RnnDims = { B, T, E, H };
    const xv = xt.dataSync();
    const wv = wt.dataSync();
    const uv = ut.dataSync();
    const states = new Float64Array(B * T * H);
    rnnForward(xv, wv, uv, bt.dataSync(), dims, code, states);
    const last = new Float32Array(B * H);
    for (let n = 0; n < B; n++) for (let j = 0; j < H; j++) last[n * H + j] = states[(n * T + T - 1) * H + j];
    const value = tf.tensor2d(last, [B, H]);
    const gradFunc = (dy: tf.Tensor2D) => {
      const dyv = dy.dataSync();
      const grads = {
        dx: new Float64Array(B * T * E),
        dW: new Float64Array(E * H),
        dU: new Float64Array(H * H),
        db: new Float64Array(H),
      };
      rnnBackward(xv, wv, uv, states, dyv, dims, code, grads, new Float64Array(2 * H));
      return [
        tf.tensor3d(Float32Array.from(grads.dx), [B, T, E]),
        tf.tensor2d(Float32Array.from(grads.dW), [E, H]),
        tf.tensor2d(Float32Array.from(grads.dU), [H, H]),
        tf.tensor1d(Float32Array.from(grads.db)),
      ];
    };
    return { value, gradFunc };
  });
  return op(x, kernel, recurrentKernel, bias);
}
