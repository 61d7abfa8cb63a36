import type { TaskConfig } from '../../shared/schemas/run-config.js';

/**
 * Each task's label rule as a finite automaton over the digits: reading a row from `start`, the row's
 * label is 1 iff the state reached accepts. Balanced sampling counts completions per state with it, which
 * a rule written as a function over the whole row cannot do. A test checks it against `labelOf` on every
 * short row, so the rule in shared/tasks.ts stays the one definition.
 */
export interface TaskAutomaton {
  readonly states: number;
  readonly start: number;
  next(state: number, digit: number): number;
  accepts(state: number): boolean;
}

type AutomatonTask = Pick<TaskConfig, 'kind' | 'targetDigit' | 'otherDigit' | 'vocabularySize'>;

/** contains: 0 = no target yet, 1 = seen (absorbing). */
function containsAutomaton(target: number): TaskAutomaton {
  return { states: 2, start: 0, next: (s, d) => (s === 1 || d === target ? 1 : 0), accepts: (s) => s === 1 };
}

/** parity: the count of the target digit so far, mod 2. */
function parityAutomaton(target: number): TaskAutomaton {
  return { states: 2, start: 0, next: (s, d) => (d === target ? 1 - s : s), accepts: (s) => s === 1 };
}

/** order: 0 = no target yet, 1 = a target seen, 2 = an other digit after a target (absorbing). */
function orderAutomaton(target: number, other: number): TaskAutomaton {
  const next = (s: number, d: number) => {
    if (s === 2 || (s === 1 && d === other)) return 2;
    return s === 1 || d === target ? 1 : 0;
  };
  return { states: 3, start: 0, next, accepts: (s) => s === 2 };
}

/** same-ends: 0 = nothing read; then 1 + 2·first + (last === first ? 1 : 0). */
function sameEndsAutomaton(vocabularySize: number): TaskAutomaton {
  const next = (s: number, d: number) => {
    if (s === 0) return 2 + 2 * d;
    const first = (s - 1) >> 1;
    return 1 + 2 * first + (d === first ? 1 : 0);
  };
  return { states: 1 + 2 * vocabularySize, start: 0, next, accepts: (s) => s > 0 && (s - 1) % 2 === 1 };
}

export function taskAutomaton(task: AutomatonTask): TaskAutomaton {
  switch (task.kind) {
    case 'contains':
      return containsAutomaton(task.targetDigit);
    case 'parity':
      return parityAutomaton(task.targetDigit);
    case 'order':
      return orderAutomaton(task.targetDigit, task.otherDigit);
    case 'same-ends':
      return sameEndsAutomaton(task.vocabularySize);
  }
}
