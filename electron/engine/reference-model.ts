import * as tf from '@tensorflow/tfjs';
import type { RunConfig } from '../../shared/schemas/run-config.js';
import type { Weights } from '../../shared/schemas/run-result.js';
import { initializersFor } from './initial-weights.js';
import { LAYER_NAMES } from './summary.js';

/**
 * The seed's Keras model with tfjs's own layers: Input → Embedding → SimpleRNN → (sigmoid).
 * The activation is always passed explicitly: tfjs turns a missing one into tanh.
 */
export function buildReferenceModel(config: RunConfig): tf.LayersModel {
  const { sequenceLength: T, vocabularySize: V } = config.task;
  const { embeddingDim: E, rnnUnits: H, rnnActivation, outputActivation } = config.model;
  const init = initializersFor(config);
  const input = tf.input({ shape: [T], dtype: 'int32', name: LAYER_NAMES.input });
  const embedded = tf.layers
    .embedding({ inputDim: V, outputDim: E, embeddingsInitializer: init.embedding, name: LAYER_NAMES.embedding })
    .apply(input) as tf.SymbolicTensor;
  const rnn = tf.layers
    .simpleRNN({
      units: H,
      activation: rnnActivation,
      kernelInitializer: init.kernel,
      recurrentInitializer: init.recurrent,
      biasInitializer: init.bias,
      name: LAYER_NAMES.rnn,
    })
    .apply(embedded) as tf.SymbolicTensor;
  const output =
    outputActivation === 'sigmoid'
      ? (tf.layers.activation({ activation: 'sigmoid', name: LAYER_NAMES.activation }).apply(rnn) as tf.SymbolicTensor)
      : rnn;
  return tf.model({ inputs: input, outputs: output });
}

export function readReferenceWeights(model: tf.LayersModel): Weights {
  const [embedding] = model.getLayer(LAYER_NAMES.embedding).getWeights();
  const [kernel, recurrentKernel, bias] = model.getLayer(LAYER_NAMES.rnn).getWeights();
  return {
    embedding: embedding.arraySync() as number[][],
    kernel: kernel.arraySync() as number[][],
    recurrentKernel: recurrentKernel.arraySync() as number[][],
    bias: bias.arraySync() as number[],
  };
}

export function writeReferenceWeights(model: tf.LayersModel, weights: Weights): void {
  const tensors = [
    tf.tensor2d(weights.embedding),
    tf.tensor2d(weights.kernel),
    tf.tensor2d(weights.recurrentKernel),
    tf.tensor1d(weights.bias),
  ];
  model.getLayer(LAYER_NAMES.embedding).setWeights([tensors[0]]);
  model.getLayer(LAYER_NAMES.rnn).setWeights(tensors.slice(1));
  tf.dispose(tensors);
}
