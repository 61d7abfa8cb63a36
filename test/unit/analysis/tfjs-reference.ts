import * as tf from '@tensorflow/tfjs';
import type { AnalysisModel } from '../../../shared/analysis/model.js';

/**
 * The same model built from tfjs's own layers (Embedding → SimpleRNN / GRU / LSTM → readout) with the
 * given weights: an independent computation of every state and prediction for the analyses' tests.
 * Gates use the logistic sigmoid (tfjs defaults them to the hard sigmoid); GRU applies the reset gate
 * before the recurrent product, tfjs's only convention.
 */
export interface TfjsRun {
  /** h(t) for t = 1…T, per unit. */
  states: number[][];
  /** LSTM: the last cell state. */
  c?: number[];
  probability: number;
}

function recurrentLayer(m: AnalysisModel): tf.layers.Layer {
  const common = {
    units: m.model.rnnUnits,
    activation: m.model.rnnActivation,
    returnSequences: true,
    returnState: true,
  };
  if (m.model.cell === 'gru') return tf.layers.gru({ ...common, recurrentActivation: 'sigmoid' });
  if (m.model.cell === 'lstm') return tf.layers.lstm({ ...common, recurrentActivation: 'sigmoid' });
  return tf.layers.simpleRNN(common);
}

function readoutLayer(m: AnalysisModel): tf.layers.Layer | null {
  if (m.model.readout === 'dense') return tf.layers.dense({ units: 1, activation: 'sigmoid' });
  return m.model.outputActivation === 'sigmoid' ? tf.layers.activation({ activation: 'sigmoid' }) : null;
}

export function tfjsRun(m: AnalysisModel, sequence: number[]): TfjsRun {
  const input = tf.input({ shape: [null], dtype: 'int32' });
  const embedding = tf.layers.embedding({ inputDim: m.task.vocabularySize, outputDim: m.model.embeddingDim });
  const rnn = recurrentLayer(m);
  const [seq, h, c] = rnn.apply(embedding.apply(input)) as tf.SymbolicTensor[];
  const readout = readoutLayer(m);
  const out = readout ? (readout.apply(h) as tf.SymbolicTensor) : h;
  const model = tf.model({ inputs: input, outputs: c ? [seq, out, c] : [seq, out] });
  const w = m.weights;
  embedding.setWeights([tf.tensor2d(w.embedding)]);
  rnn.setWeights([tf.tensor2d(w.kernel), tf.tensor2d(w.recurrentKernel), tf.tensor1d(w.bias)]);
  if (m.model.readout === 'dense' && w.readout) {
    readout!.setWeights([tf.tensor2d(w.readout.kernel), tf.tensor1d(w.readout.bias)]);
  }
  const outs = model.predict(tf.tensor2d([sequence], [1, sequence.length], 'int32')) as tf.Tensor[];
  const [states, probability, cLast] = outs.map((t) => t.arraySync());
  model.dispose();
  return {
    states: (states as number[][][])[0],
    ...(cLast ? { c: (cLast as number[][])[0] } : {}),
    probability: (probability as number[][])[0][0],
  };
}
