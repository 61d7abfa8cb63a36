import * as tf from '@tensorflow/tfjs-core';

const BETA1 = 0.9;
const BETA2 = 0.999;

/**
 * tf.train.adam for a stack of runs: parameters [R, P], one row per run, each row with its own learning rate and
 * its own running β₁ⁿ, β₂ⁿ (so a run may join a stack that has already stepped). The ops are tf.train.adam's
 * (adam_optimizer.js in tfjs-core 4.22), in its order and with its float32 constants; a row's learning rate and
 * β powers are the optimizer's scalars repeated along the row, so a row updates bit for bit as the same run alone.
 * They are full [R, P] tensors rather than [R, 1] columns: the CPU backend broadcasts a column element by element
 * through index arithmetic (10× an elementwise op), while a scalar or an equal shape takes its plain loop. A row whose gradient is zero and whose moments are zero
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

  /** Whether the update runs as one pass over the CPU backend's arrays (onePassUpdate) rather than the op chain. */
  readonly onePass: boolean;

  constructor(
    readonly rows: number,
    readonly cols: number,
    /** 'ops': always tf.train.adam's op chain (tests hold the one pass to it). Default: one pass on the CPU backend. */
    mode: 'auto' | 'ops' = 'auto',
  ) {
    this.onePass = mode === 'auto' && tf.getBackend() === 'cpu';
    this.m = tf.zeros([rows, cols]);
    this.v = tf.zeros([rows, cols]);
    this.accBeta1 = tf.fill([rows, cols], BETA1);
    this.accBeta2 = tf.fill([rows, cols], BETA2);
    this.negLr = tf.zeros([rows, cols]);
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
    const [next, m, v, b1, b2] = this.onePass ? this.onePassUpdate(params, gradient) : this.opsUpdate(params, gradient);
    tf.dispose([this.m, this.v, this.accBeta1, this.accBeta2]);
    this.m = m;
    this.v = v;
    this.accBeta1 = b1;
    this.accBeta2 = b2;
    return next;
  }

  private opsUpdate(params: tf.Tensor2D, gradient: tf.Tensor2D): tf.Tensor2D[] {
    return tf.tidy(() => {
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
  }

  /**
   * The same update as opsUpdate in one loop over the CPU backend's float32 arrays: every op's result rounded to
   * float32 (Math.fround) where the backend stores it, with the backend's own per-element arithmetic (a·b, a/b,
   * x·x for square, Math.sqrt), so the values are bit for bit the op chain's. The CPU backend runs each elementwise
   * op as a generic loop with a closure call per element: 17 passes over the stack cost ~20× this one.
   */
  private onePassUpdate(params: tf.Tensor2D, gradient: tf.Tensor2D): tf.Tensor2D[] {
    const f = Math.fround;
    const b1 = f(BETA1);
    const b2 = f(BETA2);
    const k1 = f(1 - BETA1);
    const k2 = f(1 - BETA2);
    const eps = f(this.epsilon);
    const p = params.dataSync();
    const g = gradient.dataSync();
    const m = this.m.dataSync();
    const v = this.v.dataSync();
    const a1 = this.accBeta1.dataSync();
    const a2 = this.accBeta2.dataSync();
    const lr = this.negLr.dataSync();
    const n = p.length;
    const [P, M, V, A1, A2] = [0, 1, 2, 3, 4].map(() => new Float32Array(n));
    for (let i = 0; i < n; i++) {
      const gi = g[i];
      const mi = f(f(m[i] * b1) + f(gi * k1));
      const vi = f(f(v[i] * b2) + f(f(gi * gi) * k2));
      const mHat = f(mi / f(1 - a1[i]));
      const vHat = f(vi / f(1 - a2[i]));
      P[i] = f(f(f(mHat / f(f(Math.sqrt(vHat)) + eps)) * lr[i]) + p[i]);
      M[i] = mi;
      V[i] = vi;
      A1[i] = f(a1[i] * b1);
      A2[i] = f(a2[i] * b2);
    }
    const shape: [number, number] = [this.rows, this.cols];
    return [P, M, V, A1, A2].map((values) => tf.tensor2d(values, shape));
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
