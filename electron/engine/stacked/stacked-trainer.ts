import * as tf from '@tensorflow/tfjs-core';
import type { RunConfig } from '../../../shared/schemas/run-config.js';
import type { Weights } from '../../../shared/schemas/run-result.js';
import type { Dataset } from '../dataset.js';
import { FusedLoss } from '../fused-loss.js';
import { initialFlatParams, paramLayout, type ParamLayout } from '../initial-weights.js';
import { chunks, emptyStats, EVAL_CHUNK, type StepStats } from '../trainer.js';
import { flatToWeights } from '../weights.js';
import { setRow, StackedAdam } from './stacked-adam.js';

/** One run in a slot of the stack: its own data, parameter layout and fused loss. */
interface Member {
  layout: ParamLayout;
  loss: FusedLoss;
  stats: StepStats;
}

/**
 * R runs trained as one model with a leading run axis: parameters [R, P] (each run's flat vector, paramLayout,
 * at the start of its row; P is the largest run's size and the rest of a row is zero padding), one pass of the
 * hand-written forward and backward kernels over every run's own batch per step, and one Adam update of the whole
 * stack (StackedAdam). Each run's step is the arithmetic of its FusedTrainer step on the same float32 values, so
 * a run trains bit for bit as it would alone. Padding is never read by a run's kernels, so its gradient is zero
 * and it stays zero; a free slot (a run that left) is all zeros and stays so.
 */
export class StackedTrainer {
  private params: tf.Tensor2D;
  private readonly adam: StackedAdam;
  private readonly members: Array<Member | null>;

  constructor(
    readonly capacity: number,
    /** The row width: at least the largest paramLayout(config).size of any run placed. */
    readonly width: number,
  ) {
    this.params = tf.zeros([capacity, width]);
    this.adam = new StackedAdam(capacity, width);
    this.members = new Array<Member | null>(capacity).fill(null);
  }

  /** Places a run in a free slot with its initial weights; returns the slot. */
  place(config: RunConfig, data: Dataset): number {
    const slot = this.members.indexOf(null);
    if (slot < 0) throw new Error('the stack is full');
    const layout = paramLayout(config);
    if (layout.size > this.width)
      throw new Error(`a run of ${layout.size} parameters exceeds the stack's ${this.width}`);
    const maxRows = Math.max(config.training.batchSize, Math.min(EVAL_CHUNK, data.size), 1);
    this.members[slot] = { layout, loss: new FusedLoss(config, data, layout, maxRows), stats: emptyStats() };
    this.params = setRow(this.params, slot, initialFlatParams(config));
    this.adam.reset(slot, config.training.learningRate);
    return slot;
  }

  /** Frees a slot: its row goes back to zeros (so it stays still under Adam) and its run's buffers go. */
  remove(slot: number): void {
    if (!this.members[slot]) return;
    this.members[slot] = null;
    this.params = setRow(this.params, slot, 0);
    this.adam.reset(slot, 0);
  }

  get occupied(): number {
    return this.members.filter(Boolean).length;
  }

  /**
   * One Adam step for every run given rows (indices into its own data set); a run given none this step (or a free
   * slot) gets a zero gradient. Its moments are not zero, so such a run would still move: the loop steps every run
   * in the stack each time, and a run that stops stepping leaves it.
   */
  step(rowsBySlot: ReadonlyArray<Int32Array | null>): void {
    const { capacity, width } = this;
    const all = this.params.dataSync() as Float32Array;
    // A fresh array per step: tfjs takes ownership of the buffer a tensor is made from.
    const gradient = new Float32Array(capacity * width);
    for (let r = 0; r < capacity; r++) {
      const member = this.members[r];
      const rows = rowsBySlot[r];
      if (!member || !rows) continue;
      const { loss, layout, stats } = member;
      const values = all.subarray(r * width, r * width + layout.size);
      loss.forward(values, rows);
      loss.backward(values, rows, 1, gradient.subarray(r * width, r * width + layout.size));
      stats.lossSum += loss.lastLossSum;
      stats.lossCount += loss.lastRows;
      stats.correct += loss.lastCorrect;
      stats.rows += loss.lastRows;
    }
    const g = tf.tensor2d(gradient, [capacity, width]);
    const next = this.adam.update(this.params, g);
    tf.dispose([g, this.params]);
    this.params = next;
  }

  /** The run's statistics since the last drain (FusedTrainer.drain). */
  drain(slot: number): StepStats {
    const member = this.member(slot);
    const out = member.stats;
    member.stats = emptyStats();
    return out;
  }

  evaluate(slot: number, rows: Int32Array): { loss: number; acc: number } {
    const { loss } = this.member(slot);
    const values = this.row(slot);
    let lossSum = 0;
    let correct = 0;
    for (const part of chunks(rows, loss.maxRows)) {
      lossSum += loss.forward(values, part);
      correct += loss.lastCorrect;
    }
    const n = Math.max(rows.length, 1);
    return { loss: lossSum / n, acc: correct / n };
  }

  probabilities(slot: number, rows: Int32Array): number[] {
    const { loss } = this.member(slot);
    const values = this.row(slot);
    const out: number[] = [];
    for (const part of chunks(rows, loss.maxRows)) out.push(...loss.probabilities(values, part));
    return out;
  }

  weights(slot: number): Weights {
    return flatToWeights(this.row(slot), this.member(slot).layout);
  }

  /** Every value of the stack (row-major [capacity, width]) and the moments, for tests. */
  snapshot(): { params: Float32Array; m: Float32Array; v: Float32Array } {
    return { params: (this.params.dataSync() as Float32Array).slice(), ...this.adam.moments() };
  }

  dispose(): void {
    this.members.fill(null);
    this.params.dispose();
    this.adam.dispose();
  }

  private row(slot: number): Float32Array {
    const { size } = this.member(slot).layout;
    return (this.params.dataSync() as Float32Array).subarray(slot * this.width, slot * this.width + size);
  }

  private member(slot: number): Member {
    const member = this.members[slot];
    if (!member) throw new Error(`stack slot ${slot} is free`);
    return member;
  }
}
