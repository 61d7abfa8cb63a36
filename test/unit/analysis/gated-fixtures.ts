import { summarizeModel } from '../../../electron/engine/summary.js';
import { digitScoresOf, predict } from '../../../shared/analysis/index.js';
import { gateCount, type CellKind } from '../../../shared/cells.js';
import { runSchema, type Run } from '../../../shared/schemas/run.js';
import type { Weights } from '../../../shared/schemas/run-result.js';

/** Hand-made weights of a cell's shapes from a tiny LCG (independent of the code under test). */
export function gatedWeights(
  cell: CellKind,
  opts: { vocab: number; e: number; units: number; seed?: number },
): Weights {
  let s = opts.seed ?? 4242;
  const r = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s / 2147483648) * 2 - 1;
  };
  const mat = (rows: number, cols: number) => Array.from({ length: rows }, () => Array.from({ length: cols }, r));
  const G = gateCount(cell) * opts.units;
  return {
    embedding: mat(opts.vocab, opts.e),
    kernel: mat(opts.e, G),
    recurrentKernel: mat(opts.units, G),
    bias: mat(1, G)[0],
    readout: { kernel: mat(opts.units, 1), bias: [r()] },
  };
}

/**
 * A trained-looking GRU or LSTM run (dense readout, tanh, length 3, vocab 10, target 4) for chart, catalogue
 * and export tests: random weights, its digit scores, predictions by the analyses' forward pass, a snapshot.
 */
export function gatedRun(cell: CellKind, opts: { id?: string; e?: number; units?: number; seed?: number } = {}): Run {
  const e = opts.e ?? 3;
  const units = opts.units ?? 2;
  const weights = gatedWeights(cell, { vocab: 10, e, units, seed: opts.seed });
  const config = {
    task: {
      kind: 'contains',
      targetDigit: 4,
      sequenceLength: 3,
      vocabularySize: 10,
      samples: 100,
      validationSplit: 0.2,
      dataSeed: 1,
    },
    model: {
      cell,
      embeddingDim: e,
      rnnUnits: units,
      rnnActivation: 'tanh',
      readout: 'dense',
      outputActivation: 'sigmoid',
    },
    training: { optimizer: 'adam', learningRate: 0.01, batchSize: 8, epochs: 1, seed: 1 },
  } as const;
  const parsed = runSchema.parse({ id: opts.id ?? cell, name: `${cell.toUpperCase()} run`, config, status: 'done' });
  const m = { name: parsed.name, weights, model: parsed.config.model, task: parsed.config.task };
  const inputs = [
    [5, 8, 4],
    [1, 2, 3],
    [4, 0, 0],
  ];
  return runSchema.parse({
    ...parsed,
    backend: { name: 'cpu', reason: 'test fixture' },
    history: [{ epoch: 1, loss: 0.5, acc: 0.7, valLoss: 0.45, valAcc: 0.75 }],
    weights,
    digitScores: digitScoresOf(weights),
    predictions: inputs.map((input) => ({ input, label: input.includes(4) ? 1 : 0, probability: predict(m, input) })),
    snapshots: [{ epoch: 0, batch: 0, step: 0, weights }],
    // A done run has its summary: session files without one are refused.
    summary: summarizeModel(parsed.config),
    trainSeconds: 0.5,
  });
}
