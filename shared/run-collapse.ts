import { everyInput, rowOf } from './analysis/input-set.js';
import { mulberry32, randomInt } from './rng.js';
import { cellStep, initialState, readoutOf } from './analysis/cell-step.js';
import { sigmoid } from './analysis/activations.js';
import { digitScoresOf } from './analysis/forward.js';
import type { TaskConfig } from './schemas/run-config.js';
import type { Run } from './schemas/run.js';
import { labelOf } from './tasks.js';

/** Outputs closer together than this over every probed input count as one constant. */
export const COLLAPSE_TOLERANCE = 1e-3;
/** Inputs probed: every input when there are at most this many, else up to half as many of each label. */
const PROBE_INPUTS = 256;
/** Uniform rows drawn at most to find them: a label as rare as 1 in 500 (a 4 in 60 digits) still gets ~100. */
const PROBE_DRAWS = 50_000;
const PROBE_SEED = 11;

export interface Collapse {
  /** The mean probability, the one the run gives every input. */
  probability: number;
  /** Every hidden state of every probed input and step was exactly 0. */
  allStatesZero: boolean;
  /** h(T) was the same for every probed input (the readout then cannot tell inputs apart). */
  constantFinalState: boolean;
}

type CollapseRun = Pick<Run, 'config' | 'weights' | 'predictions'>;

/**
 * Whether a run's output collapsed to a constant: the same probability (within 1e-3) for inputs of both
 * labels. Recomputed from the weights with the shared forward code when there are weights (a light sweep run
 * stores no predictions, and a full run stores ten rows that may all share a label); from the stored
 * predictions otherwise. Null when the output varies, or when too little is known to say.
 */
export function collapseOf(run: CollapseRun): Collapse | null {
  if (run.weights) return cachedProbe(run);
  const ps = run.predictions.map((p) => p.probability);
  const labels = new Set(run.predictions.map((p) => p.label));
  if (ps.length < 2 || labels.size < 2 || !constant(ps)) return null;
  return { probability: mean(ps), allStatesZero: false, constantFinalState: false };
}

const constant = (xs: readonly number[]) =>
  Math.max(...xs) - Math.min(...xs) < COLLAPSE_TOLERANCE || xs.every((x) => Math.abs(x - 0.5) < COLLAPSE_TOLERANCE);
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

// The board asks on every change; the weights of a finished run are replaced, never mutated.
const probes = new WeakMap<object, Collapse | null>();

function cachedProbe(run: CollapseRun): Collapse | null {
  const weights = run.weights!;
  if (!probes.has(weights)) probes.set(weights, probe(run));
  return probes.get(weights) ?? null;
}

function probe(run: CollapseRun): Collapse | null {
  const { model, task } = run.config;
  const weights = run.weights!;
  const inputs = [...run.predictions.map((p) => p.input), ...probeInputs(task)];
  if (new Set(inputs.map((x) => labelOf(x, task))).size < 2) return null;
  const scores = digitScoresOf(weights);
  const outputs: number[] = [];
  const finals: number[][] = [];
  let allStatesZero = true;
  for (const input of inputs) {
    let state = initialState(model.cell, model.rnnUnits);
    for (const d of input) {
      state = cellStep(model, scores[d], weights.recurrentKernel, state).state;
      if (state.h.some((h) => h !== 0)) allStatesZero = false;
    }
    finals.push(state.h);
    outputs.push(probability(run, state.h));
    // Labels alternate, so a run that tells them apart is known after a few inputs: most runs stop here.
    if (!Number.isFinite(outputs.at(-1)!) || !constant(outputs)) return null;
  }
  const constantFinalState = finals[0].every((_, j) => constant(finals.map((h) => h[j])));
  return { probability: mean(outputs), allStatesZero, constantFinalState };
}

/** The run's probability from h(T); with several units and the activation readout, their mean (as the engine). */
function probability(run: CollapseRun, h: readonly number[]): number {
  const { model } = run.config;
  if (model.readout === 'dense' || h.length === 1) return readoutOf(model, run.weights!, h).probability;
  return mean(h.map((x) => (model.outputActivation === 'sigmoid' ? sigmoid(x) : x)));
}

/**
 * Every input when there are few, else seeded uniform rows kept up to PROBE_INPUTS / 2 per label, the labels
 * alternating: with a rare label a uniform sample would be nearly all one label, and a model that only got
 * that label right would look constant. One set per task (a sweep's runs share it).
 */
function probeInputs(task: TaskConfig): readonly number[][] {
  const key = [task.kind, task.targetDigit, task.otherDigit, task.sequenceLength, task.vocabularySize].join('|');
  let inputs = probeSets.get(key);
  if (!inputs) {
    inputs = drawProbeInputs(task);
    if (probeSets.size >= 64) probeSets.delete(probeSets.keys().next().value as string);
    probeSets.set(key, inputs);
  }
  return inputs;
}

const probeSets = new Map<string, number[][]>();

function drawProbeInputs(task: TaskConfig): number[][] {
  const { vocabularySize: V, sequenceLength: T } = task;
  if (V ** T <= PROBE_INPUTS) {
    const set = everyInput(V, T);
    return Array.from({ length: set.count }, (_, i) => Array.from(rowOf(set, i)));
  }
  const random = mulberry32(PROBE_SEED);
  const byLabel: number[][][] = [[], []];
  const per = PROBE_INPUTS / 2;
  for (let n = 0; n < PROBE_DRAWS && (byLabel[0].length < per || byLabel[1].length < per); n++) {
    const row = Array.from({ length: T }, () => randomInt(random, V));
    const bucket = byLabel[labelOf(row, task)];
    if (bucket.length < per) bucket.push(row);
  }
  const [zeros, ones] = byLabel;
  return Array.from({ length: Math.max(zeros.length, ones.length) }, (_, i) => [zeros[i], ones[i]])
    .flat()
    .filter((row) => row !== undefined);
}
