import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend, trainRun } from '../engine/index.js';
import { SEED_PRESET } from '../../shared/presets.js';
import { runConfigSchema, type EngineKind, type RunConfig } from '../../shared/schemas/run-config.js';
import type { RunResult } from '../../shared/schemas/run-result.js';
import { timeCliTrain } from './cli-run.js';
import { timePool, type PoolRun } from './pool.js';
import { timeWorkerStart } from './worker-start.js';
import { defaultRunWorkerPath } from '../lab/workers/thread-worker-factory.js';
import { formatTable, mib, ms, peakRss } from './table.js';
import { runUiBench } from './ui-bench.js';
import { runManyRunsUiBench } from './ui-many-runs.js';
import { wireNotes } from './wire-bytes.js';
import { measureSnapshotRss, SNAPSHOT_RSS_CHILD, snapshotRssChild, snapshotRssLabel } from './snapshot-rss.js';
import { runSweepBench, SWEEP_CHILD, sweepChild, type SweepVariant } from './sweep-bench.js';

/**
 * `npm run bench`: the seed comparison (4 runs × 4 epochs × 10,000 rows) through the lab's
 * worker pool (cold, warm, pre-warmed), as the `rnn-lab train` CLI, in-process per run and
 * engine, and in the app's page (browser mode in Chromium). One table. Asserts nothing.
 * Flags: --engines fused,reference (in-process rows; default both), --repeat N (in-process
 * fused passes and pool passes, best kept; default 3), --no-ui (skip the Chromium part), --ui-only (only the Chromium part),
 * --ui-profile FILE (save the page's CPU profile while it trains, for Chrome DevTools), --sweep-only (only the sweep
 * table: floor / unstacked / stacked, 80 runs, --repeat passes), --sweep-seeds N (seeds per seed config), --no-sweep.
 */
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const engines = (flag('--engines') ?? 'fused,reference').split(',') as EngineKind[];
const repeat = Math.max(1, Number(flag('--repeat') ?? 3));
const uiOnly = args.includes('--ui-only');
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

if (args.includes(SWEEP_CHILD)) {
  await sweepChild(flag(SWEEP_CHILD) as SweepVariant, Number(flag('--sweep-seeds') ?? 20));
  process.exit(0);
}
const backend = await initBackend();
if (args.includes('--rss-child')) {
  // A fresh process that trains one seed run, like one Electron utility-process worker: its peak RSS.
  await trainRun(runConfigSchema.parse(SEED_PRESET[0].config));
  console.log(JSON.stringify({ maxRssBytes: peakRss() }));
  process.exit(0);
}
if (args.includes(SNAPSHOT_RSS_CHILD)) {
  await snapshotRssChild();
  process.exit(0);
}
const cpus = os.cpus();
const workers = Math.min(SEED_PRESET.length, os.availableParallelism());
console.log(
  `RNN Lab bench · ${cpus[0]?.model ?? 'cpu'} × ${cpus.length} · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version} · tfjs backend ${backend.name} (${backend.reason})`,
);
// Other work on the machine skews wall times; CPU time per epoch is the steadier figure.
console.log(`load average at start: ${load()}`);

// The sweep row: --sweep-only runs it alone at full size (80 runs); the default bench runs a smaller one.
const sweepOnly = args.includes('--sweep-only');
const sweepSeeds = Math.max(1, Number(flag('--sweep-seeds') ?? (sweepOnly ? 20 : 5)));
const sweepPart = () => {
  const sweep = runSweepBench(fileURLToPath(import.meta.url), sweepSeeds, sweepOnly ? repeat : 1);
  console.log('');
  console.log(sweep.table);
  for (const note of sweep.notes) console.log(note);
  if (!sweepOnly && sweepSeeds < 20)
    console.log(`sweep: ${sweepSeeds} seeds here (the issue's 80 runs: npm run bench -- --sweep-only)`);
};
if (sweepOnly) {
  sweepPart();
  console.log(`load average at end: ${load()}`);
  process.exit(0);
}

const seedConfigs = SEED_PRESET.map((p) => runConfigSchema.parse(p.config));
const names = SEED_PRESET.map((p) => p.name);
const withEngine = (config: RunConfig, engine: EngineKind): RunConfig => ({
  ...config,
  training: { ...config.training, engine },
});
const stepsOf = (config: RunConfig, epochs: number) =>
  epochs * Math.ceil(Math.floor(config.task.samples * (1 - config.task.validationSplit)) / config.training.batchSize);
const valAcc = (r: RunResult) => (r.history.at(-1)?.valAcc ?? NaN).toFixed(4);

const header = [
  'measurement',
  'engine',
  'wall ms',
  'ms/epoch',
  'CPU ms/epoch',
  'steps/s',
  'peak RSS',
  'worker heap',
  'tensors',
  'val acc',
];
const rows: string[][] = [];
const notes: string[] = [];
const row = (cells: Partial<Record<(typeof header)[number], string>>) => rows.push(header.map((h) => cells[h] ?? ''));

// 1. The worker pool first, while this process is small (worker threads share its RSS).
const passes = uiOnly ? [] : await timePool(seedConfigs, workers, repeat);
if (typeof passes === 'string') notes.push(`worker pool: ${passes}`);
else {
  for (const pass of passes) {
    const tensors = pass.runs.map((r) => r.usage?.numTensors ?? '?').join('→');
    row({
      measurement: `seed comparison, ${pass.label}, ${workers} worker threads`,
      engine: 'fused',
      'wall ms': ms(pass.wallMs),
      tensors,
    });
    pass.runs.forEach((run, i) =>
      row(
        poolRow(
          `  ${names[i]} (worker ${run.worker}, run ${run.usage?.runsTrained ?? '?'} on it)`,
          seedConfigs[i],
          run,
        ),
      ),
    );
  }
}

// 1b. Worker start-up alone (new thread → tfjs loaded and backend ready), one and two at once; median of --repeat.
if (!uiOnly && typeof passes !== 'string') {
  for (const count of [1, workers]) {
    const times: number[] = [];
    for (let i = 0; i < repeat; i++) times.push(await timeWorkerStart(defaultRunWorkerPath(), count));
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
    row({
      measurement: `run worker start → tfjs ready, ${count} at once (median of ${repeat})`,
      'wall ms': ms(median),
    });
  }
}

// 2. The CLI as a user runs it.
let cli: Awaited<ReturnType<typeof timeCliTrain>> = 'skipped: --ui-only';
for (let i = 0; i < (uiOnly ? 0 : repeat); i++) {
  const next = await timeCliTrain();
  if (typeof next === 'string' || typeof cli === 'string' || next.trainingMs < cli.trainingMs) cli = next;
  if (typeof next === 'string') break;
}
if (typeof cli === 'string') notes.push(`rnn-lab train: ${cli}`);
else {
  const best = repeat > 1 ? `, best of ${repeat}` : '';
  row({
    measurement: `rnn-lab train --preset seed: "training 4 runs" → "saved"${best}`,
    engine: 'fused',
    'wall ms': ms(cli.trainingMs),
  });
  row({
    measurement: `rnn-lab train --preset seed: whole process (same run)`,
    engine: 'fused',
    'wall ms': ms(cli.processMs),
  });
}

// 2b. Peak RSS of one worker as its own process (what the Electron app's utility processes are).
if (!uiOnly) {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--rss-child'], { encoding: 'utf8' });
  const rss = /\{"maxRssBytes":\d+\}/.exec(child.stdout ?? '');
  if (rss)
    row({
      measurement: `one run (${names[0]}) in a process of its own, like one utility-process worker`,
      engine: 'fused',
      'peak RSS': mib((JSON.parse(rss[0]) as { maxRssBytes: number }).maxRssBytes),
    });
  else notes.push(`single-process RSS: failed (${(child.stderr ?? '').trim().split('\n').at(-1)})`);
  // 2c. A snapshot every batch on a large model: memory stays flat however long it trains (the series is thinned).
  const every = measureSnapshotRss(fileURLToPath(import.meta.url));
  if (typeof every === 'string') notes.push(`snapshot-every-batch RSS: ${every}`);
  else row({ measurement: snapshotRssLabel(every), engine: 'fused', 'peak RSS': mib(every.maxRssBytes) });
}

// 3. The page (browser mode in Chromium).
if (!args.includes('--no-ui')) {
  // --many-only: only the page with 200 runs (the runs table and a sweep), the seed's page part skipped.
  const ui = args.includes('--many-only')
    ? 'skipped: --many-only'
    : await runUiBench(10_000, flag('--ui-profile')).catch(
        (err: unknown) => `failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
      );
  if (typeof ui === 'string') notes.push(`UI benchmark ${ui}`);
  else {
    row({ measurement: 'UI: page ready (data-app-state="ready", from navigation start)', 'wall ms': ms(ui.readyMs) });
    row({
      measurement: `UI: Train All → all 4 runs ended (${ui.statuses.join(', ')})`,
      engine: 'fused',
      'wall ms': ms(ui.trainWallMs),
    });
    const lt = (t: typeof ui.longTasksLoad) =>
      `${t.count} long tasks, longest ${ms(t.maxMs)} ms, ${ms(t.totalMs)} ms in all`;
    notes.push(
      `UI long tasks (> 50 ms) while loading: ${lt(ui.longTasksLoad)}; while training: ${lt(ui.longTasksTraining)}`,
    );
    notes.push(
      `UI run:progress frames per run: ${ui.progress.map((p) => `${p.frames} (${p.perSecond.toFixed(1)}/s, at most ${p.max1s} in 1 s)`).join(' · ')}`,
    );
    notes.push(...wireNotes(ui.wire, ui.manyRuns));
    notes.push(`UI page: ${ui.renderer}`);
  }
  const many = await runManyRunsUiBench().catch(
    (err: unknown) => `failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
  );
  if (typeof many === 'string') notes.push(`UI with many runs ${many}`);
  else {
    const lt = (t: typeof many.openTab) =>
      `${t.count} long tasks, longest ${ms(t.maxMs)} ms, ${ms(t.totalMs)} ms in all`;
    notes.push(
      `UI with ${many.runs} runs (long tasks > 50 ms): opening the Runs tab: ${lt(many.openTab)}; ` +
        `scrolling the runs table (${many.wheelSteps} wheel steps): ${lt(many.scrolling)}; ` +
        `while a ${many.sweepRuns}-run sweep trains: ${lt(many.sweeping)}`,
    );
  }
} else notes.push('UI benchmark skipped: --no-ui');

// 4. In-process, one run at a time: the sequential seed comparison and each run per engine.
let bestWall = Infinity;
for (let pass = 0; pass < (uiOnly ? 0 : repeat); pass++) {
  const t0 = performance.now();
  for (const config of seedConfigs) await trainRun(config);
  bestWall = Math.min(bestWall, performance.now() - t0);
}
if (!uiOnly)
  row({
    measurement: `seed comparison, in-process, one run after another (best of ${repeat})`,
    engine: 'fused',
    'wall ms': ms(bestWall),
  });
for (const engine of uiOnly ? [] : engines) {
  for (const [i, config] of seedConfigs.entries()) {
    const cpu0 = process.cpuUsage();
    const result = await trainRun(withEngine(config, engine));
    const cpu = process.cpuUsage(cpu0);
    const epochs = result.history.length || 1;
    row({
      measurement: `  ${names[i]} (in-process)`,
      engine,
      'ms/epoch': ms((result.trainSeconds * 1000) / epochs),
      'CPU ms/epoch': ms((cpu.user + cpu.system) / 1000 / epochs),
      'steps/s': ms(stepsOf(config, epochs) / result.trainSeconds),
      'peak RSS': mib(peakRss()),
      tensors: String(tf.memory().numTensors),
      'val acc': valAcc(result),
    });
  }
}

console.log('');
console.log(formatTable(header, rows));
console.log('');
for (const note of notes) console.log(note);
if (!uiOnly && !args.includes('--no-sweep')) sweepPart();
console.log(
  "peak RSS: worker threads share the bench process, so a pool row shows that process's peak (main thread + workers); " +
    '"worker heap" is the worker isolate\'s own JS heap. tensors: tfjs tensors alive after each run (flat = no leak).',
);
console.log(`load average at end: ${load()}`);

function poolRow(measurement: string, config: RunConfig, run: PoolRun): Partial<Record<string, string>> {
  const epochs = run.result.history.length || 1;
  return {
    measurement,
    engine: 'fused',
    'ms/epoch': ms((run.result.trainSeconds * 1000) / epochs),
    'steps/s': ms(stepsOf(config, epochs) / run.result.trainSeconds),
    'peak RSS': run.usage ? mib(run.usage.maxRssBytes) : '',
    'worker heap': run.usage ? mib(run.usage.heapUsedBytes) : '',
    tensors: String(run.usage?.numTensors ?? ''),
    'val acc': valAcc(run.result),
  };
}
