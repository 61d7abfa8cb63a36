import { collapseOf, type Collapse } from './run-collapse.js';
import type { RunHealth } from './schemas/run-health.js';
import type { EpochRecord } from './schemas/run-result.js';
import type { Run } from './schemas/run.js';
import { majorityBaseline } from './validation-baseline.js';

export {
  HEALTH_GLYPHS,
  HEALTH_LABELS,
  HEALTH_VERDICTS,
  type HealthVerdict,
  type RunHealth,
} from './schemas/run-health.js';
export { majorityBaseline } from './validation-baseline.js';

type HealthRun = Pick<Run, 'config' | 'status' | 'history' | 'weights' | 'predictions' | 'error'>;

/**
 * A finished run's verdict from its own numbers, checked in this order:
 * - diverged: a NaN or infinite loss, accuracy or weight (the engine stops such a run as failed);
 * - did not learn: the output collapsed to one probability for every input, or the final val accuracy is at
 *   or below the majority-class baseline of the validation split the run used;
 * - learned: the final val accuracy reached `threshold`;
 * - weak: above the baseline, below the threshold.
 * Null for a run that has not finished (idle, queued, training, cancelled) or failed for another reason.
 */
export function runHealth(run: HealthRun, threshold: number): RunHealth | null {
  const diverged = divergence(run);
  if (diverged) return { verdict: 'diverged', reason: diverged };
  const last = run.history.at(-1);
  if (run.status !== 'done' || !last) return null;
  const collapse = collapseOf(run);
  if (collapse) return { verdict: 'did-not-learn', reason: collapseReason(collapse, run) };
  const acc = last.valAcc;
  const baseline = majorityBaseline(run.config.task);
  const [a, b, t] = [fmt(acc, baseline, threshold), fmt(baseline, acc, threshold), fmt(threshold, acc, baseline)];
  if (acc < baseline) {
    return { verdict: 'did-not-learn', reason: `val accuracy ${a}, below the majority-class baseline ${b}` };
  }
  if (acc === baseline) {
    return { verdict: 'did-not-learn', reason: `val accuracy ${a}, no better than the majority-class baseline ${b}` };
  }
  if (acc >= threshold) {
    return { verdict: 'learned', reason: `val accuracy ${a}: at or above the threshold ${t} (baseline ${b})` };
  }
  return { verdict: 'weak', reason: `val accuracy ${a}: above the baseline ${b}, below the threshold ${t}` };
}

/**
 * Whether the reason only restates the final accuracy against the baseline or the threshold (a view that
 * already shows both numbers need not repeat it); a collapse or a divergence says more.
 */
export function restatesAccuracy(health: RunHealth): boolean {
  return health.verdict !== 'diverged' && /^val accuracy \d/.test(health.reason);
}

const RECORD_FIELDS: readonly [keyof EpochRecord, string][] = [
  ['loss', 'loss'],
  ['valLoss', 'val loss'],
  ['acc', 'accuracy'],
  ['valAcc', 'val accuracy'],
];

/** Why a run diverged, or null. A stored run holds only finite numbers; a failed run's message says the rest. */
function divergence(run: HealthRun): string | null {
  for (const record of run.history) {
    const bad = RECORD_FIELDS.find(([key]) => !Number.isFinite(record[key]));
    if (bad) return `${bad[1]} became ${String(record[bad[0]])} at epoch ${record.epoch}`;
  }
  const w = run.weights;
  if (w && ![w.embedding, w.kernel, w.recurrentKernel, [w.bias]].every((m) => m.every((r) => r.every(Number.isFinite))))
    return 'the weights hold NaN or infinite values';
  if (run.status === 'failed' && run.error && /diverged|not finite|\bnan\b/i.test(run.error)) {
    const epoch = run.history.length + 1;
    const finite = run.history.length
      ? ` (${run.history.length} finite epoch${run.history.length > 1 ? 's' : ''} before)`
      : '';
    return `the loss or the weights became NaN or infinite during epoch ${epoch}${finite}`;
  }
  return null;
}

function collapseReason(c: Collapse, run: HealthRun): string {
  const head = `predicts ${c.probability.toFixed(2)} for every input`;
  const { cell, rnnActivation } = run.config.model;
  if (c.allStatesZero) {
    const why = rnnActivation === 'relu' ? ' — a dead ReLU' : '';
    return `${head}: all hidden states are 0${why}`;
  }
  if (c.constantFinalState) return `${head}: the final hidden state h(T) is the same whatever the input`;
  return `${head}: the ${cell === 'simple' ? 'RNN' : cell.toUpperCase()}'s output no longer depends on the input`;
}

/**
 * An accuracy with two decimals, more (up to four) where two would print it equal to a different number it
 * is compared with: 0.995 against the threshold 0.99 reads "0.995", not "0.99" or "1.00".
 */
function fmt(x: number, ...others: number[]): string {
  let digits = 2;
  while (digits < 4 && others.some((o) => o !== x && o.toFixed(digits) === x.toFixed(digits))) digits++;
  // 0.99 stays "0.99" beside 0.988: extra digits only where they say something.
  return x.toFixed(digits).replace(/(\.\d\d\d*?)0+$/, '$1');
}
