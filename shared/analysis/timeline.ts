import { LabError } from '../errors.js';
import type { ModelConfig } from '../schemas/run-config.js';
import type { WeightSnapshot, Weights } from '../schemas/run-result.js';
import type { Run } from '../schemas/run.js';
import { gateKeys } from './cell-step.js';
import { digitScoresOf } from './forward.js';
import type { Matrix } from './linalg.js';

export interface TimelineFrame {
  epoch: number;
  batch: number;
  /** Global step: batches since the start (the timeline's x axis). */
  step: number;
  /** vocab × G·units: every gate's score, gates side by side. */
  scores: Matrix;
  u: Matrix;
  b: number[];
  weights: Weights;
}

export interface Timeline {
  run: string;
  frames: TimelineFrame[];
  /** The cell's gates in kernel order (SimpleRNN: ["h"]). */
  gateKeys: string[];
  /** The gate `series` follows. */
  gate: string;
  /** series[digit][unit] = that gate's score at each frame, aligned with `frames`. */
  series: number[][][];
  /** The same per gate: byGate[gate][digit][unit][frame]. */
  byGate: Record<string, number[][][]>;
}

type TimelineRun = Pick<Run, 'name' | 'snapshots'> & { config?: { model: Pick<ModelConfig, 'cell'> } };

/**
 * Digit scores, U and b at every stored snapshot, in training order. For gated cells each gate has its
 * own score per digit (embedding row · gate kernel + gate bias); `series` follows `gate` (default the
 * first: GRU's update gate z, LSTM's input gate i) and `byGate` holds them all.
 */
export function timeline(run: TimelineRun, gate?: string): Timeline {
  const keys = gateKeys(run.config?.model.cell ?? 'simple');
  const chosen = gate ?? keys[0];
  const at = keys.indexOf(chosen);
  if (at < 0) throw new LabError('bad-request', `no gate "${chosen}" in this cell (gates: ${keys.join(', ')})`);
  const snaps: WeightSnapshot[] = [...run.snapshots].sort((a, b) => a.step - b.step);
  const frames = snaps.map((s) => ({
    epoch: s.epoch,
    batch: s.batch,
    step: s.step,
    scores: digitScoresOf(s.weights),
    u: s.weights.recurrentKernel,
    b: s.weights.bias,
    weights: s.weights,
  }));
  const vocab = frames[0]?.scores.length ?? 0;
  const units = frames[0] ? frames[0].weights.recurrentKernel.length : 0;
  const gateSeries = (g: number) =>
    Array.from({ length: vocab }, (_, d) =>
      Array.from({ length: units }, (_, j) => frames.map((f) => f.scores[d][g * units + j])),
    );
  const byGate = Object.fromEntries(keys.map((k, g) => [k, gateSeries(g)]));
  return { run: run.name, frames, gateKeys: keys, gate: chosen, series: byGate[chosen], byGate };
}

/**
 * The frame shown at a shared scrubber position in [0, 1]: runs with different
 * numbers of steps stay aligned by training fraction, not by frame index.
 */
export function frameAt(t: Timeline, fraction: number): TimelineFrame | null {
  if (t.frames.length === 0) return null;
  const last = t.frames[t.frames.length - 1].step;
  const wanted = Math.min(1, Math.max(0, fraction)) * last;
  let best = t.frames[0];
  for (const f of t.frames) if (f.step <= wanted + 1e-9) best = f;
  return best;
}
