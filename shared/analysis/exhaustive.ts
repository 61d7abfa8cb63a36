import { labelOf } from '../task-rule.js';
import { cellStep, initialState, readoutOf, type CellState } from './cell-step.js';
import { digitScoresOf, predictsPositive } from './forward.js';
import { everyInput, rowOf, sampledInputs, type InputSet } from './input-set.js';
import type { AnalysisModel } from './model.js';

/** Up to this many inputs every input is evaluated; above it, a uniform sample of this many. */
export const EXHAUSTIVE_MAX_INPUTS = 100_000;
/** The error list keeps this many examples; counts stay exact. */
export const EXHAUSTIVE_MAX_LISTED = 1_000;
/** The sample's seed, so every run of a session is judged on the same inputs. */
export const EXHAUSTIVE_SAMPLE_SEED = 7;

export interface ExhaustiveError {
  input: number[];
  label: 0 | 1;
  probability: number;
}

export interface ErrorGroup {
  /**
   * How many target digits the inputs of this group hold; for `same-ends` (grouped by its ends)
   * 1 when the first and last digit are equal, 0 when not.
   */
  targetCount: number;
  /** Where the task's digits sit, e.g. "·4·" (others as ·); null in the groups by count. */
  pattern: string | null;
  /** A short name of the group: "2 × 4", "·4·", "ends equal". */
  label: string;
  total: number;
  errors: number;
}

export interface ExhaustiveResult {
  run: string;
  /** Inputs evaluated: vocab^T, or the sample's size when `sampled`. */
  total: number;
  /** How many inputs there are: vocab^T. */
  population: number;
  /** True when vocab^T > EXHAUSTIVE_MAX_INPUTS: a uniform sample of `total` distinct inputs was evaluated. */
  sampled: boolean;
  correct: number;
  accuracy: number;
  /** Errors over the inputs evaluated (exact), and the first EXHAUSTIVE_MAX_LISTED of them. */
  errorCount: number;
  errors: ExhaustiveError[];
  /** What `byCount` groups by: the target digit's count, or (same-ends) whether the ends are equal. */
  groupedBy: 'target-count' | 'ends';
  byCount: ErrorGroup[];
  /** Groups by where the task's digits sit, those holding at least one error (for T ≤ 12, else empty). */
  byPattern: ErrorGroup[];
}

export function exhaustiveCount(model: AnalysisModel): number {
  return model.task.vocabularySize ** model.task.sequenceLength;
}

/** What was evaluated: "1,000 inputs" (every one), or "a uniform sample of 100,000 of 177,147 inputs". */
export function exhaustiveScope(r: Pick<ExhaustiveResult, 'sampled' | 'total' | 'population'>): string {
  const count = (n: number) => (n < 1e15 ? n.toLocaleString('en-US') : n.toExponential(2));
  return r.sampled
    ? `a uniform sample of ${count(r.total)} of ${count(r.population)} inputs`
    : `${count(r.total)} inputs`;
}

/**
 * Evaluates every input of the run's task (vocab^T of them), or a seeded uniform sample when there are
 * more than EXHAUSTIVE_MAX_INPUTS. Inputs are walked in lexicographic order and each state is kept
 * per prefix, so a row recomputes only from where it differs from the row before.
 */
export function exhaustive(model: AnalysisModel, seed = EXHAUSTIVE_SAMPLE_SEED): ExhaustiveResult {
  const { vocabularySize: vocab, sequenceLength: T } = model.task;
  const population = exhaustiveCount(model);
  const sampled = population > EXHAUSTIVE_MAX_INPUTS;
  const inputs = sampled ? sampledInputs(vocab, T, EXHAUSTIVE_MAX_INPUTS, seed) : everyInput(vocab, T);
  const tally = new Tally(model);
  walk(model, inputs, (row, state) => tally.add(row, readoutOf(model.model, model.weights, state.h).probability));
  const total = inputs.count;
  const correct = total - tally.errorCount;
  return {
    run: model.name,
    total,
    population,
    sampled,
    correct,
    accuracy: correct / total,
    errorCount: tally.errorCount,
    errors: tally.errors,
    groupedBy: tally.byEnds ? 'ends' : 'target-count',
    byCount: tally.byCount,
    byPattern: [...tally.patterns.values()]
      .filter((g) => g.errors > 0)
      .sort((a, b) => b.errors - a.errors || a.targetCount - b.targetCount),
  };
}

/** Every row's final state, each prefix's state computed once. */
function walk(model: AnalysisModel, inputs: InputSet, leaf: (row: Uint8Array, state: CellState) => void): void {
  const scores = digitScoresOf(model.weights);
  const u = model.weights.recurrentKernel;
  const T = inputs.length;
  const states: CellState[] = [initialState(model.model.cell, model.model.rnnUnits)];
  const rows = inputs.rows;
  for (let i = 0; i < inputs.count; i++) {
    const at = i * T;
    let same = 0;
    if (i > 0) while (same < T && rows[at + same] === rows[at - T + same]) same++;
    for (let t = same; t < T; t++) states[t + 1] = cellStep(model.model, scores[rows[at + t]], u, states[t]).state;
    leaf(rowOf(inputs, i), states[T]);
  }
}

/** Counts, groups and the listed errors, input by input. */
class Tally {
  readonly byEnds: boolean;
  readonly byCount: ErrorGroup[];
  readonly patterns = new Map<string, ErrorGroup>();
  readonly errors: ExhaustiveError[] = [];
  errorCount = 0;
  private readonly marked: Set<number>;

  constructor(private readonly model: AnalysisModel) {
    const { kind, targetDigit, otherDigit, sequenceLength: T } = model.task;
    this.byEnds = kind === 'same-ends';
    this.byCount = this.byEnds
      ? [0, 1].map((k) => group(k, null, k ? 'ends equal' : 'ends differ'))
      : Array.from({ length: T + 1 }, (_, k) => group(k, null, `${k} × ${targetDigit}`));
    // Patterns name the digits the rule reads; same-ends reads the ends, whatever digits they are.
    this.marked = new Set(this.byEnds || T > 12 ? [] : kind === 'order' ? [targetDigit, otherDigit] : [targetDigit]);
  }

  add(row: Uint8Array, probability: number): void {
    const { targetDigit } = this.model.task;
    const label = labelOf(row, this.model.task);
    let targets = 0;
    for (const d of row) if (d === targetDigit) targets++;
    const key = this.byEnds ? (row[0] === row[row.length - 1] ? 1 : 0) : targets;
    const g = this.byCount[key];
    g.total++;
    const pattern = this.marked.size ? this.patternGroup(row, targets) : null;
    if (pattern) pattern.total++;
    if (predictsPositive(probability) === (label === 1)) return;
    g.errors++;
    if (pattern) pattern.errors++;
    this.errorCount++;
    if (this.errors.length < EXHAUSTIVE_MAX_LISTED) this.errors.push({ input: Array.from(row), label, probability });
  }

  private patternGroup(row: Uint8Array, targets: number): ErrorGroup {
    let pattern = '';
    for (const d of row) pattern += this.marked.has(d) ? String(d) : '·';
    let g = this.patterns.get(pattern);
    if (!g) this.patterns.set(pattern, (g = group(targets, pattern, pattern)));
    return g;
  }
}

function group(targetCount: number, pattern: string | null, label: string): ErrorGroup {
  return { targetCount, pattern, label, total: 0, errors: 0 };
}
