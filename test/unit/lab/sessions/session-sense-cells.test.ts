import { describe, expect, it } from 'vitest';
import { makeSession, parseSession, serializeSession } from '../../../../electron/lab/sessions/session-file.js';
import { labelOf } from '../../../../shared/tasks.js';
import { runConfigSchema, type RunConfig, type RunConfigInput } from '../../../../shared/schemas/run-config.js';
import type { ReadoutWeights, Weights } from '../../../../shared/schemas/run-result.js';
import type { Run } from '../../../../shared/schemas/run.js';
import { emptyView, type Session } from '../../../../shared/schemas/session.js';
import { fakeResult, smallConfig } from '../fixtures/fake-result.js';

/**
 * The loader's shape and label rules for every cell, readout and task: kernel [E, G·H], recurrent
 * kernel [H, G·H], bias [G·H], the dense readout's kernel [H, 1] and bias [1] iff the readout is dense,
 * digit scores [V, G·H], snapshots alike; labels by each task's rule. Each message is one line naming
 * the path. Runs: 0 GRU (E 2, H 2: 6 columns), 1 LSTM (E 2, H 3: 12 columns), 2 one-unit SimpleRNN
 * with the activation readout, 3 SimpleRNN with 2 units and the dense readout.
 */
const NAME = 'cells.rnnlab';
const PREFIX = `${NAME} is not a valid session: `;

function config(model: Partial<RunConfig['model']>, task: Partial<RunConfig['task']> = {}): RunConfig {
  const base: RunConfigInput = smallConfig(0);
  return runConfigSchema.parse({ ...base, model: { ...base.model, ...model }, task: { ...base.task, ...task } });
}

const CONFIGS: RunConfig[] = [
  config({ cell: 'gru', embeddingDim: 2, rnnUnits: 2, rnnActivation: 'tanh', readout: 'dense' }, { kind: 'parity' }),
  config(
    { cell: 'lstm', embeddingDim: 2, rnnUnits: 3, rnnActivation: 'tanh', readout: 'dense' },
    { kind: 'order', targetDigit: 4, otherDigit: 7 },
  ),
  config({}, { kind: 'same-ends' }),
  config({ rnnUnits: 2, readout: 'dense', rnnActivation: 'tanh' }),
];
/** Inputs with both labels under every task above. */
const INPUTS = [
  [4, 7, 4],
  [7, 4, 7],
  [4, 4, 1],
  [1, 2, 3],
];

function base(): Session {
  const runs: Run[] = CONFIGS.map((c, i) => {
    const { status, ...result } = fakeResult(c);
    const predictions = INPUTS.map((input) => ({ input, label: labelOf(input, c.task), probability: 0.5 }));
    return { id: `r${i}`, name: `Run ${i}`, config: c, status, note: '', ...result, predictions };
  });
  return makeSession({ runs, view: { ...emptyView(), order: [], layout: 'columns', hiddenInOverlay: [] } });
}
const weightsOf = (doc: Session, run: number): Weights => doc.runs[run].weights ?? fail('a run without weights');
const readoutOf = (doc: Session, run: number): ReadoutWeights =>
  weightsOf(doc, run).readout ?? fail('a run without readout weights');
const snapshotOf = (doc: Session, run: number): Weights => doc.runs[run].snapshots[0].weights;
const scoresOf = (doc: Session, run: number): number[][] => doc.runs[run].digitScores ?? fail('no digit scores');
function fail(why: string): never {
  throw new Error(why);
}

function refusal(change: (doc: Session) => void): string {
  const doc = structuredClone(base());
  change(doc);
  try {
    parseSession(JSON.stringify(doc), NAME);
  } catch (err) {
    const message = (err as Error).message;
    expect(message).not.toMatch(/\n/);
    expect(message.startsWith(PREFIX)).toBe(true);
    return message.slice(PREFIX.length);
  }
  throw new Error('the session was accepted');
}

describe('weights shaped by the cell', () => {
  it('a GRU, an LSTM and both SimpleRNN readouts with the right shapes load and round-trip', () => {
    const session = parseSession(serializeSession(base()), NAME);
    expect(session.runs.map((r) => r.weights!.kernel[0].length)).toEqual([6, 12, 1, 2]);
    expect(session.runs.map((r) => r.weights!.readout?.kernel.length)).toEqual([2, 3, undefined, 2]);
    expect(parseSession(serializeSession(session), NAME)).toEqual(session);
  });

  it('a GRU kernel with H columns instead of 3·H is refused at its first row', () => {
    expect(
      refusal(
        (d) =>
          (weightsOf(d, 0).kernel = [
            [0, 0],
            [0, 0],
          ]),
      ),
    ).toBe('$.runs.0.weights.kernel.0: expected 6 values, found 2');
  });

  it("an LSTM's recurrent kernel has H rows of 4·H values, its bias 4·H values", () => {
    expect(refusal((d) => weightsOf(d, 1).recurrentKernel.pop())).toBe(
      '$.runs.1.weights.recurrentKernel: expected 3 rows, found 2',
    );
    expect(refusal((d) => weightsOf(d, 1).recurrentKernel[2].push(1))).toBe(
      '$.runs.1.weights.recurrentKernel.2: expected 12 values, found 13',
    );
    expect(refusal((d) => (weightsOf(d, 1).bias = weightsOf(d, 1).bias.slice(0, 3)))).toBe(
      '$.runs.1.weights.bias: expected 12 values, found 3',
    );
  });

  it("a snapshot's weights follow the same shapes", () => {
    expect(refusal((d) => snapshotOf(d, 1).kernel[1].pop())).toBe(
      '$.runs.1.snapshots.0.weights.kernel.1: expected 12 values, found 11',
    );
    expect(refusal((d) => delete snapshotOf(d, 0).readout)).toBe(
      '$.runs.0.snapshots.0.weights.readout: the dense readout needs its weights (kernel and bias)',
    );
  });

  it('digit scores have one column per gate and unit', () => {
    expect(refusal((d) => (d.runs[0].digitScores = scoresOf(d, 0).map((r) => r.slice(0, 2))))).toBe(
      '$.runs.0.digitScores.0: expected 6 values, found 2',
    );
  });

  it("the digit-score rule reads every gate's columns (a changed candidate score is refused)", () => {
    const message = refusal((d) => (scoresOf(d, 1)[3][9] += 0.5));
    expect(message).toMatch(
      /^\$\.runs\.1\.digitScores\.3\.9: .+ is not embedding·kernel \+ bias \(the weights give .+\)$/,
    );
  });
});

describe('the readout weights', () => {
  it('are present iff the readout is dense', () => {
    expect(refusal((d) => delete weightsOf(d, 3).readout)).toBe(
      '$.runs.3.weights.readout: the dense readout needs its weights (kernel and bias)',
    );
    expect(refusal((d) => (weightsOf(d, 2).readout = { kernel: [[1]], bias: [0] }))).toBe(
      '$.runs.2.weights.readout: the activation readout has no weights (only the dense readout has)',
    );
  });

  it('are shaped [H, 1] and [1]', () => {
    expect(refusal((d) => readoutOf(d, 1).kernel.pop())).toBe(
      '$.runs.1.weights.readout.kernel: expected 3 rows, found 2',
    );
    expect(refusal((d) => readoutOf(d, 1).kernel[0].push(2))).toBe(
      '$.runs.1.weights.readout.kernel.0: expected 1 values, found 2',
    );
    expect(refusal((d) => readoutOf(d, 3).bias.push(2))).toBe(
      '$.runs.3.weights.readout.bias: expected 1 values, found 2',
    );
  });
});

describe("labels by each task's rule", () => {
  it('parity: 1 iff the target digit occurs an odd number of times', () => {
    // [4, 4, 1] holds two 4s: 0 under parity (1 under contains).
    expect(refusal((d) => (d.runs[0].predictions[2].label = 1))).toBe(
      '$.runs.0.predictions.2.label: 1 contradicts the input (the parity task: 1 iff 4 occurs an odd number of times)',
    );
  });

  it('order: 1 iff some target digit comes before some other digit', () => {
    // [7, 4, 7]: the 4 comes before the last 7.
    expect(refusal((d) => (d.runs[1].predictions[1].label = 0))).toBe(
      '$.runs.1.predictions.1.label: 0 contradicts the input (the order task: 1 iff some 4 comes before some 7)',
    );
  });

  it('same-ends: 1 iff the first and the last digit are equal', () => {
    expect(refusal((d) => (d.runs[2].predictions[3].label = 1))).toBe(
      '$.runs.2.predictions.3.label: 1 contradicts the input (the same-ends task: 1 iff the first and the last digit are equal)',
    );
  });

  it('the base labels are what the rules say (checked here by hand, not by the rule itself)', () => {
    const labels = base().runs.map((r) => r.predictions.map((p) => p.label));
    expect(labels).toEqual([
      [0, 1, 0, 0], // parity of 4: [4,7,4] two, [7,4,7] one, [4,4,1] two, none
      [1, 1, 0, 0], // order 4 → 7: yes, yes, no 7, no 4
      [1, 1, 0, 0], // same ends
      [1, 1, 1, 0], // contains 4
    ]);
  });
});
