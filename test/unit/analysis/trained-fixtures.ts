import { digitScoresOf, predict } from '../../../shared/analysis/index.js';
import { summarizeModel } from '../../../electron/engine/summary.js';
import { runSchema, type Run } from '../../../shared/schemas/run.js';
import { seedRun } from './seed-fixtures.js';

/**
 * Seed runs dressed as trained runs (history, digit scores, predictions on the
 * notebook's last rows, snapshots) for CLI and export tests. The numbers come from
 * the seed's printed weights; history values are the notebook's printed logs.
 */
const ROWS = [
  [5, 6, 9],
  [9, 9, 6],
  [5, 8, 4],
  [5, 8, 1],
  [6, 8, 1],
  [9, 2, 7],
  [6, 0, 0],
  [9, 7, 8],
  [8, 7, 9],
  [0, 2, 7],
];

export function trainedSeedRun(which: 'sigmoid1' | 'linear1' | 'linear10', id: string = which): Run {
  const base = seedRun(which, id);
  const m = { name: base.name, weights: base.weights!, model: base.config.model, task: base.config.task };
  const shrink = (k: number) => ({
    ...base.weights!,
    embedding: base.weights!.embedding.map((r) => r.map((x) => x * k)),
  });
  return runSchema.parse({
    ...base,
    backend: { name: 'cpu', reason: 'test fixture' },
    history: [
      { epoch: 1, loss: 0.0248, acc: 0.9902, valLoss: 4.7527e-4, valAcc: 1 },
      { epoch: 2, loss: 2.2767e-4, acc: 1, valLoss: 1.1516e-4, valAcc: 1 },
      { epoch: 3, loss: 6.9932e-5, acc: 1, valLoss: 4.4882e-5, valAcc: 1 },
      { epoch: 4, loss: 2.9992e-5, acc: 1, valLoss: 2.1167e-5, valAcc: 1 },
    ],
    digitScores: digitScoresOf(base.weights!),
    predictions: ROWS.map((input) => ({ input, label: input.includes(4) ? 1 : 0, probability: predict(m, input) })),
    // A done run has its summary: session files without one are refused.
    summary: summarizeModel(base.config),
    snapshots: [0, 0.25, 0.5, 1].map((k, i) => ({
      epoch: i,
      batch: i === 0 ? 0 : 1000,
      step: i * 1000,
      weights: shrink(k),
    })),
    trainSeconds: 1.5,
  });
}
