import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fusedRecurrent, initBackend, makeDataset } from '../../../electron/engine/index.js';
import { FusedLoss } from '../../../electron/engine/fused-loss.js';
import { initialFlatParams, paramLayout } from '../../../electron/engine/initial-weights.js';
import { buildReferenceModel, writeReferenceWeights } from '../../../electron/engine/reference-model.js';
import { flatToWeights } from '../../../electron/engine/weights.js';
import { CELLS, type CellKind } from '../../../shared/cells.js';
import { rnnActivations, type RnnActivation, type RunConfig } from '../../../shared/schemas/run-config.js';
import { maxAbsDiff, smallConfig } from './helpers.js';

/** |a − b| ≤ tol · max(1, |b|) elementwise: absolute for small values, relative where they are large. */
function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string, tol: number) {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i])));
  }
  expect(actual.length, what).toBe(expected.length);
  expect(worst, what).toBeLessThan(tol);
}

beforeAll(async () => {
  await initBackend();
});

/** tfjs's own recurrent layer for a cell, with the logistic sigmoid on the gates (its default is the hard one). */
function tfjsLayer(cell: CellKind, units: number, activation: RnnActivation) {
  if (cell === 'simple') return tf.layers.simpleRNN({ units, activation });
  if (cell === 'gru') return tf.layers.gru({ units, activation, recurrentActivation: 'sigmoid' });
  return tf.layers.lstm({ units, activation, recurrentActivation: 'sigmoid' });
}

describe('fusedRecurrent = tfjs simpleRNN / gru / lstm layers: outputs and gradients', () => {
  for (const cell of CELLS) {
    for (const activation of rnnActivations) {
      for (const [B, T, E, H] of [
        [5, 4, 3, 2],
        [3, 6, 1, 4],
      ]) {
        it(`${cell}, ${activation} (B=${B} T=${T} E=${E} H=${H})`, () => {
          const before = tf.memory().numTensors;
          const G = { simple: 1, gru: 3, lstm: 4 }[cell] * H;
          tf.tidy(() => {
            const seed = B * 100 + T * 10 + E + H;
            const x = tf.randomNormal<tf.Rank.R3>([B, T, E], 0, 1, 'float32', seed);
            const W = tf.randomNormal<tf.Rank.R2>([E, G], 0, 0.6, 'float32', seed + 1);
            const U = tf.randomNormal<tf.Rank.R2>([H, G], 0, 0.6, 'float32', seed + 2);
            const b = tf.randomNormal<tf.Rank.R1>([G], 0, 0.3, 'float32', seed + 3);
            const cotangent = tf.randomNormal([B, H], 0, 1, 'float32', seed + 4);
            const layer = tfjsLayer(cell, H, activation);
            layer.apply(x);
            layer.setWeights([W, U, b]);
            const variables = layer.trainableWeights.map((w) => w.read() as tf.Variable);
            const refLoss = (input: tf.Tensor) => tf.sum<tf.Scalar>(tf.mul(layer.apply(input) as tf.Tensor, cotangent));
            const refGrads = tf.variableGrads(() => refLoss(x), variables).grads;
            const fused = (xi: tf.Tensor, wi: tf.Tensor, ui: tf.Tensor, bi: tf.Tensor) =>
              fusedRecurrent(
                cell,
                xi as tf.Tensor3D,
                wi as tf.Tensor2D,
                ui as tf.Tensor2D,
                bi as tf.Tensor1D,
                activation,
              );
            const [dx, dW, dU, db] = tf.grads((...a: tf.Tensor[]) =>
              tf.sum(tf.mul(fused(a[0], a[1], a[2], a[3]), cotangent)),
            )([x, W, U, b]);
            const out = fused(x, W, U, b);
            expect(out.shape).toEqual([B, H]);
            expectClose(out.dataSync(), (layer.apply(x) as tf.Tensor).dataSync(), 'output', 1e-6);
            expectClose(dx.dataSync(), tf.grad(refLoss)(x).dataSync(), 'dx', 1e-6);
            expectClose(dW.dataSync(), refGrads[variables[0].name].dataSync(), 'dW', 1e-6);
            expectClose(dU.dataSync(), refGrads[variables[1].name].dataSync(), 'dU', 1e-6);
            expectClose(db.dataSync(), refGrads[variables[2].name].dataSync(), 'db', 1e-6);
            layer.dispose();
          });
          expect(tf.memory().numTensors).toBe(before);
        });
      }
    }
  }
});

interface Case {
  cell: CellKind;
  activation: RnnActivation;
  readout: 'activation' | 'dense';
  units: number;
  embeddingDim: number;
  head: 'sigmoid' | 'none';
}

/** Every cell × activation × readout the schema allows, with H ∈ {1, 3} and E ∈ {1, 4}. */
function allCases(): Case[] {
  const out: Case[] = [];
  for (const embeddingDim of [1, 4]) {
    for (const activation of rnnActivations) {
      out.push({ cell: 'simple', activation, readout: 'activation', units: 1, embeddingDim, head: 'sigmoid' });
      for (const cell of CELLS) {
        for (const units of [1, 3])
          out.push({ cell, activation, readout: 'dense', units, embeddingDim, head: 'sigmoid' });
      }
    }
    out.push({ cell: 'simple', activation: 'sigmoid', readout: 'activation', units: 1, embeddingDim, head: 'none' });
  }
  return out;
}

/** The reference model's loss and gradient (laid out as the flat vector) at the given flat weights. */
function referenceLossAndGradient(
  model: tf.LayersModel,
  config: RunConfig,
  flat: Float32Array,
  x: tf.Tensor,
  y: tf.Tensor,
) {
  const layout = paramLayout(config);
  writeReferenceWeights(model, flatToWeights(flat, layout));
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const out = tf.tidy(() => {
    const { value, grads } = tf.variableGrads(
      () => tf.mean<tf.Scalar>(tf.metrics.binaryCrossentropy(y, model.apply(x) as tf.Tensor)),
      variables,
    );
    const gradient = new Float32Array(layout.size);
    const offsets = [
      layout.embedding,
      layout.kernel,
      layout.recurrent,
      layout.bias,
      layout.readout,
      layout.readout + layout.H,
    ];
    variables.forEach((v, i) => gradient.set(grads[v.name].dataSync(), offsets[i]));
    return { loss: value.dataSync()[0], gradient };
  });
  return out;
}

describe('the fused engine = the reference engine: loss and gradient at every step of a short Adam run', () => {
  for (const c of allCases()) {
    const name = `${c.cell}, ${c.activation}, ${c.readout}${c.head === 'none' ? ' (no sigmoid)' : ''}, H=${c.units}, E=${c.embeddingDim}`;
    it(name, () => {
      const config = smallConfig(0, {
        task: { samples: 100, sequenceLength: 5 },
        model: {
          cell: c.cell,
          rnnActivation: c.activation,
          readout: c.readout,
          rnnUnits: c.units,
          embeddingDim: c.embeddingDim,
          outputActivation: c.head,
        },
        training: { seed: 3 },
      });
      const before = tf.memory().numTensors;
      const data = makeDataset(config.task);
      const layout = paramLayout(config);
      const rows = Int32Array.from({ length: 16 }, (_, i) => (i * 7) % data.size);
      const fused = new FusedLoss(config, data, layout, rows.length);
      fused.useRows(rows);
      const x = tf.tensor2d(
        Array.from(rows, (r) => Array.from(data.xs.subarray(r * 5, r * 5 + 5))),
        [16, 5],
        'int32',
      );
      const y = tf.tensor2d(Array.from(rows, (r) => [data.labels[r]]));
      // From the engines' shared initial weights, three Adam steps (a large rate, so the weights move).
      const initial = tf.tensor1d(initialFlatParams(config));
      const params = tf.variable(initial);
      initial.dispose();
      const adam = tf.train.adam(0.1);
      const losses: number[] = [];
      const model = buildReferenceModel(config);
      for (let step = 0; step < 4; step++) {
        const reference = referenceLossAndGradient(model, config, params.dataSync() as Float32Array, x, y);
        const { value, grad } = tf.valueAndGrad((p: tf.Tensor) => fused.op(p))(params);
        losses.push(value.dataSync()[0]);
        expectClose([value.dataSync()[0]], [reference.loss], `loss at step ${step}`, 1e-6);
        expectClose(grad.dataSync(), reference.gradient, `gradient at step ${step}`, 1e-6);
        // The start has a gradient to compare (a ReLU unit may die within the steps; the loss check still sees them).
        if (step === 0)
          expect(maxAbsDiff(reference.gradient, new Float32Array(layout.size)), 'a gradient').toBeGreaterThan(1e-4);
        adam.applyGradients([{ name: params.name, tensor: grad }]);
        tf.dispose([value, grad]);
      }
      expect(Math.abs(losses[3] - losses[0]), 'the loss moved').toBeGreaterThan(1e-3);
      tf.dispose([x, y, params]);
      model.dispose();
      adam.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});
