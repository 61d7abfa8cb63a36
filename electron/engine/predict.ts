import * as tf from '@tensorflow/tfjs-core';
import { LabError } from '../../shared/errors.js';
import { formatZodError } from '../../shared/format-zod-error.js';
import type { RunConfig, RunConfigInput } from '../../shared/schemas/run-config.js';
import { weightsSchema, type Weights } from '../../shared/schemas/run-result.js';
import { paramLayout } from './initial-weights.js';
import { buildReferenceModel, writeReferenceWeights } from './reference-model.js';
import { parseRunConfig } from './train-run.js';

/**
 * The model's output for any sequences, computed by tfjs's standard layers with the given
 * weights (the independent cross-check for the fused kernel and for pure-JS analysis).
 * One number per sequence: the probability (the readout's output), for every cell and readout.
 */
export function predict(input: RunConfig | RunConfigInput, weights: Weights, sequences: number[][]): number[] {
  const config = parseRunConfig(input);
  const parsed = weightsSchema.safeParse(weights);
  if (!parsed.success) throw new LabError('bad-request', formatZodError(parsed.error, 'weights'));
  checkShapes(config, parsed.data);
  const { sequenceLength: T, vocabularySize: V } = config.task;
  sequences.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== T)
      throw new LabError('bad-request', `sequence ${i} must have ${T} digits`);
    if (!row.every((d) => Number.isInteger(d) && d >= 0 && d < V)) {
      throw new LabError('bad-request', `sequence ${i} has a digit outside 0..${V - 1}`);
    }
  });
  if (sequences.length === 0) return [];
  const model = buildReferenceModel(config);
  try {
    writeReferenceWeights(model, parsed.data);
    return tf.tidy(() => {
      const p = model.apply(tf.tensor2d(sequences, [sequences.length, T], 'int32')) as tf.Tensor2D;
      return Array.from(p.dataSync());
    });
  } finally {
    model.dispose();
  }
}

function checkShapes(config: RunConfig, w: Weights): void {
  const { V, E, H, G, dense } = paramLayout(config);
  const is = (m: number[][], rows: number, cols: number) => m.length === rows && m.every((r) => r.length === cols);
  const ok =
    is(w.embedding, V, E) &&
    is(w.kernel, E, G * H) &&
    is(w.recurrentKernel, H, G * H) &&
    w.bias.length === G * H &&
    (dense ? !!w.readout && is(w.readout.kernel, H, 1) && w.readout.bias.length === 1 : !w.readout);
  if (!ok) {
    const readout = dense ? `, readout kernel ${H}×1 and bias 1` : ', no readout';
    throw new LabError(
      'bad-request',
      `weights do not fit the model (expected embedding ${V}×${E}, kernel ${E}×${G * H}, recurrent ${H}×${G * H}, bias ${G * H}${readout})`,
    );
  }
}
