import type { EpochRecord } from '../schemas/run-result.js';
import type { Run } from '../schemas/run.js';
import { digitScoresOf } from './forward.js';
import { maxOf, minOf } from '../extent.js';

export interface Band {
  mean: number;
  std: number;
  min: number;
  max: number;
}

export interface SeedRepeat {
  runs: number;
  /** Per epoch (index 0 = epoch 1), over the runs that reached it. */
  history: Record<keyof Omit<EpochRecord, 'epoch'>, Band[]>;
  /** scores[digit][column] over runs: G·units columns, every gate's side by side (SimpleRNN: one per unit). */
  scores: Band[][];
  /** u[row][col] over runs (units × G·units). */
  u: Band[][];
}

export function band(values: readonly number[]): Band {
  const n = values.length;
  if (n === 0) return { mean: NaN, std: NaN, min: NaN, max: NaN };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
  return { mean, std: Math.sqrt(variance), min: minOf(values), max: maxOf(values) };
}

const metrics = ['loss', 'acc', 'valLoss', 'valAcc'] as const;

/**
 * Aggregates N runs of one config trained with different seeds, so a conclusion
 * rests on a spread and not on one lucky seed. Runs without weights count for the
 * curves only.
 */
export function seedRepeat(runs: readonly Pick<Run, 'history' | 'weights'>[]): SeedRepeat {
  const epochs = Math.max(0, ...runs.map((r) => r.history.length));
  const history = Object.fromEntries(
    metrics.map((m) => [
      m,
      Array.from({ length: epochs }, (_, e) => band(runs.filter((r) => r.history[e]).map((r) => r.history[e][m]))),
    ]),
  ) as SeedRepeat['history'];
  const trained = runs.filter((r) => r.weights).map((r) => r.weights!);
  const scoreMats = trained.map(digitScoresOf);
  const first = scoreMats[0];
  const scores = first ? first.map((row, d) => row.map((_, j) => band(scoreMats.map((s) => s[d][j])))) : [];
  const u0 = trained[0]?.recurrentKernel;
  const u = u0 ? u0.map((row, i) => row.map((_, j) => band(trained.map((w) => w.recurrentKernel[i][j])))) : [];
  return { runs: runs.length, history, scores, u };
}
