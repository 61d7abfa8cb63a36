import * as tf from '@tensorflow/tfjs-core';

const BETA1 = 0.9;
const BETA2 = 0.999;

/**
 * tf.train.adam for a stack of runs: parameters [R, P], one row per run, each row with its own learning rate and
 * its own running β₁ⁿ, β₂ⁿ ([R, 1] tensors, so a run may join a stack that has already stepped). The ops are
 * tf.train.adam's (adam_optimizer.js in tfjs-core 4.22), in its order and with its float32 constants; broadcasting
 * a [R, 1] column applies the same float32 arithmetic to every element of a row as the optimizer's scalar does,
 * so a row updates bit for bit as the same run alone. A row whose gradient is zero and whose moments are zero
 * (padding, a free slot) stays exactly where it is: m = v = 0 gives an update of 0 / (0 + ε) = 0.
 */
export class StackedAdam {
  private m: tf.Tensor2D;
  private v: tf.Tensor2D;
  private accBeta1: tf.Tensor2D;
  private accBeta2: tf.Tensor2D;
  /** −learning rate per row (tf.train.adam multiplies by −lr). */
  private negLr: tf.Tensor2D;
  private readonly epsilon: number;

  constructor(
    readonly rows: number,
    readonly cols: number,
  ) {
    this.m = tf.zeros([rows, cols]);
    this.v = tf.zeros([rows, cols]);
    this.accBeta1 = tf.fill([rows, 1], BETA1);
    this.accBeta2 = tf.fill([rows, 1], BETA2);
    this.negLr = tf.zeros([rows, 1]);
    // tf.train.adam's default: the backend's epsilon (1e-7 on float32 backends).
    this.epsilon = tf.backend().epsilon();
  }

  /** Starts row r afresh (zero moments, step 0) with this learning rate. */
  reset(r: number, learningRate: number): void {
    this.m = setRow(this.m, r, 0);
    this.v = setRow(this.v, r, 0);
    this.accBeta1 = setRow(this.accBeta1, r, BETA1);
    this.accBeta2 = setRow(this.accBeta2, r, BETA2);
    this.negLr = setRow(this.negLr, r, -learningRate);
  }

  /** One Adam step of every row; returns the new parameters (the caller disposes of the old ones). */
  update(params: tf.Tensor2D, gradient: tf.Tensor2D): tf.Tensor2D {
    const [next, m, v, b1, b2] = tf.tidy(() => {
      const oneMinusAccBeta1 = tf.sub(1, this.accBeta1);
      const oneMinusAccBeta2 = tf.sub(1, this.accBeta2);
      const newFirstMoment = tf.add(tf.mul(this.m, BETA1), tf.mul(gradient, 1 - BETA1));
      const newSecondMoment = tf.add(tf.mul(this.v, BETA2), tf.mul(tf.square(gradient), 1 - BETA2));
      const biasCorrectedFirstMoment = tf.div(newFirstMoment, oneMinusAccBeta1);
      const biasCorrectedSecondMoment = tf.div(newSecondMoment, oneMinusAccBeta2);
      const newValue = tf.add(
        tf.mul(tf.div(biasCorrectedFirstMoment, tf.add(tf.sqrt(biasCorrectedSecondMoment), this.epsilon)), this.negLr),
        params,
      );
      return [
        newValue,
        newFirstMoment,
        newSecondMoment,
        tf.mul(this.accBeta1, BETA1),
        tf.mul(this.accBeta2, BETA2),
      ] as tf.Tensor2D[];
    });
    tf.dispose([this.m, this.v, this.accBeta1, this.accBeta2]);
    this.m = m;
    this.v = v;
    this.accBeta1 = b1;
    this.accBeta2 = b2;
    return next;
  }

  /** The moments, for tests (padding keeps them at zero). */
  moments(): { m: Float32Array; v: Float32Array } {
    return { m: this.m.dataSync() as Float32Array, v: this.v.dataSync() as Float32Array };
  }

  dispose(): void {
    tf.dispose([this.m, this.v, this.accBeta1, this.accBeta2, this.negLr]);
  }
}

/** A copy of `t` with row r set to `value` (t is disposed of): rare (a run joins or leaves), so a host round trip. */
export function setRow(t: tf.Tensor2D, r: number, value: number | ArrayLike<number>): tf.Tensor2D {
  const [rows, cols] = t.shape;
  const values = (t.dataSync() as Float32Array).slice();
  if (typeof value === 'number') values.fill(value, r * cols, (r + 1) * cols);
  else {
    values.fill(0, r * cols, (r + 1) * cols);
    values.set(value, r * cols);
  }
  t.dispose();
  return tf.tensor2d(values, [rows, cols]);
}
