import type { Run } from '../schemas/run.js';
import { digitScoreValues, topDigit } from './digit-scores.js';
import { topDigitPerGate, type GateTop } from './gate-scores.js';
import { formatScore } from './score-format.js';

/** What the caption under the digit scores says: the top digit, or each gate's top digit for a gated cell. */
export type TopDigitReading =
  | { kind: 'gates'; target: number; unitZero: boolean; gates: (GateTop & { hit: boolean })[] }
  | { kind: 'single'; target: number; digit: number; value: number; hit: boolean };

export function topDigitReading(run: Pick<Run, 'config' | 'digitScores'>): TopDigitReading | null {
  const scores = run.digitScores;
  if (!scores) return null;
  const target = run.config.task.targetDigit;
  const cell = run.config.model.cell;
  // A gated cell has a score per gate, and no one gate is "the" score: each gate's top digit (unit 0).
  if (cell !== 'simple') {
    const gates = topDigitPerGate(scores, cell).map((g) => ({ ...g, hit: g.digit === target }));
    if (gates.length) return { kind: 'gates', target, unitZero: run.config.model.rnnUnits > 1, gates };
  }
  const digit = topDigit(scores);
  if (digit < 0) return null;
  return { kind: 'single', target, digit, value: digitScoreValues(scores)[digit], hit: digit === target };
}

/** The reading as one sentence: "Highest score: digit 4 (+20.700) · the target stands out". */
export function topDigitSentence(reading: TopDigitReading): string {
  if (reading.kind === 'gates') {
    const gates = reading.gates.map((g) => `${g.key} → ${g.digit} (${formatScore(g.value)})`).join(', ');
    return `Highest score per gate${reading.unitZero ? ' (unit 0)' : ''}: ${gates}`;
  }
  const verdict = reading.hit ? 'the target stands out' : `target ${reading.target} is not on top`;
  return `Highest score: digit ${reading.digit} (${formatScore(reading.value)}) · ${verdict}`;
}
