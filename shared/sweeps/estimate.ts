import type { CellKind } from '../cells.js';
import type { RunConfig } from '../schemas/run-config.js';
import type { Run } from '../schemas/run.js';
import { stepsPerEpoch } from '../task-rule.js';

/**
 * How long a sweep will take, said before it starts. A run's cost is its training steps times the cost of
 * one step; a step of these tiny models costs what its per-timestep ops cost (tfjs's per-op overhead
 * dominates the arithmetic), so it grows with the sequence length and the cell's gate work, hardly with the
 * batch or the units. The seconds one unit of that work takes are read off this session's finished runs
 * (their trainSeconds), else the default below; each run adds a fixed start-up (worker, backend, data set)
 * that trainSeconds does not include. The total is shared by the parallel workers.
 */

/**
 * Seconds per unit of work when no run has finished: the default run (10,000 samples, batch 8, 4 epochs,
 * length 3, SimpleRNN) trains in about 3 s with the pure-JavaScript CPU backend on a 2-core machine.
 * tfjs-node is several times faster, so without a measurement the estimate is given as a wide range.
 */
export const DEFAULT_SECONDS_PER_WORK = 0.00025;
/** Seconds each run costs beyond its training (worker start, backend, data set): measured on the same machine. */
export const RUN_OVERHEAD_SECONDS = 0.3;
/** Without a measurement the truth may lie this many times either side of the default. */
const UNMEASURED_SPREAD = 3;

/**
 * A step's cost relative to a SimpleRNN's, per timestep: a GRU step took about 1.7 times a SimpleRNN's on
 * the CPU backend (3 gates, but the ops per gate are shared), an LSTM's 4 gates a little more.
 */
const CELL_COST: Readonly<Record<CellKind, number>> = { simple: 1, gru: 2, lstm: 2.5 };

/** Units of work of one run: steps × timesteps × the cell's cost. */
export function runWork(config: Pick<RunConfig, 'task' | 'training' | 'model'>): number {
  const steps = stepsPerEpoch(config) * config.training.epochs;
  return steps * config.task.sequenceLength * CELL_COST[config.model.cell];
}

type MeasuredRun = Pick<Run, 'config' | 'status' | 'trainSeconds'>;

/** Seconds per unit of work of each finished run that says how long it trained, in ascending order. */
export function measuredRates(runs: readonly MeasuredRun[]): number[] {
  return runs
    .filter((r) => r.status === 'done' && r.trainSeconds !== undefined && r.trainSeconds > 0)
    .map((r) => r.trainSeconds! / runWork(r.config))
    .filter((rate) => Number.isFinite(rate) && rate > 0)
    .sort((a, b) => a - b);
}

export interface SweepEstimate {
  /** The likeliest wall-clock seconds, and the range it may fall in. */
  seconds: number;
  low: number;
  high: number;
  /** Finished runs the rate comes from (0: the default rate). */
  basedOn: number;
}

/** The value at fraction q of sorted numbers, interpolated. */
function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const i = Math.floor(at);
  const next = sorted[Math.min(i + 1, sorted.length - 1)];
  return sorted[i] + (next - sorted[i]) * (at - i);
}

/**
 * Wall-clock seconds for `planned` runs on `parallel` workers: the work at the median measured rate, between
 * the quartiles (a spread of runs: the lowest and the highest when fewer than four), or at the default rate
 * within a factor of three either way. Never less than the longest single run (one worker trains it alone).
 */
export function estimateSweep(
  planned: ReadonlyArray<Pick<RunConfig, 'task' | 'training' | 'model'>>,
  finished: readonly MeasuredRun[],
  parallel: number,
): SweepEstimate {
  const rates = measuredRates(finished);
  const workers = Math.max(1, Math.floor(parallel));
  const works = planned.map(runWork);
  const wallAt = (rate: number) => {
    const each = works.map((w) => w * rate + RUN_OVERHEAD_SECONDS);
    const total = each.reduce((s, x) => s + x, 0);
    return planned.length === 0 ? 0 : Math.max(total / Math.min(workers, planned.length), Math.max(...each));
  };
  if (rates.length === 0) {
    const seconds = wallAt(DEFAULT_SECONDS_PER_WORK);
    return {
      seconds,
      low: wallAt(DEFAULT_SECONDS_PER_WORK / UNMEASURED_SPREAD),
      high: wallAt(DEFAULT_SECONDS_PER_WORK * UNMEASURED_SPREAD),
      basedOn: 0,
    };
  }
  const [lowQ, highQ] = rates.length >= 4 ? [0.25, 0.75] : [0, 1];
  return {
    seconds: wallAt(quantile(rates, 0.5)),
    low: wallAt(quantile(rates, lowQ)),
    high: wallAt(quantile(rates, highQ)),
    basedOn: rates.length,
  };
}

/** A duration as a person would round it: "8 s", "40 s", "2 min", "2.5 min", "1 h 20 min". */
export function roughDuration(seconds: number): string {
  if (seconds < 1) return '1 s';
  if (seconds < 10) return `${Math.round(seconds)} s`;
  if (seconds < 55) return `${Math.round(seconds / 5) * 5} s`;
  const minutes = seconds / 60;
  if (minutes < 10) return `${Number((Math.round(minutes * 2) / 2).toFixed(1))} min`;
  if (minutes < 57.5) return `${Math.round(minutes / 5) * 5} min`;
  const tens = Math.round(minutes / 10) * 10;
  const h = Math.floor(tens / 60);
  return tens % 60 === 0 ? `${h} h` : `${h} h ${tens % 60} min`;
}

/**
 * The estimate in words: "about 2 min" when the range rounds to nearly one figure, else "≈ 40 s – 1 min"
 * (the range is the honest answer when runs differ or nothing has been measured yet).
 */
export function estimateText(estimate: Pick<SweepEstimate, 'low' | 'high' | 'seconds'>): string {
  const [low, high] = [roughDuration(estimate.low), roughDuration(estimate.high)];
  if (low === high || estimate.high <= estimate.low * 1.25) return `about ${roughDuration(estimate.seconds)}`;
  return `≈ ${low} – ${high}`;
}
