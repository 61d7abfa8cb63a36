import { activate, derivative, inputGradients, sigmoid, type CellBackward, type CellForward } from './rnn-kernel.js';

/**
 * GRU forward and backward-through-time in plain JavaScript (float64), the body of the fused ops for
 * `cell: 'gru'`. Same maths as tfjs-layers' GRUCell (reset_after false, gates in the order z, r, h along
 * the last axis of W [E,3H], U [H,3H], b [3H]), with the logistic sigmoid on the gates:
 *   z = σ(x·W_z + h₋₁·U_z + b_z), r = σ(x·W_r + h₋₁·U_r + b_r),
 *   ĥ = f(x·W_h + (r ⊙ h₋₁)·U_h + b_h), h = z ⊙ h₋₁ + (1 − z) ⊙ ĥ, h₀ = 0.
 * The cache holds, per row and step, [z | r | ĥ | h] (GRU_STRIDE · H values).
 */
export const GRU_STRIDE = 4;

export const gruForward: CellForward = (x, W, U, b, dims, code, cache) => {
  const { B, T, E, H } = dims;
  const G = 3 * H;
  const S = GRU_STRIDE * H;
  for (let n = 0; n < B; n++) {
    for (let t = 0; t < T; t++) {
      const xo = (n * T + t) * E;
      const co = (n * T + t) * S;
      // The previous step's h (absent at t = 0: the zero state).
      const ho = co - S + 3 * H;
      for (let col = 0; col < 2 * H; col++) {
        let a = b[col];
        for (let e = 0; e < E; e++) a += x[xo + e] * W[e * G + col];
        if (t > 0) for (let k = 0; k < H; k++) a += cache[ho + k] * U[k * G + col];
        cache[co + col] = sigmoid(a);
      }
      for (let j = 0; j < H; j++) {
        const col = 2 * H + j;
        let a = b[col];
        for (let e = 0; e < E; e++) a += x[xo + e] * W[e * G + col];
        if (t > 0) for (let k = 0; k < H; k++) a += cache[co + H + k] * cache[ho + k] * U[k * G + col];
        cache[co + col] = activate(code, a);
      }
      for (let j = 0; j < H; j++) {
        const z = cache[co + j];
        const prev = t > 0 ? cache[ho + j] : 0;
        cache[co + 3 * H + j] = z * prev + (1 - z) * cache[co + 2 * H + j];
      }
    }
  }
};

/**
 * Back-propagation through time from dL/dh_T ([B,H]). Accumulates into `grads` (dW [E,3H], dU [H,3H],
 * db [3H], dx [B,T,E]; zero them first); `scratch` holds at least 5·H numbers.
 */
export const gruBackward: CellBackward = (x, W, U, cache, dLast, dims, code, grads, scratch) => {
  const { B, T, H } = dims;
  const dh = scratch.subarray(0, H);
  const dPrev = scratch.subarray(H, 2 * H);
  const da = scratch.subarray(2 * H, 5 * H);
  for (let n = 0; n < B; n++) {
    for (let j = 0; j < H; j++) dh[j] = dLast[n * H + j];
    for (let t = T - 1; t >= 0; t--) {
      gateGradients(cache, (n * T + t) * GRU_STRIDE * H, t > 0, H, code, dh, dPrev, da);
      // The recurrent products first: they complete the reset gate's gradient (zero at t = 0, where h₋₁ = 0).
      if (t > 0) recurrentGradients(cache, U, (n * T + t) * GRU_STRIDE * H, H, da, dPrev, grads.dU);
      inputGradients(x, W, da, (n * T + t) * dims.E, dims.E, 3 * H, grads);
      dh.set(dPrev);
    }
  }
};

/**
 * From dL/dh at one step: the pre-activation gradients da [z | r | h] and the part of dL/dh₋₁ that
 * flows through z ⊙ h₋₁ (recurrentGradients adds the rest, through the recurrent products).
 */
function gateGradients(
  cache: Float64Array,
  co: number,
  hasPrev: boolean,
  H: number,
  code: number,
  dh: Float64Array,
  dPrev: Float64Array,
  da: Float64Array,
): void {
  const ho = co - GRU_STRIDE * H + 3 * H;
  for (let j = 0; j < H; j++) {
    const z = cache[co + j];
    const cand = cache[co + 2 * H + j];
    const prev = hasPrev ? cache[ho + j] : 0;
    da[j] = dh[j] * (prev - cand) * z * (1 - z);
    da[2 * H + j] = dh[j] * (1 - z) * derivative(code, cand);
    dPrev[j] = dh[j] * z;
    da[H + j] = 0;
  }
}

/**
 * The recurrent products (t > 0): the candidate's (r ⊙ h₋₁)·U_h, which also completes the reset gate's
 * gradient da_r, and h₋₁·[U_z U_r]. Adds to dU and to dPrev (dL/dh₋₁).
 */
function recurrentGradients(
  cache: Float64Array,
  U: ArrayLike<number>,
  co: number,
  H: number,
  da: Float64Array,
  dPrev: Float64Array,
  dU: Float64Array,
): void {
  const G = 3 * H;
  const ho = co - GRU_STRIDE * H + 3 * H;
  for (let k = 0; k < H; k++) {
    const r = cache[co + H + k];
    const prev = cache[ho + k];
    let q = 0;
    for (let j = 0; j < H; j++) {
      q += da[2 * H + j] * U[k * G + 2 * H + j];
      dU[k * G + 2 * H + j] += r * prev * da[2 * H + j];
    }
    da[H + k] = q * prev * r * (1 - r);
    dPrev[k] += q * r;
  }
  for (let k = 0; k < H; k++) {
    const prev = cache[ho + k];
    let acc = 0;
    for (let col = 0; col < 2 * H; col++) {
      dU[k * G + col] += prev * da[col];
      acc += da[col] * U[k * G + col];
    }
    dPrev[k] += acc;
  }
}
