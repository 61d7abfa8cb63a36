import type { AnalysisModel } from '../../../shared/analysis/model.js';
import type { RnnActivation } from '../../../shared/schemas/run-config.js';

/** Hand-made weights of any shape from a tiny LCG (independent of the code under test). */
export function randomModel(opts: {
  vocab: number;
  e: number;
  units: number;
  act: RnnActivation;
  seq?: number;
  seed?: number;
  scale?: number;
}): AnalysisModel {
  let s = opts.seed ?? 12345;
  const r = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return ((s / 2147483648) * 2 - 1) * (opts.scale ?? 1);
  };
  const mat = (rows: number, cols: number) => Array.from({ length: rows }, () => Array.from({ length: cols }, r));
  return {
    name: `random-${opts.act}-${opts.units}`,
    weights: {
      embedding: mat(opts.vocab, opts.e),
      kernel: mat(opts.e, opts.units),
      recurrentKernel: mat(opts.units, opts.units),
      bias: mat(1, opts.units)[0],
    },
    model: {
      cell: 'simple',
      embeddingDim: opts.e,
      rnnUnits: opts.units,
      rnnActivation: opts.act,
      readout: opts.units === 1 ? 'activation' : 'dense',
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
    },
  };
}
