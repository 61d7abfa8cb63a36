import { emptyView } from '../../../shared/schemas/session.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarizeModel } from '../../../electron/engine/summary.js';
import { makeSession, serializeSession } from '../../../electron/lab/sessions/session-file.js';
import { digitScoresOf, predict, trace, type AnalysisModel } from '../../../shared/analysis/index.js';
import { labelOf } from '../../../shared/task-rule.js';
import { runSchema, type Run } from '../../../shared/schemas/run.js';
import { cli } from './cli-helpers.js';
import { randomModel } from './random-model.js';

/** A trained-looking run of any model: its digit scores and predictions by the analyses' forward pass. */
function runOf(m: AnalysisModel, id: string): Run {
  const T = m.task.sequenceLength;
  const inputs = [0, 1, 2].map((k) => Array.from({ length: T }, (_, t) => (k + t) % m.task.vocabularySize));
  const config = {
    task: m.task,
    model: m.model,
    training: { optimizer: 'adam', learningRate: 0.01, batchSize: 8, epochs: 1, seed: 1 },
  } as const;
  const base = runSchema.parse({ id, name: m.name, config, status: 'done' });
  return runSchema.parse({
    ...base,
    backend: { name: 'cpu', reason: 'test fixture' },
    history: [{ epoch: 1, loss: 0.5, acc: 0.7, valLoss: 0.45, valAcc: 0.75 }],
    summary: summarizeModel(base.config),
    weights: m.weights,
    digitScores: digitScoresOf(m.weights),
    predictions: inputs.map((input) => ({ input, label: labelOf(input, m.task), probability: predict(m, input) })),
    trainSeconds: 0.5,
  });
}

const gru = { ...randomModel({ vocab: 5, e: 3, units: 2, act: 'tanh', cell: 'gru', seq: 4, seed: 3 }), name: 'gru' };
const lstm = { ...randomModel({ vocab: 5, e: 3, units: 2, act: 'tanh', cell: 'lstm', seq: 4, seed: 4 }), name: 'lstm' };
// 3^11 = 177,147 inputs: above the limit, so a sample.
const long = {
  ...randomModel({ vocab: 3, e: 1, units: 1, act: 'tanh', seq: 11, seed: 5, task: { kind: 'order', otherDigit: 2 } }),
  name: 'long',
};
const dir = mkdtempSync(join(tmpdir(), 'rnn-lab-gated-'));
const file = join(dir, 'gated.rnnlab');
writeFileSync(
  file,
  serializeSession(
    makeSession({
      runs: [runOf(gru, 'g'), runOf(lstm, 'l'), runOf(long, 'o')],
      view: { ...emptyView(), order: ['g', 'l', 'o'], layout: 'columns', hiddenInOverlay: [] },
    }),
  ),
);

describe('rnn-lab trace / exhaustive / lengths on gated cells and other tasks', () => {
  it("trace of an LSTM prints a row per gate, the cell state and h, then the last step's equations", async () => {
    const r = await cli(['trace', file, '--run', 'lstm', '--sequence', '1,4,0,3']);
    expect(r.code, r.err).toBe(0);
    const t = trace(lstm, [1, 4, 0, 3]);
    const row = (label: string) => r.out.split('\n').find((l) => l.trimStart().startsWith(label))!;
    expect(r.out).toContain('lstm (LSTM): trace of 1,4,0,3 (unit 0 of 2)');
    for (const [label, values] of [
      ['i (input gate)', t.steps.map((s) => s.gates.i[0])],
      ['f (forget gate)', t.steps.map((s) => s.gates.f[0])],
      ['c (cell candidate)', t.steps.map((s) => s.gates.c[0])],
      ['o (output gate)', t.steps.map((s) => s.gates.o[0])],
      ['c(t) (cell state)', t.steps.map((s) => s.c![0])],
      ['h(t)', t.steps.map((s) => s.h[0])],
    ] as const) {
      const cells = row(label)
        .slice(label.length + 2)
        .trim()
        .split(/\s+/)
        .map(Number);
      cells.forEach((v, i) => expect(v).toBeCloseTo(values[i], 4));
    }
    expect(r.out).toContain(`  step 4 in full:\n${t.steps[3].equation.replace(/^/gm, '    ')}`);
    expect(r.out).toContain(`final probability ${t.probability.toFixed(6)}`);
  });

  it('trace --json of a GRU holds the gates z, r, h per step and the logit', async () => {
    const r = await cli(['trace', file, '--run', 'gru', '--sequence', '2,2,4,1', '--json']);
    expect(r.code, r.err).toBe(0);
    const got = JSON.parse(r.out) as ReturnType<typeof trace>;
    const want = trace(gru, [2, 2, 4, 1]);
    expect(got.gateKeys).toEqual(['z', 'r', 'h']);
    expect(got.logit).toBeCloseTo(want.logit, 12);
    expect(got.steps[2].gates.r).toEqual(want.steps[2].gates.r);
    expect(got.steps[2].equation).toBe(want.steps[2].equation);
  });

  it('exhaustive says when it evaluated a sample, and of how many inputs', async () => {
    const r = await cli(['exhaustive', file, '--run', 'long']);
    expect(r.code, r.err).toBe(0);
    expect(r.out.split('\n')[0]).toBe('long: a uniform sample of 100,000 of 177,147 inputs');
    const exact = await cli(['exhaustive', file, '--run', 'gru', '--json']);
    expect(JSON.parse(exact.out)).toMatchObject({ sampled: false, population: 625, total: 625 });
  });

  it('lengths prints n/a where the task has no sequence of one label (order at length 1)', async () => {
    const r = await cli(['lengths', file, '--run', 'long', '--max', '3', '--per-length', '20']);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toContain('half labelled 1, half 0, by the task');
    expect(lines.find((l) => /^\s+1\s/.test(l))).toMatch(/^\s+1\s+n\/a$/);
    expect(lines.find((l) => /^\s+2\s/.test(l))).toMatch(/^\s+2\s+\d+ \(\d+\/\d+\)$/);
  });
});
