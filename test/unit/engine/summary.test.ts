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

  it('agrees with the tfjs layers model it describes', async () => {
    await initBackend();
    for (const config of [
      ...configs,
      runConfigSchema.parse({
        ...SEED_PRESET[0].config,
        model: { ...SEED_PRESET[0].config.model, rnnUnits: 3, embeddingDim: 5 },
      }),
    ]) {
      const model = buildReferenceModel(config);
      const summary = summarizeModel(config);
      expect(model.countParams()).toBe(summary.totalParams);
      expect(model.layers.map((l) => l.name)).toEqual(summary.layers.map((l) => l.name));
      expect(model.outputs[0].shape).toEqual([null, config.model.rnnUnits]);
      model.dispose();
    }
  });
});
