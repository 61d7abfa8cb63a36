import { activate, derivative, inputGradients, sigmoid, type CellBackward, type CellForward } from './rnn-kernel.js';

/**
 * LSTM forward and backward-through-time in plain JavaScript (float64), the body of the fused ops for
 * `cell: 'lstm'`. Same maths as tfjs-layers' LSTMCell (gates i, f, c, o along the last axis of
 * W [E,4H], U [H,4H], b [4H]), with the logistic sigmoid on the gates i, f, o:
 *   a = x·W + h₋₁·U + b, i = σ(a_i), f = σ(a_f), g = act(a_c), o = σ(a_o),
 *   c = f ⊙ c₋₁ + i ⊙ g, h = o ⊙ act(c), h₀ = c₀ = 0.
 * The cache holds, per row and step, [i | f | g | o | c | act(c) | h] (LSTM_STRIDE · H values).
 */
export const LSTM_STRIDE = 7;

export const lstmForward: CellForward = (x, W, U, b, dims, code, cache) => {
  const { B, T, E, H } = dims;
  const G = 4 * H;
  const S = LSTM_STRIDE * H;
  for (let n = 0; n < B; n++) {
    for (let t = 0; t < T; t++) {
      const xo = (n * T + t) * E;
      const co = (n * T + t) * S;
      const po = co - S;
      for (let col = 0; col < G; col++) {
        let a = b[col];
        for (let e = 0; e < E; e++) a += x[xo + e] * W[e * G + col];
        if (t > 0) for (let k = 0; k < H; k++) a += cache[po + 6 * H + k] * U[k * G + col];
        // Columns [2H, 3H) are the cell candidate (the run's activation); the others are gates.
        cache[co + col] = col >= 2 * H && col < 3 * H ? activate(code, a) : sigmoid(a);
      }
      for (let j = 0; j < H; j++) {
        const prevC = t > 0 ? cache[po + 4 * H + j] : 0;
        const c = cache[co + H + j] * prevC + cache[co + j] * cache[co + 2 * H + j];
        const actC = activate(code, c);
        cache[co + 4 * H + j] = c;
        cache[co + 5 * H + j] = actC;
        cache[co + 6 * H + j] = cache[co + 3 * H + j] * actC;
      }
    }
  }
};

/**
 * Back-propagation through time from dL/dh_T ([B,H]). Accumulates into `grads` (dW [E,4H], dU [H,4H],
 * db [4H], dx [B,T,E]; zero them first); `scratch` holds at least 6·H numbers.
 */
export const lstmBackward: CellBackward = (x, W, U, cache, dLast, dims, code, grads, scratch) => {
  const { B, T, E, H } = dims;
  const dh = scratch.subarray(0, H);
  const dc = scratch.subarray(H, 2 * H);
  const da = scratch.subarray(2 * H, 6 * H);
  for (let n = 0; n < B; n++) {
    for (let j = 0; j < H; j++) {
      dh[j] = dLast[n * H + j];
      dc[j] = 0;
    }
    for (let t = T - 1; t >= 0; t--) {
      const co = (n * T + t) * LSTM_STRIDE * H;
      gateGradients(cache, co, t > 0, H, code, dh, dc, da);
      inputGradients(x, W, da, (n * T + t) * E, E, 4 * H, grads);
      if (t > 0) recurrentGradients(cache, U, co - LSTM_STRIDE * H, H, da, dh, grads.dU);
    }
  }
};

/** From dL/dh and dL/dc at one step: the pre-activation gradients da [i | f | c | o]; dc becomes dL/dc₋₁. */
function gateGradients(
  cache: Float64Array,
  co: number,
  hasPrev: boolean,
  H: number,
  code: number,
  dh: Float64Array,
  dc: Float64Array,
  da: Float64Array,
): void {
  const po = co - LSTM_STRIDE * H;
  for (let j = 0; j < H; j++) {
    const i = cache[co + j];
    const f = cache[co + H + j];
    const g = cache[co + 2 * H + j];
    const o = cache[co + 3 * H + j];
    const actC = cache[co + 5 * H + j];
    const prevC = hasPrev ? cache[po + 4 * H + j] : 0;
    const dC = dc[j] + dh[j] * o * derivative(code, actC);
    da[j] = dC * g * i * (1 - i);
    da[H + j] = dC * prevC * f * (1 - f);
    da[2 * H + j] = dC * i * derivative(code, g);
    da[3 * H + j] = dh[j] * actC * o * (1 - o);
    dc[j] = dC * f;
  }
}

/** h₋₁·U (t > 0): adds to dU and replaces dh with dL/dh₋₁. `po` is the previous step's cache offset. */
function recurrentGradients(
  cache: Float64Array,
  U: ArrayLike<number>,
  po: number,
  H: number,
  da: Float64Array,
  dh: Float64Array,
  dU: Float64Array,
): void {
  const G = 4 * H;
  for (let k = 0; k < H; k++) {
    const prev = cache[po + 6 * H + k];
    let acc = 0;
    for (let col = 0; col < G; col++) {
      dU[k * G + col] += prev * da[col];
      acc += da[col] * U[k * G + col];
    }
    dh[k] = acc;
  }
}
