import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CommandRegistry } from '../../../electron/cli/run-cli.js';
import { showOutputSchema, type ShowOutput } from '../../../shared/schemas/session-export.js';
import { buildRunWorker } from '../lab/fixtures/build-worker.js';
import { runInProcess } from './in-process.js';

/**
 * "Anyone can recompute a prediction from a session file": small runs of every cell, activation,
 * readout and task are trained through `rnn-lab train` (the real engine, in worker threads), read back
 * through `rnn-lab show --json`, and every stored probability is recomputed from the stored weights by
 * the plain implementation below, written from docs/session-format.md alone (no import of the engine or
 * of shared/analysis), to 1e-5; every label by a plain implementation of each task's rule. The
 * document's own code block is run on the same runs too, so the published code is the tested code.
 */
const WORKER_FOLDER = `recompute-${process.pid}`;
vi.mock('../../../electron/lab/workers/thread-worker-factory.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../electron/lab/workers/thread-worker-factory.js')>();
  // The train command starts workers from the bundle next to it; from source, from a private bundle of the same entry.
  const bundled = join(process.cwd(), '.tmp', `recompute-${process.pid}`, 'run-worker.js');
  return { ...actual, threadWorkerFactory: () => actual.threadWorkerFactory(bundled) };
});

const registry: CommandRegistry = {
  train: () => import('../../../electron/cli/commands/train.js'),
  show: () => import('../../../electron/cli/commands/show.js'),
};
const COMMON = ['--samples', '200', '--epochs', '1', '--batch', '16', '--parallel', '1'];
/** One `train` per task (the task is one value per command); between them every cell, activation and readout. */
const TRAININGS: Record<string, string[]> = {
  contains: ['--task', 'contains', '--embedding', '3', '--activation', 'linear,sigmoid,tanh,relu', '--length', '4'],
  parity: ['--task', 'parity', '--cell', 'gru,lstm', '--embedding', '2', '--units', '2', '--length', '5'],
  order: [
    ['--task', 'order', '--target', '2', '--other', '5', '--cell', 'simple,lstm', '--embedding', '2'],
    ['--units', '3', '--activation', 'relu', '--readout', 'dense', '--length', '6', '--engine', 'reference'],
  ].flat(),
  'same-ends': [
    ['--task', 'same-ends', '--cell', 'simple,gru', '--embedding', '2', '--activation', 'sigmoid,linear'],
    ['--length', '3', '--vocab', '4', '--target', '1', '--balanced'],
  ].flat(),
};

type ShowRun = ShowOutput['runs'][number];
let dir: string;
const runs: ShowRun[] = [];

beforeAll(async () => {
  await buildRunWorker(WORKER_FOLDER);
  dir = await mkdtemp(join(tmpdir(), 'recompute-'));
  for (const [task, flags] of Object.entries(TRAININGS)) {
    const file = join(dir, `${task}.rnnlab`);
    const trained = await runInProcess(['train', ...flags, ...COMMON, '--out', file], registry);
    if (trained.code !== 0) throw new Error(`train --task ${task} failed: ${trained.stderr}`);
    const shown = await runInProcess(['show', file, '--json'], registry);
    expect([shown.code, shown.stderr]).toEqual([0, '']);
    runs.push(...showOutputSchema.parse(JSON.parse(shown.stdout)).runs);
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(join(process.cwd(), '.tmp', WORKER_FOLDER), { recursive: true, force: true });
});

// ---- The equations, as docs/session-format.md states them (plain numbers, float64). ----

type Vec = number[];
const logistic = (x: number): number => 1 / (1 + Math.exp(-x));
const ACTIVATION: Record<string, (x: number) => number> = {
  linear: (x) => x,
  sigmoid: logistic,
  tanh: Math.tanh,
  relu: (x) => (x > 0 ? x : 0),
};
/** Σ_i v[i]·M[i][from + j] for j < H: the product with one gate's block of columns. */
function block(v: Vec, m: number[][], from: number, H: number): Vec {
  const out = new Array<number>(H).fill(0);
  for (let i = 0; i < v.length; i++) for (let j = 0; j < H; j++) out[j] += v[i] * m[i][from + j];
  return out;
}

/** Gate g's pre-activation from the input x and a state s: x·W_g + s·U_g + b_g. */
function preActivation(run: ShowRun, x: Vec, s: Vec, g: number): Vec {
  const w = run.weights!;
  const H = run.config.model.rnnUnits;
  const fromX = block(x, w.kernel, g * H, H);
  const fromS = block(s, w.recurrentKernel, g * H, H);
  return fromX.map((v, j) => v + fromS[j] + w.bias[g * H + j]);
}

function recompute(run: ShowRun, input: number[]): number {
  const { cell, rnnUnits: H, rnnActivation, readout, outputActivation } = run.config.model;
  const act = ACTIVATION[rnnActivation];
  let h: Vec = new Array<number>(H).fill(0);
  let c: Vec = new Array<number>(H).fill(0);
  for (const digit of input) {
    const x = run.weights!.embedding[digit];
    if (cell === 'simple') {
      h = preActivation(run, x, h, 0).map(act);
    } else if (cell === 'gru') {
      const z = preActivation(run, x, h, 0).map(logistic);
      const r = preActivation(run, x, h, 1).map(logistic);
      const candidate = preActivation(
        run,
        x,
        h.map((v, j) => r[j] * v),
        2,
      ).map(act);
      h = h.map((v, j) => z[j] * v + (1 - z[j]) * candidate[j]);
    } else {
      const [i, f, g, o] = [0, 1, 2, 3].map((k) => preActivation(run, x, h, k));
      c = c.map((v, j) => logistic(f[j]) * v + logistic(i[j]) * act(g[j]));
      h = c.map((v, j) => logistic(o[j]) * act(v));
    }
  }
  if (readout === 'dense') {
    const dense = run.weights!.readout!;
    let logit = dense.bias[0];
    for (let j = 0; j < H; j++) logit += h[j] * dense.kernel[j][0];
    return logistic(logit);
  }
  return outputActivation === 'sigmoid' ? logistic(h[0]) : h[0];
}

/** Each task's rule, as the document words it. */
function expectedLabel(task: ShowRun['config']['task'], input: number[]): 0 | 1 {
  const targets = input.filter((d) => d === task.targetDigit).length;
  switch (task.kind) {
    case 'contains':
      return targets > 0 ? 1 : 0;
    case 'parity':
      return targets % 2 === 1 ? 1 : 0;
    case 'order':
      return input.some((d, i) => d === task.targetDigit && input.slice(i + 1).includes(task.otherDigit)) ? 1 : 0;
    case 'same-ends':
      return input[0] === input[input.length - 1] ? 1 : 0;
  }
}

interface PublishedCode {
  predict: (run: unknown, input: number[]) => number;
  label: (run: unknown, input: number[]) => number;
}

/** The ```js block of the document's "Recompute a prediction" section: its predict and label functions. */
function documentCode(): PublishedCode {
  const doc = readFileSync(join(process.cwd(), 'docs', 'session-format.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Recompute a prediction'));
  const code = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error('docs/session-format.md has no js block under "Recompute a prediction"');
  // Run as published, in a context of its own: a typo in the document fails here.
  return runInNewContext(`${code}\n({ predict, label });`, { Math }) as PublishedCode;
}

describe('every prediction recomputed from show --json', () => {
  it('the runs cover every cell, SimpleRNN activation, readout and task', () => {
    const kinds = runs.map((r) => {
      const { cell, rnnActivation, readout, outputActivation, rnnUnits } = r.config.model;
      return `${r.config.task.kind} ${cell} ${rnnActivation} ${readout}${readout === 'activation' ? `/${outputActivation}` : ''} ${rnnUnits}`;
    });
    expect(kinds).toEqual([
      'contains simple linear activation/sigmoid 1',
      'contains simple sigmoid activation/none 1',
      'contains simple tanh activation/sigmoid 1',
      'contains simple relu activation/sigmoid 1',
      'parity gru tanh dense 2',
      'parity lstm tanh dense 2',
      'order simple relu dense 3',
      'order lstm relu dense 3',
      'same-ends simple sigmoid activation/none 1',
      'same-ends simple linear activation/sigmoid 1',
      'same-ends gru sigmoid dense 1',
      'same-ends gru linear dense 1',
    ]);
    for (const run of runs) {
      expect(run.status).toBe('done');
      expect(run.predictions.length).toBeGreaterThan(0);
      expect(run.weights?.readout !== undefined).toBe(run.config.model.readout === 'dense');
    }
  });

  it('every probability equals the equations on the stored weights (to 1e-5)', () => {
    let worst = 0;
    for (const run of runs) {
      for (const p of run.predictions) {
        const diff = Math.abs(recompute(run, p.input) - p.probability);
        worst = Math.max(worst, diff);
        expect(diff, `${run.name} ${p.input.join(',')}`).toBeLessThan(1e-5);
      }
    }
    // Not vacuous: the probabilities are the models' own, not a constant.
    const all = runs.flatMap((r) => r.predictions.map((p) => p.probability));
    expect(new Set(all.map((p) => p.toFixed(4))).size).toBeGreaterThan(runs.length);
    expect(worst).toBeLessThan(1e-5);
  });

  it("every label is its task's rule on its input, and both labels occur", () => {
    for (const run of runs)
      for (const p of run.predictions)
        expect(p.label, `${run.name} ${p.input.join(',')}`).toBe(expectedLabel(run.config.task, p.input));
    expect(new Set(runs.flatMap((r) => r.predictions.map((p) => p.label)))).toEqual(new Set([0, 1]));
  });

  it("the document's own code gives the same probabilities and labels", () => {
    const published = documentCode();
    for (const run of runs) {
      for (const p of run.predictions) {
        expect(Math.abs(published.predict(run, p.input) - p.probability)).toBeLessThan(1e-5);
        expect(published.label(run, p.input)).toBe(p.label);
      }
    }
  });
});
