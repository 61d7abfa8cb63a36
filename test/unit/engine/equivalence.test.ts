import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fusedSimpleRnn, initBackend, makeDataset } from '../../../electron/engine/index.js';
import { FusedLoss } from '../../../electron/engine/fused-loss.js';
import { initialFlatParams, paramLayout } from '../../../electron/engine/initial-weights.js';
import {
  buildReferenceModel,
  readReferenceWeights,
  writeReferenceWeights,
} from '../../../electron/engine/reference-model.js';
import { flatToWeights } from '../../../electron/engine/weights.js';
import { rnnActivations, type RnnActivation } from '../../../shared/schemas/run-config.js';
import { maxAbsDiff, smallConfig } from './helpers.js';

const TOL = 1e-5;

/** |a - b| ≤ TOL · max(1, |b|) elementwise. */
function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string) {
  const scale = Math.max(1, ...Array.from(expected, Math.abs));
  expect(maxAbsDiff(actual, expected) / scale, what).toBeLessThan(TOL);
}

beforeAll(async () => {
  await initBackend();
});

describe('fusedSimpleRnn matches tf.layers.simpleRNN', () => {
  for (const activation of rnnActivations) {
    for (const [B, T, E, H] of [
      [5, 4, 3, 2],
      [8, 3, 10, 1],
      [3, 6, 1, 4],
    ]) {
      it(`${activation}: outputs and gradients (B=${B} T=${T} E=${E} H=${H})`, () => {
        const before = tf.memory().numTensors;
        tf.tidy(() => {
          const seed = B * 100 + T * 10 + E + H;
          const x = tf.randomNormal([B, T, E], 0, 1, 'float32', seed) as tf.Tensor3D;
          const W = tf.randomNormal([E, H], 0, 0.6, 'float32', seed + 1) as tf.Tensor2D;
          const U = tf.randomNormal([H, H], 0, 0.6, 'float32', seed + 2) as tf.Tensor2D;
          const b = tf.randomNormal([H], 0, 0.3, 'float32', seed + 3) as tf.Tensor1D;
          const cotangent = tf.randomNormal([B, H], 0, 1, 'float32', seed + 4);

          const layer = tf.layers.simpleRNN({ units: H, activation, returnSequences: false });
          layer.apply(x);
          layer.setWeights([W, U, b]);
          const variables = layer.trainableWeights.map((w) => w.read() as tf.Variable);
          const refOut = layer.apply(x) as tf.Tensor;
          const refLoss = (input: tf.Tensor) => tf.sum(tf.mul(layer.apply(input) as tf.Tensor, cotangent)) as tf.Scalar;
          const refVarGrads = tf.variableGrads(() => refLoss(x), variables).grads;
          const refDx = tf.grad(refLoss)(x);

          const fusedOut = fusedSimpleRnn(x, W, U, b, activation);
          const [dx, dW, dU, db] = tf.grads((xi: tf.Tensor, wi: tf.Tensor, ui: tf.Tensor, bi: tf.Tensor) =>
            tf.sum(
              tf.mul(
                fusedSimpleRnn(xi as tf.Tensor3D, wi as tf.Tensor2D, ui as tf.Tensor2D, bi as tf.Tensor1D, activation),
                cotangent,
              ),
            ),
          )([x, W, U, b]);

          expect(fusedOut.shape).toEqual([B, H]);
          expectClose(fusedOut.dataSync(), refOut.dataSync(), 'output');
          expectClose(dx.dataSync(), refDx.dataSync(), 'dx');
          expectClose(dW.dataSync(), refVarGrads[variables[0].name].dataSync(), 'dW');
          expectClose(dU.dataSync(), refVarGrads[variables[1].name].dataSync(), 'dU');
          expectClose(db.dataSync(), refVarGrads[variables[2].name].dataSync(), 'db');
          layer.dispose();
        });
        expect(tf.memory().numTensors).toBe(before);
      });
    }
  }
});

describe('the fused model+loss op matches the reference layers model', () => {
  const cases: { activation: RnnActivation; head: 'sigmoid' | 'none'; units: number }[] = [
    ...rnnActivations.map((activation) => ({ activation, head: 'sigmoid' as const, units: 1 })),
    ...rnnActivations.map((activation) => ({ activation, head: 'sigmoid' as const, units: 3 })),
    { activation: 'sigmoid', head: 'none', units: 1 },
  ];
  for (const { activation, head, units } of cases) {
    // Several units read out through Dense(1) + sigmoid (the readout then has weights of its own).
    const readout = units > 1 ? 'dense' : 'activation';
    it(`${activation} RNN, ${units} unit(s), ${readout} readout, output ${head}: loss and gradients`, () => {
      const config = smallConfig(0, {
        task: { samples: 200 },
        model: { embeddingDim: 4, rnnUnits: units, rnnActivation: activation, outputActivation: head, readout },
      });
      const data = makeDataset(config.task);
      const layout = paramLayout(config);
      // Random weights away from the initial ones, so every term of the gradient is exercised.
      const flat = Float32Array.from({ length: layout.size }, (_, i) => Math.sin(i * 12.9898 + units) * 0.8);
      const rows = Int32Array.from({ length: 16 }, (_, i) => (i * 7) % data.size);
      const model = buildReferenceModel(config);
      writeReferenceWeights(model, flatToWeights(flat, layout));
      const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
      const fused = new FusedLoss(config, data, layout, 16);
      fused.useRows(rows);

      tf.tidy(() => {
        const x = tf.tensor2d(
          Array.from(rows, (r) => Array.from(data.xs.subarray(r * 3, r * 3 + 3))),
          [16, 3],
          'int32',
        );
        // One output per row, whatever the units: one label column.
        const y = tf.tensor2d(Array.from(rows, (r) => [data.labels[r]]));
        const { value: refLoss, grads } = tf.variableGrads(
          () => tf.mean(tf.metrics.binaryCrossentropy(y, model.apply(x) as tf.Tensor)) as tf.Scalar,
          variables,
        );
        const params = tf.tensor1d(flat);
        const { value, grad } = tf.valueAndGrad((p: tf.Tensor) => fused.op(p))(params);
        expectClose([value.dataSync()[0]], [refLoss.dataSync()[0]], 'loss');
        const g = grad.dataSync();
        const refGrad = new Float32Array(layout.size);
        refGrad.set(grads[variables[0].name].dataSync(), layout.embedding);
        refGrad.set(grads[variables[1].name].dataSync(), layout.kernel);
        refGrad.set(grads[variables[2].name].dataSync(), layout.recurrent);
        refGrad.set(grads[variables[3].name].dataSync(), layout.bias);
        if (readout === 'dense') {
          refGrad.set(grads[variables[4].name].dataSync(), layout.readout);
          refGrad.set(grads[variables[5].name].dataSync(), layout.readout + units);
        }
        expect(variables).toHaveLength(readout === 'dense' ? 6 : 4);
        expectClose(g, refGrad, 'gradient');
        expect(maxAbsDiff(refGrad, new Float32Array(layout.size))).toBeGreaterThan(1e-3);
      });
      model.dispose();
    });
  }

  it("both engines start from identical initial weights (the fused path's tfjs-core initialisers = tfjs-layers' own)", () => {
    const configs = [0, 1, 2, 3].map((index) => smallConfig(index, { training: { seed: 1234 + index } }));
    // More units than embedding dims and the reverse: glorot fans and orthogonal QR of larger matrices.
    // Every cell, with the dense readout: the orthogonal [H, G·H] is tfjs's non-square case (transposed Q),
    // LSTM's forget-gate bias starts at 1, and the readout's kernel has its own seed stream.
    for (const cell of ['simple', 'gru', 'lstm'] as const) {
      for (const [E, H, seed] of [
        [1, 2, 5],
        [2, 3, 6],
        [10, 4, 7],
        [3, 8, 8],
        [4, 1, 9],
      ]) {
        configs.push(
          smallConfig(0, { model: { cell, readout: 'dense', embeddingDim: E, rnnUnits: H }, training: { seed } }),
        );
      }
    }
    for (const config of configs) {
      const model = buildReferenceModel(config);
      const fused = flatToWeights(initialFlatParams(config), paramLayout(config));
      expect(fused).toEqual(readReferenceWeights(model));
      model.dispose();
      const H = config.model.rnnUnits;
      if (config.model.cell === 'lstm') {
        expect(fused.bias).toEqual([
          ...Array<number>(H).fill(0),
          ...Array<number>(H).fill(1),
          ...Array<number>(2 * H).fill(0),
        ]);
      }
      if (config.model.readout === 'dense') {
        expect(fused.readout?.bias).toEqual([0]);
        expect(maxAbsDiff(fused.readout!.kernel.flat(), new Array<number>(H).fill(0))).toBeGreaterThan(0);
      }
    }
    // The seed presets' SimpleRNN start did not move when the gated cells came (Embedding 1, the presets' seed 7).
    const seed = flatToWeights(initialFlatParams(smallConfig(2)), paramLayout(smallConfig(2)));
    expect([seed.kernel, seed.recurrentKernel, seed.bias, seed.embedding[0], seed.readout]).toEqual([
      [[-0.8783565163612366]],
      [[1]],
      [0],
      [-0.019931411370635033],
      undefined,
    ]);
    const a = initialFlatParams(smallConfig(0, { training: { seed: 1 } }));
    const b = initialFlatParams(smallConfig(0, { training: { seed: 2 } }));
    expect(maxAbsDiff(a, b)).toBeGreaterThan(0);
  });
});
