import { describe, expect, it } from 'vitest';
import { taskAutomaton } from '../../../electron/engine/task-automaton.js';
import { labelOf } from '../../../shared/task-rule.js';
import { TASK_KINDS } from '../../../shared/tasks.js';

/** Every row of 1..maxLength digits from 0..vocab−1. */
function* rows(vocab: number, maxLength: number): Generator<number[]> {
  for (let length = 1; length <= maxLength; length++) {
    for (let n = 0; n < vocab ** length; n++) {
      yield Array.from({ length }, (_, t) => Math.floor(n / vocab ** t) % vocab);
    }
  }
}

describe("the tasks' automata", () => {
  it.each(TASK_KINDS)('%s: the automaton labels every row up to length 6 as the task rule does', (kind) => {
    for (const [targetDigit, otherDigit] of [
      [0, 1],
      [3, 2],
    ]) {
      const task = { kind, targetDigit, otherDigit, vocabularySize: 4 };
      const automaton = taskAutomaton(task);
      let disagreements = 0;
      for (const row of rows(4, 6)) {
        const end = row.reduce((s, d) => automaton.next(s, d), automaton.start);
        expect(end).toBeLessThan(automaton.states);
        if ((automaton.accepts(end) ? 1 : 0) !== labelOf(row, task)) disagreements++;
      }
      expect(disagreements, `${kind} target ${targetDigit} other ${otherDigit}`).toBe(0);
    }
  });
});
