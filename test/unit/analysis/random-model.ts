import type { AnalysisModel } from '../../../shared/analysis/model.js';
import { gateCount, type CellKind } from '../../../shared/cells.js';
import type { RnnActivation, TaskConfig } from '../../../shared/schemas/run-config.js';

/**
 * Hand-made weights of any shape from a tiny LCG (independent of the code under test). Kernels hold
 * G·units columns for the cell's G gates; models with more than one unit or a gated cell get the dense
 * readout with random weights (drawn last, so SimpleRNN weights stay what they were before readouts).
 */
export function randomModel(opts: {
  vocab: number;
  e: number;
  units: number;
  act: RnnActivation;
  cell?: CellKind;
  seq?: number;
  seed?: number;
  scale?: number;
  task?: Partial<Pick<TaskConfig, 'kind' | 'targetDigit' | 'otherDigit'>>;
}): AnalysisModel {
  let s = opts.seed ?? 12345;
  const r = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return ((s / 2147483648) * 2 - 1) * (opts.scale ?? 1);
  };
  const mat = (rows: number, cols: number) => Array.from({ length: rows }, () => Array.from({ length: cols }, r));
  const cell = opts.cell ?? 'simple';
  const cols = gateCount(cell) * opts.units;
  const dense = opts.units > 1 || cell !== 'simple';
  const weights = {
    embedding: mat(opts.vocab, opts.e),
    kernel: mat(opts.e, cols),
    recurrentKernel: mat(opts.units, cols),
    bias: mat(1, cols)[0],
  };
  return {
    name: `random-${cell}-${opts.act}-${opts.units}`,
    weights: dense ? { ...weights, readout: { kernel: mat(opts.units, 1), bias: mat(1, 1)[0] } } : weights,
    model: {
      cell,
      embeddingDim: opts.e,
      rnnUnits: opts.units,
      rnnActivation: opts.act,
      readout: dense ? 'dense' : 'activation',
      outputActivation: 'sigmoid',
    },
    task: {
      kind: 'contains',
      targetDigit: 1,
      otherDigit: 0,
      balanced: false,
      sequenceLength: opts.seq ?? 3,
      vocabularySize: opts.vocab,
      samples: 100,
      validationSplit: 0.2,
      dataSeed: 1,
      ...opts.task,
    },
  };
}
