import { describe, expect, it } from 'vitest';
import { paramLayout } from '../../../electron/engine/initial-weights.js';
import { flatToWeights } from '../../../electron/engine/weights.js';
import { CELLS, gateCount } from '../../../shared/cells.js';
import { weightValueCount } from '../../../shared/limits.js';
import { smallConfig } from './helpers.js';

describe("the fused engine's flat parameter layout", () => {
  it('holds exactly the values shared/limits counts, for every cell and readout', () => {
    let checked = 0;
    for (const cell of CELLS) {
      for (const readout of ['activation', 'dense'] as const) {
        for (const rnnUnits of [1, 3]) {
          if (readout === 'activation' && (cell !== 'simple' || rnnUnits > 1)) continue;
          for (const [embeddingDim, vocabularySize] of [
            [1, 10],
            [4, 5],
          ]) {
            const config = smallConfig(0, {
              task: { vocabularySize },
              model: { cell, readout, rnnUnits, embeddingDim },
            });
            const layout = paramLayout(config);
            expect(layout.size).toBe(weightValueCount(vocabularySize, config.model));
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(14);
  });

  it('blocks in order [embedding | W | U | b | readout kernel | readout bias], gates side by side', () => {
    // V = 10, E = 2, H = 3, LSTM (G = 4), dense: 20 + 24 + 36 + 12 + 3 + 1 values.
    const config = smallConfig(0, { model: { cell: 'lstm', readout: 'dense', rnnUnits: 3, embeddingDim: 2 } });
    const layout = paramLayout(config);
    expect(layout).toMatchObject({
      G: gateCount('lstm'),
      embedding: 0,
      kernel: 20,
      recurrent: 44,
      bias: 80,
      readout: 92,
    });
    expect(layout.size).toBe(96);
    const w = flatToWeights(
      Float32Array.from({ length: layout.size }, (_, i) => i),
      layout,
    );
    expect(w.embedding[9]).toEqual([18, 19]);
    // Row e of W holds the gates i, f, c, o of every unit: columns g·H + j.
    expect(w.kernel[1]).toEqual(Array.from({ length: 12 }, (_, c) => 32 + c));
    expect(w.recurrentKernel[2][11]).toBe(44 + 2 * 12 + 11);
    expect(w.bias).toEqual(Array.from({ length: 12 }, (_, c) => 80 + c));
    expect(w.readout).toEqual({ kernel: [[92], [93], [94]], bias: [95] });
  });
});
