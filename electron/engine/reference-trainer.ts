import * as tf from '@tensorflow/tfjs-core';
// The union package, not tfjs-layers alone: layers' initialisers call chained tensor methods (t.flatten())
// that only @tensorflow/tfjs registers. Loaded only by the reference engine and predict (dynamic imports).
import * as tfl from '@tensorflow/tfjs';
import type { RunConfig } from '../../shared/schemas/run-config.js';
import type { Weights } from '../../shared/schemas/run-result.js';
import type { Dataset } from './dataset.js';
import { buildReferenceModel, readReferenceWeights } from './reference-model.js';
import { chunks, emptyStats, EVAL_CHUNK, type StepStats, type Trainer } from './trainer.js';

/**
 * `--engine reference`: tfjs's standard layers (Embedding, SimpleRNN / GRU / LSTM, Activation or Dense),
 * Keras's binary cross-entropy and accuracy, and tf.train.adam in a custom loop (model.fit would shuffle
 * with an unseeded Math.random). Per-step loss tensors stay on the backend until drained.
 */
export class ReferenceTrainer implements Trainer {
  private readonly model: tfl.LayersModel;
  private readonly optimizer: tf.AdamOptimizer;
  private readonly xAll: tf.Tensor2D;
  private readonly yAll: tf.Tensor2D;
  private readonly variables: tf.Variable[];
  private pendingLoss: tf.Scalar[] = [];
  private pendingCorrect: tf.Scalar[] = [];
  private pendingRows = 0;

  constructor(config: RunConfig, data: Dataset) {
    this.model = buildReferenceModel(config);
    this.optimizer = tf.train.adam(config.training.learningRate);
    // Explicit list: without one, minimize would train every variable in the process (other runs too).
    this.variables = this.model.trainableWeights.map((w) => w.read() as tf.Variable);
    this.xAll = tf.tensor2d(data.xs, [data.size, data.sequenceLength], 'int32');
    // One output per row (the readout), so one label column.
    this.yAll = tf.tensor2d(Float32Array.from(data.labels), [data.size, 1]);
  }

  step(rows: Int32Array): void {
    const lossCount = rows.length;
    const [loss, correct] = tf.tidy(() => {
      // Copy: a tensor keeps the array it is made from, and the shuffle reuses it.
      const index = tf.tensor1d(Int32Array.from(rows), 'int32');
      const x = tf.gather(this.xAll, index);
      const y = tf.gather(this.yAll, index);
      let correctSum: tf.Scalar | undefined;
      const cost = this.optimizer.minimize(
        () => {
          const p = this.model.apply(x, { training: true }) as tf.Tensor;
          correctSum = tf.keep(rowsReadRight(y, p));
          // The mean binary cross-entropy over the rows, as Keras computes it.
          return tf.mean(tfl.metrics.binaryCrossentropy(y, p)) as tf.Scalar;
        },
        true,
        this.variables,
      );
      if (!cost || !correctSum) throw new Error('reference step produced no loss');
      return [tf.mul(cost, lossCount) as tf.Scalar, correctSum];
    });
    this.pendingLoss.push(loss);
    this.pendingCorrect.push(correct);
    this.pendingRows += rows.length;
  }

  drain(): StepStats {
    if (this.pendingLoss.length === 0) return emptyStats();
    const [lossSum, correct] = tf
      .tidy(() => [tf.addN(this.pendingLoss), tf.addN(this.pendingCorrect)])
      .map((t) => {
        const value = t.dataSync()[0];
        t.dispose();
        return value;
      });
    const rows = this.pendingRows;
    tf.dispose([...this.pendingLoss, ...this.pendingCorrect]);
    this.pendingLoss = [];
    this.pendingCorrect = [];
    this.pendingRows = 0;
    return { lossSum, lossCount: rows, correct, rows };
  }

  evaluate(rows: Int32Array): { loss: number; acc: number } {
    let lossSum = 0;
    let correct = 0;
    for (const part of chunks(rows, EVAL_CHUNK)) {
      const sums = tf.tidy(() => {
        const index = tf.tensor1d(Int32Array.from(part), 'int32');
        const y = tf.gather(this.yAll, index);
        const p = this.model.apply(tf.gather(this.xAll, index)) as tf.Tensor;
        return tf.stack([tf.sum(tfl.metrics.binaryCrossentropy(y, p)), rowsReadRight(y, p)]);
      });
      const [l, c] = sums.dataSync();
      sums.dispose();
      lossSum += l;
      correct += c;
    }
    const n = Math.max(rows.length, 1);
    return { loss: lossSum / n, acc: correct / n };
  }

  probabilities(rows: Int32Array): number[] {
    return tf.tidy(() => {
      const x = tf.gather(this.xAll, tf.tensor1d(Int32Array.from(rows), 'int32'));
      const p = this.model.apply(x) as tf.Tensor2D;
      return Array.from(p.dataSync());
    });
  }

  weights(): Weights {
    return readReferenceWeights(this.model);
  }

  dispose(): void {
    tf.dispose([...this.pendingLoss, ...this.pendingCorrect, this.xAll, this.yAll]);
    this.optimizer.dispose();
    this.model.dispose();
  }
}

/** Rows whose probability (p [B,1]) is on the label's side of 0.5. */
function rowsReadRight(y: tf.Tensor, p: tf.Tensor): tf.Scalar {
  return tf.sum(tfl.metrics.binaryAccuracy(y, p));
}
