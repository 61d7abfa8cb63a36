import type { WeightSnapshot, Weights } from '../schemas/run-result.js';
import type { Run } from '../schemas/run.js';
import { digitScoresOf } from './forward.js';
import type { Matrix } from './linalg.js';

export interface TimelineFrame {
  epoch: number;
  batch: number;
  /** Global step: batches since the start (the timeline's x axis). */
  step: number;
  /** vocab × units. */
  scores: Matrix;
  u: Matrix;
  b: number[];
  weights: Weights;
}

export interface Timeline {
  run: string;
  frames: TimelineFrame[];
  /** series[digit][unit] = score at each frame, aligned with `frames`. */
  series: number[][][];
}

/** Digit scores, U and b at every stored snapshot, in training order. */
export function timeline(run: Pick<Run, 'name' | 'snapshots'>): Timeline {
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
  const units = frames[0]?.scores[0]?.length ?? 0;
  const series = Array.from({ length: vocab }, (_, d) =>
    Array.from({ length: units }, (_, j) => frames.map((f) => f.scores[d][j])),
  );
  return { run: run.name, frames, series };
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
