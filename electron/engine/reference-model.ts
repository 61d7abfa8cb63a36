import * as tf from '@tensorflow/tfjs-core';
// The union package, not tfjs-layers alone: layers' initialisers call chained tensor methods (t.flatten())
// that only @tensorflow/tfjs registers. Loaded only by the reference engine and predict (dynamic imports).
import * as tfl from '@tensorflow/tfjs';
import type { RunConfig } from '../../shared/schemas/run-config.js';
import type { Weights } from '../../shared/schemas/run-result.js';
import { deriveSeed } from '../../shared/rng.js';
import { SEED_STREAMS } from './initial-weights.js';
import { LAYER_NAMES } from './summary.js';

/**
 * Keras's default initialisers from tfjs-layers itself, seeded as the fused path seeds its copies
 * (initial-weights.ts), so both engines start from identical weights.
 */
export function initializersFor(config: RunConfig) {
  const seed = config.training.seed;
  return {
    embedding: tfl.initializers.randomUniform({
      minval: -0.05,
      maxval: 0.05,
      seed: deriveSeed(seed, SEED_STREAMS.embedding),
    }),
    kernel: tfl.initializers.glorotUniform({ seed: deriveSeed(seed, SEED_STREAMS.kernel) }),
    recurrent: tfl.initializers.orthogonal({ seed: deriveSeed(seed, SEED_STREAMS.recurrent) }),
    bias: tfl.initializers.zeros(),
  };
}

/**
 * The seed's Keras model with tfjs's own layers: Input → Embedding → SimpleRNN → (sigmoid).
 * The activation is always passed explicitly: tfjs turns a missing one into tanh.
 */
export function buildReferenceModel(config: RunConfig): tfl.LayersModel {
  const { sequenceLength: T, vocabularySize: V } = config.task;
  const { embeddingDim: E, rnnUnits: H, rnnActivation, outputActivation } = config.model;
  const init = initializersFor(config);
  const input = tfl.input({ shape: [T], dtype: 'int32', name: LAYER_NAMES.input });
  const embedded = tfl.layers
    .embedding({ inputDim: V, outputDim: E, embeddingsInitializer: init.embedding, name: LAYER_NAMES.embedding })
    .apply(input) as tfl.SymbolicTensor;
  const rnn = tfl.layers
    .simpleRNN({
      units: H,
      activation: rnnActivation,
      kernelInitializer: init.kernel,
      recurrentInitializer: init.recurrent,
      biasInitializer: init.bias,
      name: LAYER_NAMES.rnn,
    })
    .apply(embedded) as tfl.SymbolicTensor;
  const output =
    outputActivation === 'sigmoid'
      ? (tfl.layers
          .activation({ activation: 'sigmoid', name: LAYER_NAMES.activation })
          .apply(rnn) as tfl.SymbolicTensor)
      : rnn;
  return tfl.model({ inputs: input, outputs: output });
}

export function readReferenceWeights(model: tfl.LayersModel): Weights {
  const [embedding] = model.getLayer(LAYER_NAMES.embedding).getWeights();
  const [kernel, recurrentKernel, bias] = model.getLayer(LAYER_NAMES.rnn).getWeights();
  return {
    embedding: embedding.arraySync() as number[][],
    kernel: kernel.arraySync() as number[][],
    recurrentKernel: recurrentKernel.arraySync() as number[][],
    bias: bias.arraySync() as number[],
  };
}

export function writeReferenceWeights(model: tfl.LayersModel, weights: Weights): void {
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
