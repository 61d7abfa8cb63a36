import { describe, expect, it } from 'vitest';
import { initBackend, summarizeModel } from '../../../electron/engine/index.js';
import { buildReferenceModel } from '../../../electron/engine/reference-model.js';
import { SEED_PRESET } from '../../../shared/presets.js';
import { runConfigSchema } from '../../../shared/schemas/run-config.js';

describe('summarizeModel', () => {
  const configs = SEED_PRESET.map((p) => runConfigSchema.parse(p.config));

  it('counts 112, 46, 13, 13 parameters for the seed presets', () => {
    expect(configs.map((c) => summarizeModel(c).totalParams)).toEqual([112, 46, 13, 13]);
    expect(configs.map((c) => summarizeModel(c).trainableParams)).toEqual([112, 46, 13, 13]);
  });

  it('prints the seed notebook layer table', () => {
    expect(summarizeModel(configs[0]).layers).toEqual([
      { name: 'Input_Layer', type: 'InputLayer', outputShape: '(None, 3)', params: 0 },
      { name: 'Embedding_Layer', type: 'Embedding', outputShape: '(None, 3, 10)', params: 100 },
      { name: 'RNN_Layer', type: 'SimpleRNN', outputShape: '(None, 1)', params: 12 },
      { name: 'Activation_Layer', type: 'Activation', outputShape: '(None, 1)', params: 0 },
    ]);
    // The sigmoid-RNN preset has no activation layer.
    expect(summarizeModel(configs[3]).layers.map((l) => l.name)).toEqual([
      'Input_Layer',
      'Embedding_Layer',
      'RNN_Layer',
    ]);
  });

  const model = (cell: 'simple' | 'gru' | 'lstm', units: number, embeddingDim: number) =>
    runConfigSchema.parse({
      ...SEED_PRESET[0].config,
      model: { ...SEED_PRESET[0].config.model, cell, readout: 'dense', rnnUnits: units, embeddingDim },
    });

  it("Keras's rows and counts for GRU, LSTM and the dense readout", () => {
    // E = 5, H = 3, V = 10: W, U and b per gate, G = 3 (GRU) or 4 (LSTM); Dense(1) has H + 1.
    expect(summarizeModel(model('gru', 3, 5)).layers).toEqual([
      { name: 'Input_Layer', type: 'InputLayer', outputShape: '(None, 3)', params: 0 },
      { name: 'Embedding_Layer', type: 'Embedding', outputShape: '(None, 3, 5)', params: 50 },
      { name: 'RNN_Layer', type: 'GRU', outputShape: '(None, 3)', params: 3 * (15 + 9 + 3) },
      { name: 'Dense_Layer', type: 'Dense', outputShape: '(None, 1)', params: 4 },
    ]);
    expect(summarizeModel(model('lstm', 3, 5)).totalParams).toBe(50 + 4 * 27 + 4);
    expect(summarizeModel(model('simple', 3, 5)).layers[2]).toEqual({
      name: 'RNN_Layer',
      type: 'SimpleRNN',
      outputShape: '(None, 3)',
      params: 27,
    });
  });

  it('agrees with the tfjs layers model it describes', async () => {
    await initBackend();
    for (const config of [
      ...configs,
      model('simple', 3, 5),
      model('simple', 1, 2),
      model('gru', 3, 5),
      model('gru', 1, 1),
      model('lstm', 4, 2),
      model('lstm', 1, 3),
    ]) {
      const built = buildReferenceModel(config);
      const summary = summarizeModel(config);
      expect(built.countParams()).toBe(summary.totalParams);
      expect(built.layers.map((l) => l.name)).toEqual(summary.layers.map((l) => l.name));
      // One output per row with the dense readout; the seed's Activation keeps the one unit.
      expect(built.outputs[0].shape).toEqual([null, 1]);
      built.dispose();
    }
  });
});
