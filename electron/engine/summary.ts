import { CELL_LABELS, gateCount } from '../../shared/cells.js';
import type { RunConfig } from '../../shared/schemas/run-config.js';
import type { ModelSummary, LayerSummary } from '../../shared/schemas/run-result.js';

/** Layer names as in the seed notebook; both engine paths and the summary use them. */
export const LAYER_NAMES = {
  input: 'Input_Layer',
  embedding: 'Embedding_Layer',
  rnn: 'RNN_Layer',
  activation: 'Activation_Layer',
  /** The dense readout: Dense(1) + sigmoid over the units. */
  dense: 'Dense_Layer',
} as const;

/** Keras-style `model.summary()` table, computed from the config (no tensors needed). */
export function summarizeModel(config: RunConfig): ModelSummary {
  const { sequenceLength: T, vocabularySize: V } = config.task;
  const { cell, embeddingDim: E, rnnUnits: H, readout, outputActivation } = config.model;
  // Keras counts a recurrent layer's W, U and b for each of its G gates.
  const rnnParams = gateCount(cell) * (E * H + H * H + H);
  const layers: LayerSummary[] = [
    { name: LAYER_NAMES.input, type: 'InputLayer', outputShape: `(None, ${T})`, params: 0 },
    { name: LAYER_NAMES.embedding, type: 'Embedding', outputShape: `(None, ${T}, ${E})`, params: V * E },
    { name: LAYER_NAMES.rnn, type: CELL_LABELS[cell], outputShape: `(None, ${H})`, params: rnnParams },
  ];
  if (readout === 'dense') {
    layers.push({ name: LAYER_NAMES.dense, type: 'Dense', outputShape: '(None, 1)', params: H + 1 });
  } else if (outputActivation === 'sigmoid') {
    layers.push({ name: LAYER_NAMES.activation, type: 'Activation', outputShape: `(None, ${H})`, params: 0 });
  }
  const totalParams = layers.reduce((sum, layer) => sum + layer.params, 0);
  return { layers, totalParams, trainableParams: totalParams };
}
