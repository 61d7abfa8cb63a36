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
    readout: tfl.initializers.glorotUniform({ seed: deriveSeed(seed, SEED_STREAMS.readout) }),
  };
}

/** The recurrent layer tfjs offers for the config's cell, with every default that differs from Keras set. */
function recurrentLayer(config: RunConfig): tfl.layers.Layer {
  const { cell, rnnUnits: units, rnnActivation: activation } = config.model;
  const init = initializersFor(config);
  const common = {
    units,
    // Always explicit: tfjs turns a missing activation into tanh.
    activation,
    kernelInitializer: init.kernel,
    recurrentInitializer: init.recurrent,
    biasInitializer: init.bias,
    name: LAYER_NAMES.rnn,
  };
  if (cell === 'simple') return tfl.layers.simpleRNN(common);
  // tfjs's gates default to the hard sigmoid; Keras's (and shared/cells.ts's) are the logistic sigmoid.
  if (cell === 'gru') return tfl.layers.gru({ ...common, recurrentActivation: 'sigmoid' });
  // Keras's unit_forget_bias; tfjs only adds the forget gate's ones when asked.
  return tfl.layers.lstm({ ...common, recurrentActivation: 'sigmoid', unitForgetBias: true });
}

/**
 * The Keras model with tfjs's own layers: Input → Embedding → SimpleRNN / GRU / LSTM → readout, the
 * readout being the seed's Activation('sigmoid') (or none) on the one unit, or Dense(1, sigmoid).
 */
export function buildReferenceModel(config: RunConfig): tfl.LayersModel {
  // tfjs's LSTM unit-forget-bias initialiser leaves its block tensors behind; the layers' weights are
  // variables, which a tidy keeps, so the tidy frees only what the build left over.
  let model: tfl.LayersModel | undefined;
  tf.tidy(() => {
    model = buildModel(config);
  });
  if (!model) throw new Error('the reference model was not built');
  return model;
}

function buildModel(config: RunConfig): tfl.LayersModel {
  const { sequenceLength: T, vocabularySize: V } = config.task;
  const { embeddingDim: E, readout, outputActivation } = config.model;
  const init = initializersFor(config);
  const input = tfl.input({ shape: [T], dtype: 'int32', name: LAYER_NAMES.input });
  const embedded = tfl.layers
    .embedding({ inputDim: V, outputDim: E, embeddingsInitializer: init.embedding, name: LAYER_NAMES.embedding })
    .apply(input) as tfl.SymbolicTensor;
  const rnn = recurrentLayer(config).apply(embedded) as tfl.SymbolicTensor;
  let output = rnn;
  if (readout === 'dense') {
    output = tfl.layers
      .dense({
        units: 1,
        activation: 'sigmoid',
        kernelInitializer: init.readout,
        biasInitializer: init.bias,
        name: LAYER_NAMES.dense,
      })
      .apply(rnn) as tfl.SymbolicTensor;
  } else if (outputActivation === 'sigmoid') {
    output = tfl.layers
      .activation({ activation: 'sigmoid', name: LAYER_NAMES.activation })
      .apply(rnn) as tfl.SymbolicTensor;
  }
  return tfl.model({ inputs: input, outputs: output });
}

export function readReferenceWeights(model: tfl.LayersModel): Weights {
  const [embedding] = model.getLayer(LAYER_NAMES.embedding).getWeights();
  const [kernel, recurrentKernel, bias] = model.getLayer(LAYER_NAMES.rnn).getWeights();
  const weights: Weights = {
    embedding: embedding.arraySync() as number[][],
    kernel: kernel.arraySync() as number[][],
    recurrentKernel: recurrentKernel.arraySync() as number[][],
    bias: bias.arraySync() as number[],
  };
  const dense = model.layers.find((layer) => layer.name === LAYER_NAMES.dense);
  if (dense) {
    const [readoutKernel, readoutBias] = dense.getWeights();
    weights.readout = { kernel: readoutKernel.arraySync() as number[][], bias: readoutBias.arraySync() as number[] };
  }
  return weights;
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
  const dense = model.layers.find((layer) => layer.name === LAYER_NAMES.dense);
  if (dense) {
    if (!weights.readout) throw new Error('the dense readout needs readout weights');
    const readout = [tf.tensor2d(weights.readout.kernel), tf.tensor1d(weights.readout.bias)];
    dense.setWeights(readout);
    tensors.push(...readout);
  }
  tf.dispose(tensors);
}
