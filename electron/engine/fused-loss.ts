import * as tf from '@tensorflow/tfjs-core';
import type { RunConfig } from '../../shared/schemas/run-config.js';
import { cellGradients, cellKernel, lastState, type CellKernel } from './cell-kernel.js';
import type { Dataset } from './dataset.js';
import type { ParamLayout } from './initial-weights.js';
import { activationCode, type RnnDims, type RnnGradients } from './rnn-kernel.js';

/** Keras's backend epsilon: binary cross-entropy clips probabilities to [ε, 1 − ε]. */
const EPSILON = 1e-7;

/**
 * The whole model and its loss as ONE tfjs op over the flat parameter vector (paramLayout):
 * embedding lookup → SimpleRNN / GRU / LSTM → readout (the seed's optional sigmoid on the one unit, or
 * Dense(1) + sigmoid over the units) → mean binary cross-entropy over the rows (Keras semantics,
 * including its clipping). The forward pass and the hand-written backward pass run as one kernel each,
 * so a training step is this op plus Adam's elementwise update: no per-time-step op dispatch and no
 * tensors for the data. Rows are chosen with `useRows` before each call (indices into the data set).
 */
export class FusedLoss {
  readonly op: (params: tf.Tensor) => tf.Scalar;
  /** Of the most recent forward pass: loss summed over rows, and rows read out right (see StepStats). */
  lastLossSum = 0;
  lastCorrect = 0;
  lastRows = 0;
  private rows: Int32Array = new Int32Array(0);
  private readonly kernel: CellKernel;
  private readonly code: number;
  private readonly sigmoidHead: boolean;
  private readonly x: Float64Array;
  private readonly cache: Float64Array;
  /** Per row: the probability after a forward pass. */
  private readonly probs: Float64Array;
  /** Per row and unit: dL/dh_T for the backward pass. */
  private readonly dLast: Float64Array;
  private readonly grads: RnnGradients;
  private readonly scratch: Float64Array;

  constructor(
    config: RunConfig,
    private readonly data: Dataset,
    private readonly layout: ParamLayout,
    /** Most rows one call may use (a batch, or a validation chunk). */
    readonly maxRows: number,
  ) {
    const { E, H } = layout;
    const T = data.sequenceLength;
    this.kernel = cellKernel(config.model.cell);
    this.code = activationCode(config.model.rnnActivation);
    this.sigmoidHead = config.model.outputActivation === 'sigmoid';
    this.x = new Float64Array(maxRows * T * E);
    this.cache = new Float64Array(maxRows * T * this.kernel.stride * H);
    this.probs = new Float64Array(maxRows);
    this.dLast = new Float64Array(maxRows * H);
    this.grads = cellGradients(this.kernel, { B: maxRows, T, E, H });
    this.scratch = new Float64Array(this.kernel.scratchPerUnit * H);
    this.op = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
      const params = (args[0] as tf.Tensor).dataSync() as Float32Array;
      const rows = this.rows;
      const value = tf.scalar(this.forward(params, rows) / rows.length);
      // The backward pass reuses this call's scratch; tfjs runs it right after the forward.
      const gradFunc = (dy: tf.Scalar) => {
        // A fresh array per step: tfjs takes ownership of the buffer a tensor is made from.
        const out = new Float32Array(this.layout.size);
        this.backward(params, rows, dy.dataSync()[0], out);
        return [tf.tensor1d(out)];
      };
      return { value, gradFunc };
    });
  }

  useRows(rows: Int32Array): void {
    if (rows.length > this.maxRows) throw new Error(`fused op: ${rows.length} rows exceed ${this.maxRows}`);
    this.rows = rows;
  }

  /**
   * The mean loss over `rows` and its gradient, all in float64 (the op rounds to float32 for tfjs):
   * what a finite-difference check can hold the hand-written backward pass to.
   */
  lossAndGradient(params: Float64Array, rows: Int32Array): { loss: number; gradient: Float64Array } {
    this.useRows(rows);
    const loss = this.forward(params, rows) / rows.length;
    const gradient = new Float64Array(this.layout.size);
    this.backward(params, rows, 1, gradient);
    return { loss, gradient };
  }

  /** The model's probability per row, without gradients. */
  probabilities(params: ArrayLike<number>, rows: Int32Array): Float64Array {
    this.forward(params, rows);
    return this.probs.slice(0, rows.length);
  }

  private dims(B: number): RnnDims {
    return { B, T: this.data.sequenceLength, E: this.layout.E, H: this.layout.H };
  }

  /**
   * Runs the forward pass; returns the loss sum. Leaves the probabilities in probs. Public with `backward` so a
   * stack of runs (engine/stacked) computes each run's step with exactly the arithmetic of its op.
   */
  forward(params: ArrayLike<number>, rows: Int32Array): number {
    const { E, H, G, kernel, recurrent, bias } = this.layout;
    const dims = this.dims(rows.length);
    this.embed(params, rows);
    const W = subarray(params, kernel, E * G * H);
    const U = subarray(params, recurrent, H * G * H);
    const b = subarray(params, bias, G * H);
    this.kernel.forward(this.x, W, U, b, dims, this.code, this.cache);
    let lossSum = 0;
    let correct = 0;
    for (let n = 0; n < dims.B; n++) {
      const y = this.data.labels[rows[n]];
      const p = this.readout(params, dims, n);
      this.probs[n] = p;
      const pc = Math.min(Math.max(p, EPSILON), 1 - EPSILON);
      lossSum += y === 1 ? -Math.log(pc) : -Math.log1p(-pc);
      if ((p > 0.5 ? 1 : 0) === y) correct++;
    }
    this.lastLossSum = lossSum;
    this.lastCorrect = correct;
    this.lastRows = dims.B;
    return lossSum;
  }

  /** The rows' digits looked up in the embedding, into x [B,T,E]. */
  private embed(params: ArrayLike<number>, rows: Int32Array): void {
    const { E } = this.layout;
    const T = this.data.sequenceLength;
    const { xs } = this.data;
    for (let n = 0; n < rows.length; n++) {
      const ro = rows[n] * T;
      for (let t = 0; t < T; t++) {
        const eo = xs[ro + t] * E;
        const xo = (n * T + t) * E;
        for (let e = 0; e < E; e++) this.x[xo + e] = params[eo + e];
      }
    }
  }

  /** Row n's probability from its last state: Dense(1) + sigmoid, or the one unit (through the sigmoid). */
  private readout(params: ArrayLike<number>, dims: RnnDims, n: number): number {
    if (this.layout.dense) {
      const { H, readout } = this.layout;
      let logit = params[readout + H];
      for (let j = 0; j < H; j++) logit += lastState(this.kernel, this.cache, dims, n, j) * params[readout + j];
      return 1 / (1 + Math.exp(-logit));
    }
    const h = lastState(this.kernel, this.cache, dims, n, 0);
    return this.sigmoidHead ? 1 / (1 + Math.exp(-h)) : h;
  }

  /** d(mean loss)/d(params) × scale into `out` (zeros), for the rows of the last forward pass. */
  backward(params: ArrayLike<number>, rows: Int32Array, scale: number, out: Float32Array | Float64Array): void {
    const { E, H, G, kernel, recurrent } = this.layout;
    const dims = this.dims(rows.length);
    this.readoutBackward(params, rows, scale / dims.B, out);
    const g = this.grads;
    g.dx.fill(0, 0, dims.B * dims.T * E);
    g.dW.fill(0);
    g.dU.fill(0);
    g.db.fill(0);
    const W = subarray(params, kernel, E * G * H);
    const U = subarray(params, recurrent, H * G * H);
    this.kernel.backward(this.x, W, U, this.cache, this.dLast, dims, this.code, g, this.scratch);
    this.scatter(rows, out);
  }

  /** dL/dh_T into dLast (k = scale / rows) and, with the dense readout, its own gradients into out. */
  private readoutBackward(
    params: ArrayLike<number>,
    rows: Int32Array,
    k: number,
    out: Float32Array | Float64Array,
  ): void {
    const { H, readout, dense } = this.layout;
    const dims = this.dims(rows.length);
    for (let n = 0; n < dims.B; n++) {
      const y = this.data.labels[rows[n]];
      const p = this.probs[n];
      // Keras clips p before the log: outside [ε, 1 − ε] the gradient is zero.
      const clipped = p < EPSILON || p > 1 - EPSILON;
      if (dense) {
        const dLogit = clipped ? 0 : k * (p - y);
        for (let j = 0; j < H; j++) {
          this.dLast[n * H + j] = dLogit * params[readout + j];
          out[readout + j] += dLogit * lastState(this.kernel, this.cache, dims, n, j);
        }
        out[readout + H] += dLogit;
      } else if (clipped) this.dLast[n] = 0;
      else this.dLast[n] = this.sigmoidHead ? k * (p - y) : (k * (p - y)) / (p * (1 - p));
    }
  }

  /** The cell's gradients into out: dx summed into the embedding rows of the digits read, then W, U, b. */
  private scatter(rows: Int32Array, out: Float32Array | Float64Array): void {
    const { E, H, G, kernel, recurrent, bias } = this.layout;
    const T = this.data.sequenceLength;
    const { xs } = this.data;
    const g = this.grads;
    for (let n = 0; n < rows.length; n++) {
      const ro = rows[n] * T;
      for (let t = 0; t < T; t++) {
        const eo = xs[ro + t] * E;
        const xo = (n * T + t) * E;
        for (let e = 0; e < E; e++) out[eo + e] += g.dx[xo + e];
      }
    }
    for (let i = 0; i < E * G * H; i++) out[kernel + i] = g.dW[i];
    for (let i = 0; i < H * G * H; i++) out[recurrent + i] = g.dU[i];
    for (let i = 0; i < G * H; i++) out[bias + i] = g.db[i];
  }
}

function subarray(values: ArrayLike<number>, offset: number, length: number): ArrayLike<number> {
  return values instanceof Float32Array || values instanceof Float64Array
    ? values.subarray(offset, offset + length)
    : Array.prototype.slice.call(values, offset, offset + length);
}
