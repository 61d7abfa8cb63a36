import { runSchema, type Run } from '../../../shared/schemas/run.js';
import { SEED_PRESET } from '../../../shared/presets.js';

/** A trained-looking run built by hand (no engine): enough for pure builders and stores. */
export function fakeRun(id = 'r1', overrides: Partial<Run> = {}): Run {
  const vocab = 10;
  const dims = 2;
  const embedding = Array.from({ length: vocab }, (_, d) =>
    Array.from({ length: dims }, (_, j) => (d === 4 ? 2 + j : -0.1 * d + j * 0.01)),
  );
  const kernel = Array.from({ length: dims }, (_, j) => [1 + j]);
  const bias = [-0.5];
  const digitScores = embedding.map((row) => [row.reduce((s, v, j) => s + v * kernel[j][0], 0) + bias[0]]);
  return runSchema.parse({
    id,
    name: `Run ${id}`,
    config: SEED_PRESET[0].config,
    status: 'done',
    backend: { name: 'cpu', reason: 'tfjs-node not installed' },
    history: [
      { epoch: 1, loss: 0.3, acc: 0.9, valLoss: 0.1, valAcc: 0.97 },
      { epoch: 2, loss: 0.05, acc: 0.99, valLoss: 0.02, valAcc: 1 },
    ],
    batchLoss: [
      { step: 10, loss: 0.6 },
      { step: 20, loss: 0.2 },
    ],
    summary: {
      layers: [{ name: 'Embedding_Layer', type: 'Embedding', outputShape: '(None, 3, 2)', params: 20 }],
      totalParams: 24,
      trainableParams: 24,
    },
    weights: { embedding, kernel, recurrentKernel: [[1.01]], bias },
    digitScores,
    predictions: [
      { input: [5, 8, 4], label: 1, probability: 0.99 },
      { input: [1, 2, 3], label: 0, probability: 0.7 },
    ],
    trainSeconds: 3.2,
    ...overrides,
  });
}
