import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { makeDataset } from '../engine/dataset.js';
import { defaultRunWorkerPath, threadWorkerFactory } from '../lab/workers/thread-worker-factory.js';
import { WorkerPool, type RunOutcome, type WorkerFactory } from '../lab/workers/worker-pool.js';
import { SEED_PRESET } from '../../shared/presets.js';
import { runConfigSchema, type RunConfig } from '../../shared/schemas/run-config.js';
import { trainFloor } from './floor-trainer.js';
import { formatTable, mib, peakRss } from './table.js';

/**
 * The sweep row of `npm run bench`: the seed's four configs × N seeds (80 runs at 20 seeds; 10,000 rows, 4
 * epochs each) trained three ways, each in a process of its own so wall, CPU and peak RSS are that process's:
 * - floor: the plain-JS trainer (floor-trainer.ts), one run after another on one thread;
 * - unstacked: the lab's worker pool as before stacks (one run per worker at a time, as many workers as cores);
 * - stacked: the same pool handing runs to its workers as stacks (as `rnn-lab sweep` and the app do).
 * The variants alternate over the repeats (floor, unstacked, stacked, floor, …) so load on the machine falls on
 * all of them; medians are kept.
 */
export const SWEEP_CHILD = '--sweep-child';
export const SWEEP_VARIANTS = ['floor', 'unstacked', 'stacked'] as const;
export type SweepVariant = (typeof SWEEP_VARIANTS)[number];

interface ChildReport {
  variant: SweepVariant;
  runs: number;
  /** From the start of the work (after the bench bundle loaded) to the last result, worker start-up included. */
  workMs: number;
  /** The whole process's CPU time (every thread), from its start. */
  cpuMs: number;
  maxRssBytes: number;
  meanValAcc: number;
  /** tfjs tensors alive in a worker after its last run (pool variants). */
  tensors: number | null;
  failed: number;
}

export function sweepConfigs(seeds: number): RunConfig[] {
  return Array.from({ length: seeds }, (_, seed) =>
    SEED_PRESET.map((p) => runConfigSchema.parse({ ...p.config, training: { ...p.config.training, seed } })),
  ).flat();
}

/** In the child process: trains the sweep one way and prints its report as one JSON line. */
export async function sweepChild(variant: SweepVariant, seeds: number): Promise<void> {
  const configs = sweepConfigs(seeds);
  const t0 = performance.now();
  let valAccs: number[];
  let tensors: number | null = null;
  let failed = 0;
  if (variant === 'floor') {
    valAccs = configs.map((config) => trainFloor(config, makeDataset(config.task)).at(-1)?.valAcc ?? NaN);
  } else {
    const threads = threadWorkerFactory(defaultRunWorkerPath());
    // Unstacked: the same workers, offered without the stacking capability (one run per worker at a time).
    const factory: WorkerFactory = variant === 'stacked' ? threads : () => threads();
    const pool = new WorkerPool(factory, { maxParallel: os.availableParallelism() });
    let outcomes: RunOutcome[];
    try {
      outcomes = await Promise.all(configs.map((config) => pool.run({ config, keep: [] })));
    } finally {
      pool.close();
    }
    valAccs = outcomes.map((o) => (o.kind === 'result' ? (o.result.history.at(-1)?.valAcc ?? NaN) : NaN));
    failed = outcomes.filter((o) => o.kind !== 'result' || o.result.status !== 'done').length;
    // Each worker's last result carries the tensors alive once its runs (and stacks) are gone.
    const lastPerWorker = new Map<number, { runsTrained: number; numTensors: number }>();
    for (const o of outcomes) {
      if (o.kind !== 'result' || !o.usage) continue;
      const seen = lastPerWorker.get(o.worker);
      if (!seen || o.usage.runsTrained > seen.runsTrained) lastPerWorker.set(o.worker, o.usage);
    }
    tensors = Math.max(0, ...[...lastPerWorker.values()].map((u) => u.numTensors));
  }
  const workMs = performance.now() - t0;
  const cpu = process.cpuUsage();
  const report: ChildReport = {
    variant,
    runs: configs.length,
    workMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssBytes: peakRss(),
    meanValAcc: valAccs.reduce((a, b) => a + b, 0) / Math.max(valAccs.length, 1),
    tensors,
    failed,
  };
  console.log(JSON.stringify(report));
}

interface Measured extends ChildReport {
  /** The whole process: spawn to exit, as the parent saw it. */
  processMs: number;
}

/** Runs each variant `repeat` times in fresh processes (alternating) and formats the medians as a table. */
export function runSweepBench(entry: string, seeds: number, repeat: number): { table: string; notes: string[] } {
  const notes: string[] = [];
  const runs = measure(entry, seeds, repeat, notes);
  return { table: formatSweep(runs, notes), notes };
}

function measure(entry: string, seeds: number, repeat: number, notes: string[]): Record<SweepVariant, Measured[]> {
  const runs: Record<SweepVariant, Measured[]> = { floor: [], unstacked: [], stacked: [] };
  for (let i = 0; i < repeat; i++) {
    for (const variant of SWEEP_VARIANTS) {
      const t0 = performance.now();
      const child = spawnSync(process.execPath, [entry, SWEEP_CHILD, variant, '--sweep-seeds', String(seeds)], {
        encoding: 'utf8',
        maxBuffer: 16 * 2 ** 20,
      });
      const processMs = performance.now() - t0;
      const line = /\{"variant".*\}/.exec(child.stdout ?? '');
      if (!line) {
        notes.push(`sweep ${variant}: failed (${(child.stderr ?? '').trim().split('\n').at(-1) ?? child.status})`);
        continue;
      }
      runs[variant].push({ ...(JSON.parse(line[0]) as ChildReport), processMs });
    }
  }
  return runs;
}

function formatSweep(runs: Record<SweepVariant, Measured[]>, notes: string[]): string {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  const summary = SWEEP_VARIANTS.map((variant) => {
    const all = runs[variant];
    return {
      variant,
      all,
      processMs: median(all.map((r) => r.processMs)),
      workMs: median(all.map((r) => r.workMs)),
      cpuMs: median(all.map((r) => r.cpuMs)),
      rss: Math.max(0, ...all.map((r) => r.maxRssBytes)),
    };
  });
  const floor = summary[0];
  const s = (value: number) => (value / 1000).toFixed(2);
  const x = (value: number, base: number) => (Number.isFinite(value / base) ? `${(value / base).toFixed(1)}×` : '');
  const header = [
    'sweep (runs × 4 epochs × 10,000 rows)',
    'process s',
    'work s',
    'CPU s',
    'runs/s',
    'peak RSS',
    '× floor (process)',
    '× floor (work)',
    '× floor (CPU)',
    'mean val acc',
    'tensors after',
  ];
  const rows = summary.map((v) => {
    const last = v.all.at(-1);
    return [
      `${v.variant}, ${last?.runs ?? '?'} runs (median of ${v.all.length})`,
      s(v.processMs),
      s(v.workMs),
      s(v.cpuMs),
      last ? ((last.runs / v.workMs) * 1000).toFixed(1) : '',
      mib(v.rss),
      x(v.processMs, floor.processMs),
      x(v.workMs, floor.workMs),
      x(v.cpuMs, floor.cpuMs),
      last ? last.meanValAcc.toFixed(4) : '',
      last?.tensors === null || last === undefined ? '' : String(last.tensors),
    ];
  });
  for (const v of summary) {
    const failed = v.all.reduce((n, r) => n + r.failed, 0);
    if (failed) notes.push(`sweep ${v.variant}: ${failed} runs did not finish`);
  }
  notes.push(
    'sweep: floor = plain-JS trainer, one thread, one run after another; unstacked = worker pool, one run per worker; ' +
      `stacked = the same pool with runs stacked per worker; ${os.availableParallelism()} workers. ` +
      '"process" is spawn → exit (the floor process also loads the bench bundle, tfjs included); "work" excludes that load.',
  );
  return formatTable(header, rows);
}
