import type { RunConfig } from '../../shared/schemas/run-config.js';
import { deriveSeed, mulberry32, shuffledIndices } from '../../shared/rng.js';
import { stepsPerEpoch } from '../../shared/task-rule.js';
import type { Dataset } from '../engine/dataset.js';

/**
 * The bench's floor: the engine's SimpleRNN maths written once more by hand, with no tfjs at all (Float64Array
 * parameters, the forward pass, back-propagation through time and Adam in plain loops). What a training step
 * costs when nothing but the arithmetic runs; the bench holds the engine's figures against it, and a unit test
 * holds its losses to the fused engine's. SimpleRNN only (the seed's cell), either readout.
 *
 * Parameters are one flat vector in the fused engine's order (paramLayout with one gate):
 * [embedding V·E | W E·H | U H·H | b H | readout kernel H | readout bias 1 (dense only)].
 */

/** Keras's epsilon: the loss clips probabilities to [ε, 1 − ε]. */
const EPSILON = 1e-7;
/**
 * Adam's constants as tf.train.adam holds them: float32 scalars (β₂ = 0.999 in float32 makes 1 − β₂ⁿ differ
 * by 1e-5 relative from the float64 value, which moves every update); the arithmetic itself stays float64.
 */
const f32 = Math.fround;
const BETA1 = f32(0.9);
const BETA2 = f32(0.999);
const ADAM_EPSILON = f32(1e-7);
/** The engine's shuffle stream (initial-weights.ts SEED_STREAMS.shuffle; that module loads tfjs, so not imported). */
const SHUFFLE_STREAM = 4;

export interface FloorLayout {
  V: number;
  E: number;
  H: number;
  dense: boolean;
  kernel: number;
  recurrent: number;
  bias: number;
  readout: number;
  size: number;
}

export function floorLayout(config: Pick<RunConfig, 'task' | 'model'>): FloorLayout {
  if (config.model.cell !== 'simple') throw new Error(`the floor trainer is SimpleRNN only, not ${config.model.cell}`);
  const V = config.task.vocabularySize;
  const { embeddingDim: E, rnnUnits: H } = config.model;
  const dense = config.model.readout === 'dense';
  const kernel = V * E;
  const recurrent = kernel + E * H;
  const bias = recurrent + H * H;
  const readout = bias + H;
  return { V, E, H, dense, kernel, recurrent, bias, readout, size: readout + (dense ? H + 1 : 0) };
}

export class FloorTrainer {
  readonly layout: FloorLayout;
  readonly params: Float64Array;
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private readonly grad: Float64Array;
  private readonly T: number;
  private readonly act: RunConfig['model']['rnnActivation'];
  private readonly sigmoidHead: boolean;
  private readonly lr: number;
  /** tfjs's running β₁ⁿ and β₂ⁿ: float32 scalars multiplied by β once per step. */
  private accBeta1 = BETA1;
  private accBeta2 = BETA2;
  /** Per row of the current batch: states [T,H], the probability. */
  private readonly states: Float64Array;
  private readonly probs: Float64Array;
  private readonly dh: Float64Array;
  private readonly dz: Float64Array;

  constructor(
    config: RunConfig,
    private readonly data: Dataset,
    initial: ArrayLike<number>,
    maxRows: number,
  ) {
    this.layout = floorLayout(config);
    if (initial.length !== this.layout.size)
      throw new Error(`floor: ${initial.length} initial values, not ${this.layout.size}`);
    this.params = Float64Array.from(initial);
    this.m = new Float64Array(this.layout.size);
    this.v = new Float64Array(this.layout.size);
    this.grad = new Float64Array(this.layout.size);
    this.T = data.sequenceLength;
    this.act = config.model.rnnActivation;
    this.sigmoidHead = config.model.outputActivation === 'sigmoid';
    this.lr = f32(config.training.learningRate);
    const { H } = this.layout;
    this.states = new Float64Array(maxRows * this.T * H);
    this.probs = new Float64Array(maxRows);
    this.dh = new Float64Array(H);
    this.dz = new Float64Array(H);
  }

  /** One Adam step on the rows; returns their summed loss and how many were right. */
  step(rows: Int32Array): { lossSum: number; correct: number } {
    const out = this.forward(rows);
    this.backward(rows);
    this.adam();
    return out;
  }

  /** Summed loss and rows right, without a step. */
  forward(rows: Int32Array): { lossSum: number; correct: number } {
    const { E, H, kernel, recurrent, bias } = this.layout;
    const p = this.params;
    const { xs, labels } = this.data;
    const T = this.T;
    let lossSum = 0;
    let correct = 0;
    for (let n = 0; n < rows.length; n++) {
      for (let t = 0; t < T; t++) {
        const digit = xs[rows[n] * T + t];
        const so = (n * T + t) * H;
        for (let j = 0; j < H; j++) {
          let z = p[bias + j];
          for (let e = 0; e < E; e++) z += p[digit * E + e] * p[kernel + e * H + j];
          if (t > 0) for (let k = 0; k < H; k++) z += this.states[so - H + k] * p[recurrent + k * H + j];
          this.states[so + j] = activate(this.act, z);
        }
      }
      const prob = this.readout(n);
      this.probs[n] = prob;
      const y = labels[rows[n]];
      const pc = Math.min(Math.max(prob, EPSILON), 1 - EPSILON);
      lossSum += y === 1 ? -Math.log(pc) : -Math.log1p(-pc);
      if ((prob > 0.5 ? 1 : 0) === y) correct++;
    }
    return { lossSum, correct };
  }

  private readout(n: number): number {
    const { H, dense, readout } = this.layout;
    const last = (n * this.T + this.T - 1) * H;
    if (!dense) {
      const h = this.states[last];
      return this.sigmoidHead ? 1 / (1 + Math.exp(-h)) : h;
    }
    let logit = this.params[readout + H];
    for (let j = 0; j < H; j++) logit += this.states[last + j] * this.params[readout + j];
    return 1 / (1 + Math.exp(-logit));
  }

  /** The mean loss's gradient over the rows of the last forward pass, into grad. */
  private backward(rows: Int32Array): void {
    const { E, H, dense, kernel, recurrent, bias, readout } = this.layout;
    const p = this.params;
    const g = this.grad;
    const { xs, labels } = this.data;
    const T = this.T;
    const { dh, dz } = this;
    g.fill(0);
    const k = 1 / rows.length;
    for (let n = 0; n < rows.length; n++) {
      const prob = this.probs[n];
      const y = labels[rows[n]];
      const clipped = prob < EPSILON || prob > 1 - EPSILON;
      const last = (n * T + T - 1) * H;
      if (dense) {
        const dLogit = clipped ? 0 : k * (prob - y);
        for (let j = 0; j < H; j++) {
          dh[j] = dLogit * p[readout + j];
          g[readout + j] += dLogit * this.states[last + j];
        }
        g[readout + H] += dLogit;
      } else if (clipped) dh[0] = 0;
      else dh[0] = this.sigmoidHead ? k * (prob - y) : (k * (prob - y)) / (prob * (1 - prob));
      for (let t = T - 1; t >= 0; t--) {
        const digit = xs[rows[n] * T + t];
        const so = (n * T + t) * H;
        for (let j = 0; j < H; j++) dz[j] = dh[j] * slope(this.act, this.states[so + j]);
        for (let j = 0; j < H; j++) g[bias + j] += dz[j];
        for (let e = 0; e < E; e++) {
          const x = p[digit * E + e];
          let acc = 0;
          for (let j = 0; j < H; j++) {
            g[kernel + e * H + j] += x * dz[j];
            acc += dz[j] * p[kernel + e * H + j];
          }
          g[digit * E + e] += acc;
        }
        if (t === 0) continue;
        for (let i = 0; i < H; i++) {
          const prev = this.states[so - H + i];
          let acc = 0;
          for (let j = 0; j < H; j++) {
            g[recurrent + i * H + j] += prev * dz[j];
            acc += dz[j] * p[recurrent + i * H + j];
          }
          dh[i] = acc;
        }
      }
    }
  }

  /** Adam as tf.train.adam writes it (bias corrections divided into the moments; ε outside the root). */
  private adam(): void {
    const c1 = f32(1 - this.accBeta1);
    const c2 = f32(1 - this.accBeta2);
    const k1 = f32(1 - BETA1);
    const k2 = f32(1 - BETA2);
    const { params, m, v, grad } = this;
    for (let i = 0; i < params.length; i++) {
      const gi = grad[i];
      m[i] = BETA1 * m[i] + k1 * gi;
      v[i] = BETA2 * v[i] + k2 * gi * gi;
      params[i] -= (this.lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + ADAM_EPSILON);
    }
    this.accBeta1 = f32(this.accBeta1 * BETA1);
    this.accBeta2 = f32(this.accBeta2 * BETA2);
  }
}

function activate(act: RunConfig['model']['rnnActivation'], z: number): number {
  if (act === 'linear') return z;
  if (act === 'sigmoid') return 1 / (1 + Math.exp(-z));
  if (act === 'tanh') return Math.tanh(z);
  return z > 0 ? z : 0;
}

/** f'(z) from y = f(z). */
function slope(act: RunConfig['model']['rnnActivation'], y: number): number {
  if (act === 'linear') return 1;
  if (act === 'sigmoid') return y * (1 - y);
  if (act === 'tanh') return 1 - y * y;
  return y > 0 ? 1 : 0;
}

export interface FloorEpoch {
  loss: number;
  acc: number;
  valLoss: number;
  valAcc: number;
}

/**
 * A whole run by the floor: the engine's epochs, shuffle stream and Keras validation split, evaluating the
 * validation rows after each epoch. `initial`: the starting parameters (floorInitialParams by default).
 */
export function trainFloor(config: RunConfig, data: Dataset, initial?: ArrayLike<number>): FloorEpoch[] {
  const { batchSize, epochs, seed } = config.training;
  const validation = data.size - data.trainSize;
  const trainer = new FloorTrainer(
    config,
    data,
    initial ?? floorInitialParams(config),
    Math.max(batchSize, validation, 1),
  );
  const random = mulberry32(deriveSeed(seed, SHUFFLE_STREAM));
  const order = new Int32Array(data.trainSize);
  const valRows = new Int32Array(validation);
  for (let i = 0; i < validation; i++) valRows[i] = data.trainSize + i;
  const steps = stepsPerEpoch(config);
  const history: FloorEpoch[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffledIndices(order, random);
    let lossSum = 0;
    let correct = 0;
    for (let b = 0; b < steps; b++) {
      const s = trainer.step(order.subarray(b * batchSize, Math.min(data.trainSize, (b + 1) * batchSize)));
      lossSum += s.lossSum;
      correct += s.correct;
    }
    const val = trainer.forward(valRows);
    const n = Math.max(validation, 1);
    history.push({
      loss: lossSum / data.trainSize,
      acc: correct / data.trainSize,
      valLoss: val.lossSum / n,
      valAcc: val.correct / n,
    });
  }
  return history;
}

/**
 * Keras's initialisers' distributions in plain JS (uniform ±0.05 embedding, Glorot-uniform W, orthogonal U,
 * Glorot-uniform readout, zero biases) from the run's seed. Not the engine's values (those come from tfjs's
 * generator): the floor's timing needs the same shapes and scales, not the same numbers.
 */
export function floorInitialParams(config: RunConfig): Float64Array {
  const { V, E, H, dense, kernel, recurrent, readout, size } = floorLayout(config);
  const random = mulberry32(config.training.seed);
  const p = new Float64Array(size);
  const uniform = (from: number, count: number, limit: number) => {
    for (let i = 0; i < count; i++) p[from + i] = (random() * 2 - 1) * limit;
  };
  uniform(0, V * E, 0.05);
  uniform(kernel, E * H, Math.sqrt(3 / Math.max(1, (E + H) / 2)));
  p.set(orthogonal(H, random), recurrent);
  if (dense) uniform(readout, H, Math.sqrt(3 / Math.max(1, (H + 1) / 2)));
  return p;
}

/** An H×H orthogonal matrix (row-major): Gram–Schmidt on normal draws. */
function orthogonal(H: number, random: () => number): Float64Array {
  const q = new Float64Array(H * H);
  for (let r = 0; r < H; r++) {
    for (let c = 0; c < H; c++) {
      const u = 1 - random();
      q[r * H + c] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
    }
    for (let k = 0; k < r; k++) {
      let dot = 0;
      for (let c = 0; c < H; c++) dot += q[r * H + c] * q[k * H + c];
      for (let c = 0; c < H; c++) q[r * H + c] -= dot * q[k * H + c];
    }
    let norm = 0;
    for (let c = 0; c < H; c++) norm += q[r * H + c] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let c = 0; c < H; c++) q[r * H + c] /= norm;
  }
  return q;
}
