/**
 * The tasks, each defined once: its label rule, what it asks, and which digits it reads.
 * The engine's data set, the session loader's label check and the analyses all label rows here.
 */
export const TASK_KINDS = ['contains', 'parity', 'order', 'same-ends'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** The task fields a label depends on. */
export interface TaskLabelConfig {
  kind: TaskKind;
  targetDigit: number;
  otherDigit: number;
}

export interface TaskDefinition {
  label: string;
  /** One sentence: when is a row labelled 1. */
  describe: (task: TaskLabelConfig) => string;
  /** The config digits this task reads. */
  digits: readonly ('targetDigit' | 'otherDigit')[];
  rule: (input: ArrayLike<number>, task: TaskLabelConfig) => 0 | 1;
}

function countOf(input: ArrayLike<number>, digit: number): number {
  let n = 0;
  for (let t = 0; t < input.length; t++) if (input[t] === digit) n++;
  return n;
}

export const TASKS: Readonly<Record<TaskKind, TaskDefinition>> = {
  contains: {
    label: 'contains',
    describe: (t) => `1 iff the sequence contains a ${t.targetDigit}`,
    digits: ['targetDigit'],
    rule: (input, t) => (countOf(input, t.targetDigit) > 0 ? 1 : 0),
  },
  parity: {
    label: 'parity',
    describe: (t) => `1 iff ${t.targetDigit} occurs an odd number of times`,
    digits: ['targetDigit'],
    rule: (input, t) => (countOf(input, t.targetDigit) % 2 === 1 ? 1 : 0),
  },
  order: {
    label: 'order',
    describe: (t) => `1 iff some ${t.targetDigit} comes before some ${t.otherDigit}`,
    digits: ['targetDigit', 'otherDigit'],
    rule: (input, t) => {
      let seenTarget = false;
      for (let i = 0; i < input.length; i++) {
        if (seenTarget && input[i] === t.otherDigit) return 1;
        if (input[i] === t.targetDigit) seenTarget = true;
      }
      return 0;
    },
  },
  'same-ends': {
    label: 'same ends',
    describe: () => '1 iff the first and the last digit are equal',
    digits: [],
    rule: (input) => (input.length > 0 && input[0] === input[input.length - 1] ? 1 : 0),
  },
};

/** A row's label under its task. */
export function labelOf(input: ArrayLike<number>, task: TaskLabelConfig): 0 | 1 {
  return TASKS[task.kind].rule(input, task);
}
