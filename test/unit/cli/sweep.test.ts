import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../../electron/cli/command.js';
import { runCli, type CommandRegistry } from '../../../electron/cli/run-cli.js';
import { buildRunWorker } from '../lab/fixtures/build-worker.js';
import { runInProcess } from './in-process.js';

/** Runs started in workers, counted where the pool posts them: what a resume trains, and nothing else. */
const counter = vi.hoisted(() => ({ starts: 0 }));
vi.mock('../../../electron/lab/workers/thread-worker-factory.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../electron/lab/workers/thread-worker-factory.js')>();
  const bundled = join(process.cwd(), '.tmp', `sweep-cli-${process.pid}`, 'run-worker.js');
  return {
    ...actual,
    threadWorkerFactory: () => {
      const factory = actual.threadWorkerFactory(bundled);
      return () => {
        const handle = factory();
        return {
          ...handle,
          post: (message: Parameters<typeof handle.post>[0]) => {
            if (message.type === 'start') counter.starts++;
            handle.post(message);
          },
        };
      };
    },
  };
});

const registry: CommandRegistry = { sweep: () => import('../../../electron/cli/commands/sweep.js') };
const TINY = ['--samples', '200', '--epochs', '1', '--batch', '16', '--parallel', '2'];

interface SavedRun {
  id: string;
  name: string;
  status: string;
  sweep?: { id: string; values: Record<string, unknown> };
  history: unknown[];
  batchLoss: unknown[];
  snapshots: unknown[];
  predictions: unknown[];
  weights?: unknown;
  trainSeconds?: number;
}
interface SavedSession {
  runs: SavedRun[];
  sweeps?: { id: string; name: string; state: string }[];
}

let dir: string;
const read = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as SavedSession;

beforeAll(async () => {
  await buildRunWorker(`sweep-cli-${process.pid}`);
  dir = await mkdtemp(join(tmpdir(), 'sweep-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(join(process.cwd(), '.tmp', `sweep-cli-${process.pid}`), { recursive: true, force: true });
});

describe('rnn-lab sweep', () => {
  const file = () => join(dir, 'grid.rnnlab');

  it('trains every combination × seed as light runs tagged with their values, and reports progress', async () => {
    counter.starts = 0;
    const args = ['sweep', '--embedding', '1,2', '--activation', 'linear,sigmoid', '--seeds', '0-1', ...TINY];
    const r = await runInProcess([...args, '--name', 'grid', '--out', file()], registry);
    expect(r.stderr).not.toMatch(/rnn-lab: /);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`saved 8 runs (8 done, 0 failed) to ${file()}\n`);
    expect(counter.starts).toBe(8);
    const saved = await read(file());
    expect(saved.sweeps).toHaveLength(1);
    expect(saved.sweeps![0]).toMatchObject({ name: 'grid', state: 'done' });
    const id = saved.sweeps![0].id;
    expect(saved.runs.map((run) => run.name)).toEqual([
      // Variant (the seed rule's activation) outermost, then the axes, then the seed.
      'E1 · linear · s0',
      'E1 · linear · s1',
      'E2 · linear · s0',
      'E2 · linear · s1',
      'E1 · sigmoid · s0',
      'E1 · sigmoid · s1',
      'E2 · sigmoid · s0',
      'E2 · sigmoid · s1',
    ]);
    for (const run of saved.runs) {
      expect(run.status).toBe('done');
      expect(run.sweep?.id).toBe(id);
      // Light: history and final weights, none of the optional series.
      expect([run.history.length, run.batchLoss, run.snapshots, run.predictions]).toEqual([1, [], [], []]);
      expect(run.weights).toBeDefined();
    }
    // The seed rule travels with the activation: a sigmoid SimpleRNN is its own output.
    expect(saved.runs[4].sweep!.values).toMatchObject({
      'model.embeddingDim': 1,
      'model.rnnActivation': 'sigmoid',
      'model.outputActivation': 'none',
      'training.seed': 0,
    });
    // Piped stderr: plain progress lines, the last one complete.
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe('sweep "grid": 8 runs, 2 at a time');
    for (const line of lines.slice(1))
      expect(line).toMatch(
        /^grid: \d+\/8 done, \d+ failed, \d+ training · [\d.]+ runs\/s · ETA (\S+ s|—|\d+ min \d+ s)/,
      );
    expect(lines.at(-1)).toMatch(/^grid: 8\/8 done, 0 failed, 0 training .*\(done\)$/);
  });

  it('--resume trains only the runs a cut-short file has not finished, and leaves the finished ones as they were', async () => {
    const full = await read(file());
    // A sweep killed half-way: its state still running, four runs never trained.
    const cut = structuredClone(full) as SavedSession & { sweeps: { state: string }[] };
    cut.sweeps[0].state = 'running';
    const untrained = cut.runs.slice(4).map((run) => ({
      id: run.id,
      name: run.name,
      config: (run as unknown as { config: unknown }).config,
      note: '',
      status: 'idle',
      history: [],
      batchLoss: [],
      predictions: [],
      snapshots: [],
      sweep: run.sweep,
    }));
    cut.runs = [...cut.runs.slice(0, 4), ...(untrained as unknown as SavedRun[])];
    const cutFile = join(dir, 'cut.rnnlab');
    await writeFile(cutFile, JSON.stringify(cut));
    counter.starts = 0;
    const r = await runInProcess(['sweep', '--resume', cutFile, '--parallel', '2'], registry);
    expect(r.stderr).not.toMatch(/rnn-lab: /);
    expect(r.code).toBe(0);
    expect(counter.starts).toBe(4);
    expect(r.stderr).toMatch(/^resuming "grid": 4 of 8 runs left to train\n/);
    const resumed = await read(cutFile);
    expect(resumed.sweeps![0].state).toBe('done');
    expect(resumed.runs.map((run) => run.status)).toEqual(Array(8).fill('done'));
    // Finished runs are never retrained: their numbers are the file's, to the last digit.
    for (const i of [0, 1, 2, 3]) {
      expect(resumed.runs[i].trainSeconds).toBe(full.runs[i].trainSeconds);
      expect(resumed.runs[i].weights).toEqual(full.runs[i].weights);
    }
    // The retrained runs are the same deterministic training: the same weights as the first time.
    expect(resumed.runs[6].weights).toEqual(full.runs[6].weights);
    const again = await runInProcess(['sweep', '--resume', cutFile], registry);
    expect([again.code, again.stdout]).toEqual([0, `nothing to resume: every sweep in ${cutFile} is done\n`]);
  });

  it('Ctrl+C stops starting runs, saves, exits 130 with the resume line; --resume then trains only the rest', async () => {
    const stopped = join(dir, 'stopped.rnnlab');
    let stderr = '';
    let interrupt: (() => void) | null = null;
    const io: CliIo = {
      out: () => undefined,
      // The first progress line with a finished run is where the user presses Ctrl+C.
      err: (text) => {
        stderr += text;
        if (/^stop: [1-9]\d*\/8 done/m.test(stderr) && interrupt) {
          const press = interrupt;
          interrupt = null;
          press();
        }
      },
      errIsTTY: false,
      columns: 80,
      onInterrupt: (handler) => {
        interrupt = handler;
        return () => void (interrupt = null);
      },
    };
    counter.starts = 0;
    const args = ['sweep', '--embedding', '1,2', '--seeds', '0-3', ...TINY, '--parallel', '1'];
    const code = await runCli([...args, '--name', 'stop', '--out', stopped], io, registry);
    expect(code).toBe(130);
    expect(stderr.trimEnd().split('\n').at(-1)).toBe(
      `rnn-lab: the sweep was stopped; resume with: rnn-lab sweep --resume ${stopped}`,
    );
    const saved = await read(stopped);
    expect(saved.sweeps?.[0]?.state).toBe('paused');
    const done = saved.runs.filter((run) => run.status === 'done').length;
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(8);
    expect(saved.runs.filter((run) => run.status === 'training' || run.status === 'queued')).toEqual([]);
    // Every run started was finished or cancelled by the stop (at most the one training); none started after it.
    const cancelled = saved.runs.filter((run) => run.status === 'cancelled').length;
    expect(cancelled).toBeLessThanOrEqual(1);
    expect(saved.runs.filter((run) => run.status === 'idle')).toHaveLength(8 - done - cancelled);
    expect(counter.starts).toBe(done + cancelled);

    counter.starts = 0;
    const resumed = await runInProcess(['sweep', '--resume', stopped], registry);
    expect(resumed.code).toBe(0);
    expect(counter.starts).toBe(8 - done);
    expect((await read(stopped)).runs.map((run) => run.status)).toEqual(Array(8).fill('done'));
  });

  it.each([
    [['--embedding', '0', '--out', 'x.rnnlab'], /^rnn-lab: --embedding: /],
    [['--embedding', '1', '--keep', 'weights', '--out', 'x.rnnlab'], /^rnn-lab: --keep: "weights" is not one of/],
    [['--preset', 'nope', '--out', 'x.rnnlab'], /^rnn-lab: --preset: unknown sweep preset "nope"/],
    [['--preset', 'seed-variance', '--embedding', '1', '--out', 'x.rnnlab'], /^rnn-lab: --preset cannot be combined/],
    [['--embedding', '1,2'], /^rnn-lab: sweep needs --out FILE/],
    [
      ['--engine', 'fused,reference', '--embedding', '1', '--out', 'x.rnnlab'],
      /^rnn-lab: --engine: a sweep cannot vary/,
    ],
    [['--resume', 'missing.rnnlab'], /^rnn-lab: --resume: missing.rnnlab does not exist/],
    [['--resume', 'x.rnnlab', '--embedding', '1'], /^rnn-lab: --resume continues the file's own sweep: --embedding/],
    [['--embedding', '1', '--seeds', '3-1', '--out', 'x.rnnlab'], /^rnn-lab: --seeds: /],
  ])('bad input %j: one line, exit 2', async (args, message) => {
    counter.starts = 0;
    const r = await runInProcess(['sweep', ...args], registry);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(counter.starts).toBe(0);
  });
});
