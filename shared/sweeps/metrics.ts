import { digitScoresOf } from '../analysis/forward.js';
import { matMul, type Matrix } from '../analysis/linalg.js';
import { candidateGate, gateBlocks, gateScores, unitsOf } from '../charts/gates.js';
import { maxOf } from '../extent.js';
import type { Run } from '../schemas/run.js';
import { runHealth, type RunHealth } from '../run-health.js';
import { majorityBaseline } from '../validation-baseline.js';
import { TASKS } from '../tasks.js';

/**
 * What the runs table, the group charts and `rnn-lab table` say about one run, computed from the stored run
 * alone (light sweep runs keep history, final weights and summary, which is all these read).
 */
export interface RunMetrics {
  /** The final epoch's validation accuracy and loss; null before the first epoch. */
  valAcc: number | null;
  valLoss: number | null;
  /** The first epoch (1-based) whose validation accuracy reached the success threshold; null if none did. */
  epochsToSuccess: number | null;
  /** Target digit's score minus the largest other digit's (see digitMargin); null where not meaningful. */
  digitMargin: number | null;
  /** |U| for one SimpleRNN unit, else the spectral radius of the recurrent state block; null without weights. */
  recurrentRadius: number | null;
  trainSeconds: number | null;
  backend: string | null;
  status: Run['status'];
  /** The finished run's verdict and its one-line reason (shared/run-health.ts); null before it finishes. */
  health: RunHealth | null;
  /** The majority-class share of the validation split the run trains against: what "learned nothing" scores. */
  baseline: number;
}

/** The numeric metrics, in the order tables show them. */
export const NUMERIC_METRICS = [
  'valAcc',
  'valLoss',
  'epochsToSuccess',
  'digitMargin',
  'recurrentRadius',
  'trainSeconds',
] as const;
export type NumericMetric = (typeof NUMERIC_METRICS)[number];

export const METRIC_LABELS: Readonly<Record<NumericMetric, string>> = {
  valAcc: 'val acc',
  valLoss: 'val loss',
  epochsToSuccess: 'epochs to success',
  digitMargin: 'digit margin',
  recurrentRadius: 'recurrent radius',
  trainSeconds: 'train s',
};

/** A run succeeds when its final validation accuracy reaches this (the default). */
export const DEFAULT_SUCCESS_THRESHOLD = 0.99;

type MetricRun = Pick<
  Run,
  'config' | 'history' | 'weights' | 'digitScores' | 'trainSeconds' | 'backend' | 'status' | 'predictions' | 'error'
>;

export function runMetrics(run: MetricRun, threshold = DEFAULT_SUCCESS_THRESHOLD): RunMetrics {
  const last = run.history.at(-1);
  return {
    valAcc: last?.valAcc ?? null,
    valLoss: last?.valLoss ?? null,
    epochsToSuccess: run.history.find((r) => r.valAcc >= threshold)?.epoch ?? null,
    digitMargin: digitMargin(run),
    recurrentRadius: recurrentRadius(run),
    trainSeconds: run.trainSeconds ?? null,
    backend: run.backend?.name ?? null,
    status: run.status,
    health: runHealth(run, threshold),
    baseline: majorityBaseline(run.config.task),
  };
}

/**
 * How far the target digit's score stands above every other digit's. One score per digit is read:
 * - one unit with the activation readout: the score column itself (it alone drives the readout);
 * - the dense readout: the candidate gate's columns (the content a digit writes into the state; for a
 *   SimpleRNN its only block) combined through the readout kernel, Σ_j score[d][j]·k_j. That is the
 *   digit's contribution as the readout weighs it, so "higher" means "pushes towards 1" whatever the
 *   sign of k, which a raw column of one unit does not say.
 * Null without weights, and for tasks whose label is not decided by the target digit alone (order reads
 * two digits, same-ends none): there "the target's margin" measures nothing the task asks.
 */
export function digitMargin(run: Pick<Run, 'config' | 'weights' | 'digitScores'>): number | null {
  const { task, model } = run.config;
  const digits = TASKS[task.kind].digits;
  if (!run.weights || digits.length !== 1 || digits[0] !== 'targetDigit') return null;
  const scores = run.digitScores ?? digitScoresOf(run.weights);
  const units = unitsOf(run.weights, model.cell);
  const block = gateScores(scores, candidateGate(model.cell).index, units);
  const readout = run.weights.readout?.kernel;
  const perDigit = readout ? matMul(block, readout).map((row) => row[0]) : block.map((row) => row[0]);
  const target = perDigit[task.targetDigit];
  if (target === undefined) return null;
  return target - maxOf(perDigit.filter((_, d) => d !== task.targetDigit));
}

/**
 * How strongly the state feeds back: |U| for one SimpleRNN unit, else the largest |eigenvalue| of the
 * square H × H block that carries the state: all of U for a SimpleRNN, the candidate's block U_h (GRU) or
 * U_c (LSTM) for gated cells, the block the seed's |U| corresponds to (the gates' blocks only scale it).
 */
export function recurrentRadius(run: Pick<Run, 'config' | 'weights'>): number | null {
  if (!run.weights) return null;
  const cell = run.config.model.cell;
  const block = gateBlocks(run.weights, cell)[candidateGate(cell).index].recurrent;
  return spectralRadius(block);
}

/** Frobenius norm. */
const norm = (m: Matrix) => Math.sqrt(m.reduce((s, row) => s + row.reduce((t, x) => t + x * x, 0), 0));

/**
 * The largest |eigenvalue| of a square matrix by Gelfand's formula, ρ(A) = lim ‖A^k‖^(1/k), with k = 2^40
 * reached by repeated squaring, normalised at each step (the log of each norm is kept). Unlike power
 * iteration it needs no dominant real eigenvalue: a rotation's complex pair is found too. Exact for 1 × 1.
 */
export function spectralRadius(a: Matrix): number {
  if (a.length === 1) return Math.abs(a[0][0]);
  let b = a;
  let logRho = 0;
  let weight = 1;
  for (let step = 0; step < 40; step++) {
    const n = norm(b);
    if (n === 0 || !Number.isFinite(n)) return n === 0 ? 0 : NaN;
    logRho += weight * Math.log(n);
    const scaled = b.map((row) => row.map((x) => x / n));
    b = matMul(scaled, scaled);
    weight /= 2;
  }
  const n = norm(b);
  return n === 0 ? 0 : Math.exp(logRho + weight * Math.log(n));
}
