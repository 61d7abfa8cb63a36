import type { TaskConfig } from '../../shared/schemas/run-config.js';
import { shuffledIndices } from '../../shared/rng.js';
import { labelOf } from '../../shared/task-rule.js';
import { taskAutomaton, type TaskAutomaton } from './task-automaton.js';

/**
 * Balanced rows, drawn exactly: row i gets the label `labels[i]` and is uniform among all rows of that
 * label, however rare the label is (no rejection loop). The automaton's completion probabilities say,
 * at every step, how likely each next digit leads to a row of the wanted label; drawing by them is
 * drawing the whole row uniformly from its class.
 */

interface Move {
  next: number;
  digits: readonly number[];
}

/** For every state, the digits grouped by the state they lead to (contains: the target and the other 9). */
function movesOf(automaton: TaskAutomaton, vocabularySize: number): Move[][] {
  return Array.from({ length: automaton.states }, (_, s) => {
    const byNext = new Map<number, number[]>();
    for (let d = 0; d < vocabularySize; d++) {
      const next = automaton.next(s, d);
      byNext.set(next, [...(byNext.get(next) ?? []), d]);
    }
    return [...byNext].map(([next, digits]) => ({ next, digits }));
  });
}

/**
 * `table[r·states + s]`: the share of the V^r ways to go on for r more digits from state s that end with
 * label `label`. Each class gets its own table, so a share near 1 does not wipe out the other's near 0.
 */
function completionShares(automaton: TaskAutomaton, moves: Move[][], length: number, label: 0 | 1): Float64Array {
  const S = automaton.states;
  const table = new Float64Array((length + 1) * S);
  for (let s = 0; s < S; s++) table[s] = automaton.accepts(s) === (label === 1) ? 1 : 0;
  const digitsTotal = moves[0].reduce((n, m) => n + m.digits.length, 0);
  for (let r = 1; r <= length; r++) {
    for (let s = 0; s < S; s++) {
      let sum = 0;
      for (const m of moves[s]) sum += m.digits.length * table[(r - 1) * S + m.next];
      table[r * S + s] = sum / digitsTotal;
    }
  }
  return table;
}

/** Fills `out` with one row of the table's label, uniform within the label. */
function drawRow(
  automaton: TaskAutomaton,
  moves: Move[][],
  table: Float64Array,
  out: Int32Array,
  random: () => number,
) {
  const S = automaton.states;
  let state = automaton.start;
  for (let t = 0; t < out.length; t++) {
    const rest = (out.length - 1 - t) * S;
    const options = moves[state];
    let total = 0;
    for (const m of options) total += m.digits.length * table[rest + m.next];
    let u = random() * total;
    // The last move with any weight, should rounding leave u a hair above the running sum.
    let pick = options.findLast((m) => table[rest + m.next] > 0) ?? options[0];
    for (const m of options) {
      u -= m.digits.length * table[rest + m.next];
      if (u < 0) {
        pick = m;
        break;
      }
    }
    out[t] = pick.digits[Math.floor(random() * pick.digits.length)];
    state = pick.next;
  }
}

/** The labels of a balanced set: ⌈n/2⌉ ones and ⌊n/2⌋ zeros, in an order shuffled by `random`. */
export function balancedLabels(samples: number, random: () => number): Uint8Array {
  const positives = Math.ceil(samples / 2);
  const order = shuffledIndices(new Int32Array(samples), random);
  return Uint8Array.from(order, (k) => (k < positives ? 1 : 0));
}

/** Fills `xs` (row-major, `labels.length` rows) with rows uniform within each row's label. */
export function fillBalancedRows(task: TaskConfig, labels: Uint8Array, xs: Int32Array, random: () => number): void {
  const { sequenceLength: L, vocabularySize: V } = task;
  const automaton = taskAutomaton(task);
  const moves = movesOf(automaton, V);
  const tables = ([0, 1] as const).map((label) => completionShares(automaton, moves, L, label));
  for (const label of [0, 1] as const) {
    if (labels.includes(label) && tables[label][L * automaton.states + automaton.start] === 0) {
      const side = label === 1 ? 'positive' : 'negative';
      throw new Error(`balanced data: no ${task.kind} row of length ${L} over vocabulary ${V} is ${side}`);
    }
  }
  for (let i = 0; i < labels.length; i++) {
    const row = xs.subarray(i * L, (i + 1) * L);
    drawRow(automaton, moves, tables[labels[i]], row, random);
    // The automaton and the task's rule must agree; a mismatch is a bug here, not bad input.
    if (labelOf(row, task) !== labels[i]) throw new Error(`balanced data: the ${task.kind} automaton disagrees`);
  }
}
