import { execFile, execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { showOutputSchema, type ShowOutput } from '../../../shared/schemas/session-export.js';
import { SESSION_VERSION } from '../../../shared/schemas/session.js';

/** The built CLI, run as users run it: `node out/node/cli.js …`. */
const CLI = join(process.cwd(), 'out', 'node', 'cli.js');
let dir: string;
let seedFile: string;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}
function cli(args: string[], cli = CLI, nodeArgs: string[] = []): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...nodeArgs, cli, ...args],
      { cwd: dir, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build-node.mjs'], { stdio: 'inherit' });
  dir = await mkdtemp(join(tmpdir(), 'rnn-lab-cli-'));
  seedFile = join(dir, 'seed.rnnlab');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('rnn-lab train / show / validate', () => {
  let show: ShowOutput;

  it('trains the seed preset in worker threads and saves a session (exit 0)', async () => {
    const r = await cli(['train', '--preset', 'seed', '--samples', '2000', '--out', 'seed.rnnlab']);
    expect(r.stderr).not.toMatch(/rnn-lab: /);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('saved 4 runs to seed.rnnlab\n');
    // Not a TTY: plain lines, no cursor movement.
    expect(r.stderr).toContain('Embedding 1 · sigmoid RNN: epoch 4/4');
    expect(r.stderr).toMatch(/^backend: (cpu|tensorflow) \(.+\)$/m);
    expect(r.stderr).not.toContain('\x1b[');
  });

  it('show --json prints exactly one object matching the contract', async () => {
    const r = await cli(['show', 'seed.rnnlab', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    show = showOutputSchema.parse(JSON.parse(r.stdout));
    expect(show.format).toBe('rnn-lab-session');
    expect(show.runs.map((run) => run.name)).toEqual([
      'Embedding 10 · linear',
      'Embedding 4 · linear',
      'Embedding 1 · linear',
      'Embedding 1 · sigmoid RNN',
    ]);
    expect(show.runs.map((run) => run.summary?.totalParams)).toEqual([112, 46, 13, 13]);
    for (const run of show.runs) {
      expect(run.status).toBe('done');
      expect(run.backend).toMatch(/^(cpu|tensorflow)$/);
      expect(run.history).toHaveLength(4);
      expect(run.predictions).toHaveLength(10);
      expect(run.digitScores).toHaveLength(10);
      expect(run.config.task.samples).toBe(2000);
    }
    expect(show.runs[3].config.model).toEqual({
      cell: 'simple',
      embeddingDim: 1,
      rnnUnits: 1,
      rnnActivation: 'sigmoid',
      readout: 'activation',
      outputActivation: 'none',
    });
    expect(show.runs.map((run) => run.config.task.kind)).toEqual(Array(4).fill('contains'));
    // The activation readout has no weights of its own: `readout` appears with the dense readout only.
    expect(show.runs.map((run) => run.weights?.readout)).toEqual(Array(4).fill(undefined));
  });

  it('show prints the seed-style report', async () => {
    const r = await cli(['show', 'seed.rnnlab']);
    expect(r.code).toBe(0);
    for (const heading of [
      'Summary',
      'Layer (type)',
      'Total params: 112',
      'History',
      'Embedding (10 × 10)',
      'U (recurrent kernel)',
      'Digit scores (Emb · W + b)',
      '← target',
      'Predictions',
    ]) {
      expect(r.stdout).toContain(heading);
    }
    const weight = show.runs[3].weights!.recurrentKernel[0][0];
    expect(r.stdout).toContain(Math.abs(weight) < 1e-3 ? weight.toExponential(4) : weight.toFixed(4));
  });

  it('trains the cross product of --embedding and --activation', async () => {
    const r = await cli([
      'train',
      '--embedding',
      '2,1',
      '--activation',
      'linear,sigmoid',
      '--epochs',
      '1',
      '--samples',
      '200',
      '--batch',
      '16',
      '--out',
      'custom.rnnlab',
    ]);
    expect(r.code).toBe(0);
    const out = showOutputSchema.parse(JSON.parse((await cli(['show', 'custom.rnnlab', '--json'])).stdout));
    expect(out.runs.map((run) => run.name)).toEqual([
      'Embedding 2 · linear',
      'Embedding 2 · sigmoid RNN',
      'Embedding 1 · linear',
      'Embedding 1 · sigmoid RNN',
    ]);
    expect(out.runs.map((run) => run.config.training.learningRate)).toEqual([0.02, 0.03, 0.02, 0.03]);
    expect(out.runs.every((run) => run.history.length === 1 && run.config.training.batchSize === 16)).toBe(true);
  });

  it('validate: exit 0 for a good file, 2 with the sentence for a bad one', async () => {
    const ok = await cli(['validate', 'seed.rnnlab']);
    expect(ok).toMatchObject({ code: 0, stderr: '' });
    expect(ok.stdout).toBe(`seed.rnnlab: valid RNN Lab session (version ${SESSION_VERSION}, 4 runs, 4 trained)\n`);
    const doc = JSON.parse(await readFile(seedFile, 'utf8'));
    doc.runs[0].weights.kernel[0][0] = null;
    await writeFile(join(dir, 'null.rnnlab'), JSON.stringify(doc));
    doc.version = SESSION_VERSION + 1;
    await writeFile(join(dir, 'newer.rnnlab'), JSON.stringify(doc));
    expect(await cli(['validate', 'null.rnnlab'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'rnn-lab: null.rnnlab is not a valid session: $.runs.0.weights.kernel.0.0: expected number, received null\n',
    });
    expect(await cli(['validate', 'newer.rnnlab'])).toMatchObject({
      code: 2,
      stderr: `rnn-lab: newer.rnnlab was made by a newer RNN Lab (version ${SESSION_VERSION + 1})\n`,
    });
  });
});

describe('rnn-lab usage errors: exit 2, one line, no stack', () => {
  it.each([
    [['train', '--foo'], "rnn-lab: train: unknown option '--foo'"],
    [['train', '--preset', 'seed'], 'rnn-lab: train needs --out FILE'],
    [
      ['train', '--embedding', '0', '--out', 'x.rnnlab'],
      'rnn-lab: --embedding: 0 is out of range (must be at least 1)',
    ],
    [['train', '--embedding', '10,x', '--out', 'x.rnnlab'], 'rnn-lab: --embedding: expected a whole number, got "x"'],
    [
      ['train', '--embedding', '4', '--activation', 'gelu', '--out', 'x.rnnlab'],
      'rnn-lab: --activation: unknown activation "gelu" (use linear, sigmoid, tanh, relu)',
    ],
    [
      ['train', '--preset', 'seed', '--lr', '2', '--out', 'x.rnnlab'],
      'rnn-lab: --lr: 2 is out of range (must be at most 1)',
    ],
    [['train', '--preset', 'seed', '--epochs', '--out', 'x.rnnlab'], "rnn-lab: train: option '--epochs' needs a value"],
    [
      ['train', '--preset', 'seed', '--engine', 'gpu', '--out', 'x.rnnlab'],
      'rnn-lab: --engine: unknown engine "gpu" (use fused or reference)',
    ],
    [
      ['train', '--preset', 'seed', '--out', 'no/such/dir/x.rnnlab'],
      'rnn-lab: --out: the folder no/such/dir does not exist',
    ],
    [['show'], 'rnn-lab: show needs a FILE (usage: rnn-lab show FILE [--json])'],
    [['show', 'missing.rnnlab'], 'rnn-lab: missing.rnnlab does not exist'],
    [['show', 'a', 'b'], 'rnn-lab: show: unexpected argument "b"'],
    [
      ['frobnicate'],
      'rnn-lab: unknown command "frobnicate" (commands: train, sweep, show, validate, trace, exhaustive, lengths, export, table, report)',
    ],
  ])('%j', async (args, line) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(line)).toBe(true);
    expect(r.stderr.split('\n')).toEqual([expect.any(String), '']);
  });

  it('rejects unreadable and non-JSON files with one line', async () => {
    await writeFile(join(dir, 'junk.rnnlab'), 'hello');
    const junk = await cli(['show', 'junk.rnnlab']);
    expect(junk.code).toBe(2);
    expect(junk.stderr).toMatch(/^rnn-lab: junk\.rnnlab is not a valid session: it is not JSON \(.+\)\n$/);
    const folder = await cli(['validate', '.']);
    expect(folder).toEqual({ code: 2, stdout: '', stderr: 'rnn-lab: . is not a file\n' });
  });

  it('--help goes to stdout with exit 0; no command prints usage on stderr with exit 2', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('rnn-lab show FILE [--json]');
    const trainHelp = await cli(['train', '--help']);
    expect(trainHelp.stdout).toContain('--embedding 10,4,1');
    const none = await cli([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('Usage:');
  });

  it('a failure while running exits 1 (here: the bundled worker is missing)', async () => {
    const lonely = join(process.cwd(), '.tmp', `cli-alone-${process.pid}`);
    await mkdir(lonely, { recursive: true });
    try {
      // cli.js and its chunks (commands load on demand), without run-worker.js.
      const built = (await readdir(dirname(CLI))).filter((name) => name.endsWith('.js') && name !== 'run-worker.js');
      for (const name of built) await copyFile(join(dirname(CLI), name), join(lonely, name));
      const r = await cli(
        ['train', '--preset', 'seed', '--samples', '200', '--out', 'x.rnnlab'],
        join(lonely, 'cli.js'),
      );
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^rnn-lab: run worker not found at .+run-worker\.js; run `npm run build:node` first\n$/);
    } finally {
      await rm(lonely, { recursive: true, force: true });
    }
  });
});

describe('commands load only the modules they need', () => {
  /**
   * Runs the built CLI with a module resolve hook (node:module register) that logs every URL the ES module
   * loader resolves — the bundle's imports of packages and chunks, in the main thread and in worker threads
   * (they inherit --import) — and returns the node_modules packages among them.
   */
  async function packagesLoaded(args: string[]): Promise<{ result: Result; packages: Set<string> }> {
    const log = join(dir, `loads-${args[0]}-${Date.now()}.txt`);
    await writeFile(
      join(dir, 'hooks.mjs'),
      [
        "import { appendFileSync } from 'node:fs';",
        'export async function resolve(specifier, context, next) {',
        '  const result = await next(specifier, context);',
        `  appendFileSync(${JSON.stringify(log)}, result.url + '\\n');`,
        '  return result;',
        '}',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'register.mjs'),
      "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n",
    );
    await writeFile(log, '');
    const result = await cli(args, CLI, ['--import', pathToFileURL(join(dir, 'register.mjs')).href]);
    const urls = (await readFile(log, 'utf8')).split('\n').filter(Boolean);
    const packages = new Set(urls.flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []));
    return { result, packages };
  }

  it('validate and show load neither tfjs nor the chart renderers (echarts, resvg)', async () => {
    for (const args of [
      ['validate', 'seed.rnnlab'],
      ['show', 'seed.rnnlab'],
    ]) {
      const { result, packages } = await packagesLoaded(args);
      expect(result.code).toBe(0);
      expect(packages.has('zod'), 'the hook sees package imports').toBe(true);
      expect(
        [...packages].filter((p) => /echarts|zrender|@resvg|@tensorflow/.test(p)),
        args[0],
      ).toEqual([]);
    }
  });

  it('train (fused) loads tfjs-core and the CPU backend only: no tfjs-layers, no tfjs union package, no charts', async () => {
    const { result, packages } = await packagesLoaded([
      'train',
      '--embedding',
      '2',
      '--epochs',
      '1',
      '--samples',
      '200',
      '--out',
      'lazy.rnnlab',
    ]);
    expect(result.code).toBe(0);
    expect(packages).toContain('@tensorflow/tfjs-core');
    expect(packages).toContain('@tensorflow/tfjs-backend-cpu');
    expect([...packages].filter((p) => /echarts|zrender|@resvg|^@tensorflow\/tfjs(-layers)?$/.test(p))).toEqual([]);
  });

  it('the reference engine loads the tfjs layers (lazily), and --help loads every command, echarts included', async () => {
    const reference = await packagesLoaded([
      'train',
      '--embedding',
      '1',
      '--epochs',
      '1',
      '--samples',
      '200',
      '--engine',
      'reference',
      '--out',
      'ref.rnnlab',
    ]);
    expect(reference.result.code).toBe(0);
    expect(reference.packages).toContain('@tensorflow/tfjs');
    const help = await packagesLoaded(['--help']);
    expect(help.result.code).toBe(0);
    expect(help.packages).toContain('echarts');
  });
});
