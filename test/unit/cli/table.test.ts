import { emptyView } from '../../../shared/schemas/session.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandRegistry } from '../../../electron/cli/run-cli.js';
import { makeSession, serializeSession } from '../../../electron/lab/sessions/session-file.js';
import { withValueAt } from '../../../shared/config-fields/config-path.js';
import type { Run } from '../../../shared/schemas/run.js';
import type { RunConfig } from '../../../shared/schemas/run-config.js';
import { tableJsonSchema } from '../../../shared/schemas/runs-table-json.js';
import { trainedSeedRun } from '../analysis/trained-fixtures.js';
import { runInProcess } from './in-process.js';

const registry: CommandRegistry = { table: () => import('../../../electron/cli/commands/table.js') };
const table = (...args: string[]) => runInProcess(['table', ...args], registry);

const base = trainedSeedRun('linear1', 'x');
const epoch = (n: number, valAcc: number) => ({ epoch: n, loss: 0.1, acc: 0.9, valLoss: 1 - valAcc, valAcc });

/** Trained-looking runs of `train`: no sweep tag, so the table's varied fields are the ones that differ. */
function run(id: string, act: 'linear' | 'sigmoid', seed: number, finalAcc: number): Run {
  const config = [
    ['model.rnnActivation', act],
    ['training.seed', seed],
  ].reduce<RunConfig>((c, [p, v]) => withValueAt(c, String(p), v), base.config);
  return {
    ...base,
    id,
    name: `${act} seed ${seed}`,
    config,
    history: [epoch(1, 0.6), epoch(2, 0.7), epoch(3, 0.8), epoch(4, finalAcc)],
  };
}

// Linear: 3 of 5 seeds reach 0.99; sigmoid: 1 of 2.
const runs = [
  run('a', 'linear', 0, 1),
  run('b', 'linear', 1, 0.83),
  run('c', 'linear', 2, 0.995),
  run('d', 'linear', 3, 0.9),
  run('e', 'linear', 4, 0.99),
  run('f', 'sigmoid', 0, 0.5),
  run('g', 'sigmoid', 1, 1),
];
const dir = mkdtempSync(join(tmpdir(), 'rnn-lab-table-'));
const file = join(dir, 'seeds.rnnlab');
const view = { ...emptyView(), order: runs.map((r) => r.id), layout: 'columns' as const, hiddenInOverlay: [] };
writeFileSync(file, serializeSession(makeSession({ runs, view })));

describe('rnn-lab table', () => {
  it('--json: exactly runs and groups, fields by config path, success rate and val acc mean ± sd per group', async () => {
    const r = await table(file, '--group-by', 'model.rnnActivation', '--json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const out = tableJsonSchema.parse(JSON.parse(r.stdout));
    expect(out.runs.map((x) => [x.name, x.seed, x.metrics.valAcc, x.metrics.epochsToSuccess])).toEqual([
      ['linear seed 0', 0, 1, 4],
      ['linear seed 1', 1, 0.83, null],
      ['linear seed 2', 2, 0.995, 4],
      ['linear seed 3', 3, 0.9, null],
      ['linear seed 4', 4, 0.99, 4],
      ['sigmoid seed 0', 0, 0.5, null],
      ['sigmoid seed 1', 1, 1, 4],
    ]);
    expect(out.runs[0].config.model.rnnActivation).toBe('linear');
    // The contract is exact: a key more is refused (other tools read this output).
    expect(tableJsonSchema.safeParse({ ...out, extra: 1 }).success).toBe(false);
    expect(Object.keys(out.runs[0].metrics)).toEqual([
      'valAcc',
      'valLoss',
      'epochsToSuccess',
      'digitMargin',
      'baseline',
      'health',
    ]);
    // The seed's printed linear weights: digit 4 scores far above every other digit.
    expect(out.runs[0].metrics.digitMargin).toBeGreaterThan(0);
    expect(out.groups).toHaveLength(2);
    expect(out.groups[0]).toMatchObject({ key: { 'model.rnnActivation': 'linear' }, count: 5, successRate: 0.6 });
    expect(out.groups[0].valAcc.mean).toBeCloseTo(0.943, 12);
    expect(out.groups[0].valAcc.sd).toBeCloseTo(Math.sqrt(0.004556), 12);
    expect(out.groups[1]).toEqual({
      key: { 'model.rnnActivation': 'sigmoid' },
      count: 2,
      successRate: 0.5,
      valAcc: { mean: 0.75, sd: 0.25 },
    });
  });

  it('text: a row per group with k/n, or a row per run sorted by a metric', async () => {
    const grouped = await table(file, '--group-by', 'model.rnnActivation', '--success', '0.995');
    expect(grouped.code).toBe(0);
    expect(grouped.stdout).toContain(
      '7 runs · success: final val acc ≥ 0.995 · varied: model.rnnActivation, training.seed',
    );
    expect(grouped.stdout).toMatch(/linear\s+5\s+2\/5\s+40%\s+0\.943 ± 0\.067/);
    expect(grouped.stdout).toMatch(/sigmoid\s+2\s+1\/2\s+50%\s+0\.750 ± 0\.250/);
    const sorted = await table(file, '--sort', 'valAcc:desc');
    const names = sorted.stdout
      .split('\n')
      .slice(3, 10)
      .map((l) => l.trim().split(/\s{2,}/)[0]);
    expect(names).toEqual([
      'linear seed 0',
      'sigmoid seed 1',
      'linear seed 2',
      'linear seed 4',
      'linear seed 3',
      'linear seed 1',
      'sigmoid seed 0',
    ]);
  });

  it('--csv: one row per run, or one per group', async () => {
    const perRun = (await table(file, '--csv')).stdout.trim().split('\n');
    expect(perRun[0]).toBe(
      'name,model.rnnActivation,training.seed,valAcc,valLoss,epochsToSuccess,digitMargin,recurrentRadius,trainSeconds,success,baseline,backend,status,health',
    );
    expect(perRun).toHaveLength(8);
    expect(perRun[2]).toMatch(
      /^linear seed 1,linear,1,0\.83,0\.17\d*,,[-0-9.e]+,[0-9.e-]+,1\.5,0,0\.758,cpu,done,weak$/,
    );
    const perGroup = (await table(file, '--csv', '--group-by', 'model.rnnActivation,training.seed')).stdout.split('\n');
    expect(perGroup[0]).toMatch(
      /^model\.rnnActivation,training\.seed,count,finished,successes,successRate,valAcc\.mean,valAcc\.sd,/,
    );
    expect(perGroup[1]).toMatch(/^linear,0,1,1,1,1,1,0,/);
  });

  it("--sweep NAME: only the runs its tag names; their varied fields are the sweep's", async () => {
    const spec = {
      base: base.config,
      axes: [{ path: 'model.rnnActivation' as const, values: ['linear', 'sigmoid'] }],
      mode: { kind: 'grid' as const },
      seeds: [0, 1, 2, 3, 4],
      keep: [],
    };
    const sweep = {
      id: 'acts',
      name: 'activations',
      spec,
      state: 'done' as const,
      createdAt: '2026-12-03T18:00:00.000Z',
    };
    const tag = (r: Run) => ({
      id: 'acts',
      values: { 'model.rnnActivation': r.config.model.rnnActivation, 'training.seed': r.config.training.seed },
    });
    // A run added by hand beside the sweep: another learning rate, no tag.
    const hand = { ...run('h', 'linear', 0, 1), config: withValueAt(base.config, 'training.learningRate', 0.5) };
    const tagged = [...runs.map((r) => ({ ...r, sweep: tag(r) })), hand];
    const swept = join(dir, 'swept.rnnlab');
    const order = tagged.map((r) => r.id);
    writeFileSync(swept, serializeSession(makeSession({ runs: tagged, view: { ...view, order }, sweeps: [sweep] })));
    const only = await table(swept, '--sweep', 'activations', '--group-by', 'model.rnnActivation', '--json');
    expect([only.code, only.stderr]).toEqual([0, '']);
    const out = tableJsonSchema.parse(JSON.parse(only.stdout));
    expect(out.runs).toHaveLength(7);
    expect(out.groups.map((g) => [g.key['model.rnnActivation'], g.count, g.successRate])).toEqual([
      ['linear', 5, 0.6],
      ['sigmoid', 2, 0.5],
    ]);
    const all = await table(swept, '--csv');
    expect(all.stdout.split('\n')[0]).toMatch(/^name,model\.rnnActivation,training\.learningRate,training\.seed,/);
    expect(all.stdout.trim().split('\n')).toHaveLength(9);
    const unknown = await table(swept, '--sweep', 'grid');
    expect([unknown.code, unknown.stderr]).toEqual([2, 'rnn-lab: no sweep named "grid" (sweeps: "activations")\n']);
  });

  it('bad input is one line and exit 2', async () => {
    const cases: [string[], string][] = [
      [['--group-by', 'model.size'], 'unknown field to group by "model.size"'],
      [['--group-by', 'a.b,c.d,e.f'], '--group-by: one or two fields'],
      [['--success', '1.5'], '--success: expected a threshold above 0 and at most 1, got "1.5"'],
      [['--success', 'x'], '--success: expected a number, got "x"'],
      [['--sort', 'speed'], 'unknown --sort column "speed"'],
      [['--sweep', 'grid'], 'no sweep named "grid" (sweeps: none)'],
      [['--json', '--csv'], '--json and --csv: pick one'],
    ];
    for (const [args, message] of cases) {
      const r = await table(file, ...args);
      expect([r.code, r.stdout], args.join(' ')).toEqual([2, '']);
      expect(r.stderr).toContain(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    const damaged = join(dir, 'damaged.rnnlab');
    writeFileSync(damaged, '{"format": "rnn-lab-session", "version": 3, "runs": [');
    const r = await table(damaged);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reads a real session the CLI wrote (the seed preset, 2 epochs): varied embedding and activation', async () => {
    const real = join(process.cwd(), 'test/unit/lab/fixtures/v3-seed.rnnlab');
    const r = await table(real, '--group-by', 'model.embeddingDim,model.rnnActivation', '--json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const out = tableJsonSchema.parse(JSON.parse(r.stdout));
    expect(out.groups.map((g) => [g.key['model.embeddingDim'], g.key['model.rnnActivation'], g.count])).toEqual([
      [10, 'linear', 1],
      [4, 'linear', 1],
      [1, 'linear', 1],
      [1, 'sigmoid', 1],
    ]);
    for (const [i, g] of out.groups.entries()) {
      expect(g.valAcc).toEqual({ mean: out.runs[i].metrics.valAcc, sd: 0 });
      expect(g.successRate).toBe(out.runs[i].metrics.valAcc! >= 0.99 ? 1 : 0);
    }
  });
});
