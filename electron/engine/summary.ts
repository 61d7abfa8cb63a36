import type { RunConfig } from '../../shared/schemas/run-config.js';
import type { ModelSummary, LayerSummary } from '../../shared/schemas/run-result.js';

/** Layer names as in the seed notebook; both engine paths and the summary use them. */
export const LAYER_NAMES = {
  input: 'Input_Layer',
  embedding: 'Embedding_Layer',
  rnn: 'RNN_Layer',
  activation: 'Activation_Layer',
} as const;

/** Keras-style `model.summary()` table, computed from the config (no tensors needed). */
export function summarizeModel(config: RunConfig): ModelSummary {
  const { sequenceLength: T, vocabularySize: V } = config.task;
  const { embeddingDim: E, rnnUnits: H, outputActivation } = config.model;
  const layers: LayerSummary[] = [
    { name: LAYER_NAMES.input, type: 'InputLayer', outputShape: `(None, ${T})`, params: 0 },
    { name: LAYER_NAMES.embedding, type: 'Embedding', outputShape: `(None, ${T}, ${E})`, params: V * E },
    { name: LAYER_NAMES.rnn, type: 'SimpleRNN', outputShape: `(None, ${H})`, params: E * H + H * H + H },
  ];
  if (outputActivation === 'sigmoid') {
    layers.push({ name: LAYER_NAMES.activation, type: 'Activation', outputShape: `(None, ${H})`, params: 0 });
  }
  const totalParams = layers.reduce((sum, layer) => sum + layer.params, 0);
  return { layers, totalParams, trainableParams: totalParams };
}
