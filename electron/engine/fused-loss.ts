import * as tf from '@tensorflow/tfjs-core';
import type { RunConfig } from '../../shared/schemas/run-config.js';
import type { Dataset } from './dataset.js';
import type { ParamLayout } from './initial-weights.js';
import { activationCode, rnnBackward, rnnForward, type RnnDims, type RnnGradients } from './rnn-kernel.js';

/** Keras's backend epsilon: binary cross-entropy clips probabilities to [ε, 1 − ε]. */
const EPSILON = 1e-7;

/**
 * The whole model and its loss as ONE tfjs op over the flat parameter vector
 * [embedding | W | U | b]: embedding lookup → SimpleRNN → optional sigmoid → mean binary
 * cross-entropy (Keras semantics, including its clipping). The forward pass and the
 * hand-written backward pass run as one kernel each, so a training step is this op plus
 * Adam's elementwise update: no per-time-step op dispatch and no tensors for the data.
 * Rows are chosen with `useRows` before each call (indices into the data set).
 */
export class FusedLoss {
  readonly op: (params: tf.Tensor) => tf.Scalar;
  /** Of the most recent forward pass: loss summed over rows × units, and rows read out right (see StepStats). */
  lastLossSum = 0;
  lastCorrect = 0;
  lastRows = 0;
  private rows: Int32Array = new Int32Array(0);
  private readonly code: number;
  private readonly sigmoidHead: boolean;
  private readonly x: Float64Array;
  private readonly states: Float64Array;
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
    this.code = activationCode(config.model.rnnActivation);
    this.sigmoidHead = config.model.outputActivation === 'sigmoid';
    this.x = new Float64Array(maxRows * T * E);
    this.states = new Float64Array(maxRows * T * H);
    this.dLast = new Float64Array(maxRows * H);
    this.grads = {
      dx: new Float64Array(maxRows * T * E),
      dW: new Float64Array(E * H),
      dU: new Float64Array(H * H),
      db: new Float64Array(H),
    };
    this.scratch = new Float64Array(2 * H);
    this.op = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
      const params = (args[0] as tf.Tensor).dataSync() as Float32Array;
      const rows = this.rows;
      const value = tf.scalar(this.forward(params, rows) / (rows.length * H));
      // The backward pass reuses this call's scratch; tfjs runs it right after the forward.
      const gradFunc = (dy: tf.Scalar) => {
        const scale = dy.dataSync()[0];
        return [tf.tensor1d(this.backward(params, rows, scale))];
      };
      return { value, gradFunc };
    });
  }

  useRows(rows: Int32Array): void {
    if (rows.length > this.maxRows) throw new Error(`fused op: ${rows.length} rows exceed ${this.maxRows}`);
    this.rows = rows;
  }

  /** Sigmoid probabilities h_T (or sigmoid(h_T)), one per row and unit, without gradients. */
  probabilities(params: ArrayLike<number>, rows: Int32Array): Float64Array {
    const { H } = this.layout;
    this.forward(params, rows);
    const out = new Float64Array(rows.length * H);
    for (let i = 0; i < out.length; i++) out[i] = this.dLast[i];
    return out;
  }

  /** Runs the forward pass; returns the loss sum. Leaves probabilities in dLast (read by probabilities()). */
  private forward(params: ArrayLike<number>, rows: Int32Array): number {
    const { E, H, kernel, recurrent, bias } = this.layout;
    const T = this.data.sequenceLength;
    const B = rows.length;
    const { xs, labels } = this.data;
    const x = this.x;
    for (let n = 0; n < B; n++) {
      const ro = rows[n] * T;
      for (let t = 0; t < T; t++) {
        const eo = xs[ro + t] * E;
        const xo = (n * T + t) * E;
        for (let e = 0; e < E; e++) x[xo + e] = params[eo + e];
      }
    }
    const W = subarray(params, kernel, E * H);
    const U = subarray(params, recurrent, H * H);
    const b = subarray(params, bias, H);
    rnnForward(x, W, U, b, { B, T, E, H }, this.code, this.states);
    let lossSum = 0;
    let correct = 0;
    for (let n = 0; n < B; n++) {
      const y = labels[rows[n]];
      let pSum = 0;
      for (let j = 0; j < H; j++) {
        const h = this.states[(n * T + T - 1) * H + j];
        const p = this.sigmoidHead ? 1 / (1 + Math.exp(-h)) : h;
        this.dLast[n * H + j] = p;
        pSum += p;
        // The loss stays per unit (the label tiled across units, as the reference path and Keras do).
        const pc = Math.min(Math.max(p, EPSILON), 1 - EPSILON);
        lossSum += y === 1 ? -Math.log(pc) : -Math.log1p(-pc);
      }
      // Accuracy reads the row out as the predictions do: the mean of the units' probabilities.
      if ((pSum / H > 0.5 ? 1 : 0) === y) correct++;
    }
    this.lastLossSum = lossSum;
    this.lastCorrect = correct;
    this.lastRows = B;
    return lossSum;
  }

  /** d(mean loss)/d(params) × scale, for the rows of the last forward pass. */
  private backward(params: ArrayLike<number>, rows: Int32Array, scale: number): Float32Array {
    const { E, H, kernel, recurrent, bias, size } = this.layout;
    const T = this.data.sequenceLength;
    const B = rows.length;
    const { xs, labels } = this.data;
    const k = scale / (B * H);
    const dLast = this.dLast;
    for (let n = 0; n < B; n++) {
      const y = labels[rows[n]];
      for (let j = 0; j < H; j++) {
        const p = dLast[n * H + j];
        // Keras clips p before the log: outside [ε, 1 − ε] the gradient is zero.
        if (p < EPSILON || p > 1 - EPSILON) dLast[n * H + j] = 0;
        else dLast[n * H + j] = this.sigmoidHead ? k * (p - y) : (k * (p - y)) / (p * (1 - p));
      }
    }
    const g = this.grads;
    g.dx.fill(0, 0, B * T * E);
    g.dW.fill(0);
    g.dU.fill(0);
    g.db.fill(0);
    const W = subarray(params, kernel, E * H);
    const U = subarray(params, recurrent, H * H);
    rnnBackward(this.x, W, U, this.states, dLast, { B, T, E, H } satisfies RnnDims, this.code, g, this.scratch);
    // A fresh array per step: tfjs takes ownership of the buffer a tensor is made from.
    const out = new Float32Array(size);
    for (let n = 0; n < B; n++) {
      const ro = rows[n] * T;
      for (let t = 0; t < T; t++) {
        const eo = xs[ro + t] * E;
        const xo = (n * T + t) * E;
        for (let e = 0; e < E; e++) out[eo + e] += g.dx[xo + e];
      }
    }
    for (let i = 0; i < E * H; i++) out[kernel + i] = g.dW[i];
    for (let i = 0; i < H * H; i++) out[recurrent + i] = g.dU[i];
    for (let i = 0; i < H; i++) out[bias + i] = g.db[i];
    return out;
  }
}

function subarray(values: ArrayLike<number>, offset: number, length: number): ArrayLike<number> {
  return values instanceof Float32Array
    ? values.subarray(offset, offset + length)
    : Array.prototype.slice.call(values, offset, offset + length);
}
