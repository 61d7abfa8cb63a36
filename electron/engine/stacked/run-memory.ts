import type { RunConfig } from '../../../shared/schemas/run-config.js';
import { cellKernel } from '../cell-kernel.js';
import { EVAL_CHUNK } from '../trainer.js';

/**
 * What one run holds while it is in a stack, in bytes: its data set and its fused loss's float64 buffers (inputs,
 * the cell's cache, probabilities, gradients), which are sized for a validation chunk of up to EVAL_CHUNK rows.
 * A seed run holds ≈ 2 MB; a run of 60 steps × 64 embedding values × 16 LSTM units ≈ 450 MB.
 */
export function runBytes(config: RunConfig): number {
  const { samples, sequenceLength: T } = config.task;
  const { embeddingDim: E, rnnUnits: H, cell } = config.model;
  const kernel = cellKernel(cell);
  const rows = Math.max(config.training.batchSize, Math.min(EVAL_CHUNK, samples), 1);
  const data = samples * T * 4 + samples;
  const perRow = T * E + T * kernel.stride * H + 1 + H + T * E;
  return data + rows * perRow * 8;
}

/** The memory a stack's runs may hold at once: beyond it, runs wait and join as others leave. */
export const STACK_MEMORY_BYTES = 256 * 2 ** 20;

/** How many of these runs a stack holds at once: its memory budget over its largest run, at least 1. */
export function stackCapacity(configs: readonly RunConfig[], budget = STACK_MEMORY_BYTES): number {
  const largest = Math.max(1, ...configs.map(runBytes));
  return Math.max(1, Math.min(configs.length, Math.floor(budget / largest)));
}
