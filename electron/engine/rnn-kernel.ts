import type { RnnActivation } from '../../shared/schemas/run-config.js';

/**
 * SimpleRNN forward and backward in plain JavaScript (float64 accumulation), the body of the
 * fused tfjs ops. Same maths as tfjs's SimpleRNNCell: h_t = f(x_t·W + b + h_{t-1}·U), h_0 = 0.
 * Shapes (row-major): x [B,T,E], W [E,H], U [H,H], b [H], states [B,T,H].
 */
export interface RnnDims {
  B: number;
  T: number;
  E: number;
  H: number;
}

const LINEAR = 0;
const SIGMOID = 1;
const TANH = 2;
const RELU = 3;
const CODES: Record<RnnActivation, number> = { linear: LINEAR, sigmoid: SIGMOID, tanh: TANH, relu: RELU };

export function activationCode(activation: RnnActivation): number {
  return CODES[activation];
}

/** The gates' logistic sigmoid (tfjs's default for gates is the hard sigmoid; the cells here use this one). */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function activate(code: number, z: number): number {
  switch (code) {
    case SIGMOID:
      return 1 / (1 + Math.exp(-z));
    case TANH:
      return Math.tanh(z);
    case RELU:
      return z > 0 ? z : 0;
    default:
      return z;
  }
}

/** f'(z) written in terms of y = f(z) (relu: tfjs uses step(z), which is 0 at z = 0, as y > 0 is). */
export function derivative(code: number, y: number): number {
  switch (code) {
    case SIGMOID:
      return y * (1 - y);
    case TANH:
      return 1 - y * y;
    case RELU:
      return y > 0 ? 1 : 0;
    default:
      return 1;
  }
}

/** Fills `states` [B,T,H] with the hidden state after every step. */
export function rnnForward(
  x: ArrayLike<number>,
  W: ArrayLike<number>,
  U: ArrayLike<number>,
  b: ArrayLike<number>,
  dims: RnnDims,
  code: number,
  states: Float64Array,
): void {
  const { B, T, E, H } = dims;
  for (let n = 0; n < B; n++) {
    for (let t = 0; t < T; t++) {
      const xo = (n * T + t) * E;
      const so = (n * T + t) * H;
      const po = so - H;
      for (let j = 0; j < H; j++) {
        let z = b[j];
        for (let e = 0; e < E; e++) z += x[xo + e] * W[e * H + j];
        if (t > 0) for (let k = 0; k < H; k++) z += states[po + k] * U[k * H + j];
        states[so + j] = activate(code, z);
      }
    }
  }
}

/** A cell's forward pass: fills `cache` (the cell's own layout per row and step) from x, W, U and b. */
export type CellForward = (
  x: ArrayLike<number>,
  W: ArrayLike<number>,
  U: ArrayLike<number>,
  b: ArrayLike<number>,
  dims: RnnDims,
  code: number,
  cache: Float64Array,
) => void;

/** A cell's backward pass from dL/dh_T [B,H]: accumulates into `grads` (zeroed by the caller). */
export type CellBackward = (
  x: ArrayLike<number>,
  W: ArrayLike<number>,
  U: ArrayLike<number>,
  cache: Float64Array,
  dLast: ArrayLike<number>,
  dims: RnnDims,
  code: number,
  grads: RnnGradients,
  scratch: Float64Array,
) => void;

export interface RnnGradients {
  dx: Float64Array;
  dW: Float64Array;
  dU: Float64Array;
  db: Float64Array;
}

/**
 * Back-propagation through time from dL/dh_T ([B,H]). Accumulates into `grads`
 * (zero them first); `scratch` holds 2·H numbers.
 */
export function rnnBackward(
  x: ArrayLike<number>,
  W: ArrayLike<number>,
  U: ArrayLike<number>,
  states: Float64Array,
  dLast: ArrayLike<number>,
  dims: RnnDims,
  code: number,
  grads: RnnGradients,
  scratch: Float64Array,
): void {
  const { B, T, E, H } = dims;
  const { dU } = grads;
  const dh = scratch.subarray(0, H);
  const dz = scratch.subarray(H, 2 * H);
  for (let n = 0; n < B; n++) {
    for (let j = 0; j < H; j++) dh[j] = dLast[n * H + j];
    for (let t = T - 1; t >= 0; t--) {
      const xo = (n * T + t) * E;
      const so = (n * T + t) * H;
      for (let j = 0; j < H; j++) dz[j] = dh[j] * derivative(code, states[so + j]);
      inputGradients(x, W, dz, xo, E, H, grads);
      if (t === 0) continue;
      const po = so - H;
      for (let k = 0; k < H; k++) {
        const hv = states[po + k];
        let acc = 0;
        for (let j = 0; j < H; j++) {
          dU[k * H + j] += hv * dz[j];
          acc += dz[j] * U[k * H + j];
        }
        dh[k] = acc;
      }
    }
  }
}

/** The gated cells' db, dW [E,G] and dx from one step's pre-activation gradients da [G columns]. */
export function inputGradients(
  x: ArrayLike<number>,
  W: ArrayLike<number>,
  da: Float64Array,
  xo: number,
  E: number,
  G: number,
  grads: RnnGradients,
): void {
  const { dW, db, dx } = grads;
  for (let col = 0; col < G; col++) db[col] += da[col];
  for (let e = 0; e < E; e++) {
    const xv = x[xo + e];
    let acc = 0;
    for (let col = 0; col < G; col++) {
      dW[e * G + col] += xv * da[col];
      acc += da[col] * W[e * G + col];
    }
    dx[xo + e] += acc;
  }
}
