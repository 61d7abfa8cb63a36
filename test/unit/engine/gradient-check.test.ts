import { describe, expect, it } from 'vitest';
import { cellGradients, cellKernel, lastState } from '../../../electron/engine/cell-kernel.js';
import { makeDataset } from '../../../electron/engine/dataset.js';
import { FusedLoss } from '../../../electron/engine/fused-loss.js';
import { paramLayout } from '../../../electron/engine/initial-weights.js';
import { activationCode, type RnnDims } from '../../../electron/engine/rnn-kernel.js';
import { CELLS, gateCount, type CellKind } from '../../../shared/cells.js';
import { rnnActivations } from '../../../shared/schemas/run-config.js';
import { smallConfig } from './helpers.js';

/**
 * Central differences in float64 against the hand-written backward passes: every parameter of every
 * block (embedding, W, U, b and the dense readout) and every input. Shares nothing with tfjs.
 */
const STEP = 1e-6;

/** Deterministic values in (−scale, scale). */
const wave = (n: number, phase: number, scale: number) =>
  Float64Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898 + phase) * scale);

/** |a − b| ≤ tol · max(1, |b|), elementwise, with the worst index named. */
function expectGradient(actual: ArrayLike<number>, numeric: ArrayLike<number>, what: string, tol = 1e-6) {
  let worst = 0;
  let at = -1;
  for (let i = 0; i < numeric.length; i++) {
    const err = Math.abs(actual[i] - numeric[i]) / Math.max(1, Math.abs(numeric[i]));
    if (err > worst) [worst, at] = [err, i];
  }
  expect(worst, `${what}: worst at ${at}`).toBeLessThan(tol);
  // A gradient that is zero everywhere would pass trivially.
  expect(Math.max(...Array.from(numeric, Math.abs)), `${what} is not all zero`).toBeGreaterThan(1e-4);
}

function centralDifferences(values: Float64Array, f: () => number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const keep = values[i];
    values[i] = keep + STEP;
    const up = f();
    values[i] = keep - STEP;
    const down = f();
    values[i] = keep;
    out[i] = (up - down) / (2 * STEP);
  }
  return out;
}

describe('each cell kernel: backward = central differences of its forward (float64)', () => {
  const dims: RnnDims = { B: 3, T: 5, E: 2, H: 3 };
  for (const cell of CELLS) {
    for (const activation of rnnActivations) {
      it(`${cell}, ${activation}: dx, dW, dU, db`, () => {
        const kernel = cellKernel(cell);
        expect(kernel.gates).toBe(gateCount(cell));
        const { B, T, E, H } = dims;
        const G = kernel.gates * H;
        const code = activationCode(activation);
        const x = wave(B * T * E, 1, 1);
        const W = wave(E * G, 2, 0.9);
        const U = wave(H * G, 3, 0.7);
        const b = wave(G, 4, 0.4);
        const cotangent = wave(B * H, 5, 1);
        const cache = new Float64Array(B * T * kernel.stride * H);
        // L = Σ cotangent ⊙ h_T: its gradient wrt h_T is the cotangent.
        const loss = () => {
          kernel.forward(x, W, U, b, dims, code, cache);
          let sum = 0;
          for (let n = 0; n < B; n++)
            for (let j = 0; j < H; j++) sum += cotangent[n * H + j] * lastState(kernel, cache, dims, n, j);
          return sum;
        };
        loss();
        const grads = cellGradients(kernel, dims);
        kernel.backward(x, W, U, cache, cotangent, dims, code, grads, new Float64Array(kernel.scratchPerUnit * H));
        expectGradient(grads.dx, centralDifferences(x, loss), 'dx');
        expectGradient(grads.dW, centralDifferences(W, loss), 'dW');
        expectGradient(grads.dU, centralDifferences(U, loss), 'dU');
        expectGradient(grads.db, centralDifferences(b, loss), 'db');
      });
    }
  }
});

describe('the fused model+loss: its gradient = central differences of its loss (float64), every block', () => {
  const cases: { cell: CellKind; readout: 'activation' | 'dense'; units: number; head?: 'sigmoid' | 'none' }[] = [
    { cell: 'simple', readout: 'activation', units: 1 },
    { cell: 'simple', readout: 'activation', units: 1, head: 'none' },
    { cell: 'simple', readout: 'dense', units: 3 },
    { cell: 'gru', readout: 'dense', units: 3 },
    { cell: 'lstm', readout: 'dense', units: 3 },
    { cell: 'lstm', readout: 'dense', units: 1 },
  ];
  for (const { cell, readout, units, head = 'sigmoid' } of cases) {
    const activation = head === 'none' ? 'sigmoid' : 'tanh';
    it(`${cell}, ${units} unit(s), ${readout} readout${head === 'none' ? ' without a sigmoid' : ''}`, () => {
      const config = smallConfig(0, {
        task: { samples: 100, sequenceLength: 4 },
        model: { cell, readout, rnnUnits: units, embeddingDim: 2, rnnActivation: activation, outputActivation: head },
      });
      const data = makeDataset(config.task);
      const layout = paramLayout(config);
      const rows = Int32Array.from({ length: 12 }, (_, i) => (i * 7) % data.size);
      const fused = new FusedLoss(config, data, layout, rows.length);
      const params = wave(layout.size, units, 0.8);
      const { gradient } = fused.lossAndGradient(params, rows);
      const numeric = centralDifferences(params, () => fused.lossAndGradient(params, rows).loss);
      const blocks: [string, number, number][] = [
        ['embedding', layout.embedding, layout.kernel],
        ['kernel', layout.kernel, layout.recurrent],
        ['recurrent kernel', layout.recurrent, layout.bias],
        ['bias', layout.bias, layout.readout],
        ['readout', layout.readout, layout.size],
      ];
      for (const [name, from, to] of blocks) {
        if (to > from) expectGradient(gradient.subarray(from, to), numeric.subarray(from, to), name, 1e-6);
      }
      expect(layout.size - layout.readout).toBe(readout === 'dense' ? units + 1 : 0);
    });
  }
});
