import * as tf from '@tensorflow/tfjs-core';
import type { RunConfig } from '../../shared/schemas/run-config.js';
import type { Weights } from '../../shared/schemas/run-result.js';
import type { Dataset } from './dataset.js';
import { FusedLoss } from './fused-loss.js';
import { initialFlatParams, paramLayout, type ParamLayout } from './initial-weights.js';
import { chunks, emptyStats, EVAL_CHUNK, type StepStats, type Trainer } from './trainer.js';
import { flatToWeights } from './weights.js';

/**
 * The fast path: one tf.Variable holding every weight (paramLayout), the fused model+loss op,
 * and tf.train.adam. Adam is elementwise, so one flat variable updates exactly like separate
 * ones while dispatching a fraction of the ops per step. Loss and accuracy come out
 * of the op's forward pass in JavaScript, so steps never wait on a read-back.
 */
export class FusedTrainer implements Trainer {
  private readonly layout: ParamLayout;
  private readonly params: tf.Variable;
  private readonly optimizer: tf.AdamOptimizer;
  private readonly loss: FusedLoss;
  private stats: StepStats = emptyStats();

  constructor(config: RunConfig, data: Dataset) {
    this.layout = paramLayout(config);
    const maxRows = Math.max(config.training.batchSize, Math.min(EVAL_CHUNK, data.size), 1);
    this.loss = new FusedLoss(config, data, this.layout, maxRows);
    const initial = tf.tensor1d(initialFlatParams(config));
    this.params = tf.variable(initial, true);
    initial.dispose();
    this.optimizer = tf.train.adam(config.training.learningRate);
  }

  step(rows: Int32Array): void {
    this.loss.useRows(rows);
    this.optimizer.minimize(() => this.loss.op(this.params), false, [this.params]);
    this.stats.lossSum += this.loss.lastLossSum;
    this.stats.lossCount += this.loss.lastRows;
    this.stats.correct += this.loss.lastCorrect;
    this.stats.rows += this.loss.lastRows;
  }

  drain(): StepStats {
    const out = this.stats;
    this.stats = emptyStats();
    return out;
  }

  evaluate(rows: Int32Array): { loss: number; acc: number } {
    let lossSum = 0;
    let correct = 0;
    for (const part of chunks(rows, this.loss.maxRows)) {
      this.loss.useRows(part);
      tf.dispose(this.loss.op(this.params));
      lossSum += this.loss.lastLossSum;
      correct += this.loss.lastCorrect;
    }
    const n = Math.max(rows.length, 1);
    return { loss: lossSum / n, acc: correct / n };
  }

  probabilities(rows: Int32Array): number[] {
    const out: number[] = [];
    for (const part of chunks(rows, this.loss.maxRows))
      out.push(...this.loss.probabilities(this.params.dataSync(), part));
    return out;
  }

  weights(): Weights {
    return flatToWeights(this.params.dataSync(), this.layout);
  }

  dispose(): void {
    this.optimizer.dispose();
    this.params.dispose();
  }
}
