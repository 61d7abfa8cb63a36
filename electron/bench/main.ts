import os from 'node:os';
import { initBackend, trainRun } from '../engine/index.js';
import { SEED_PRESET } from '../../shared/presets.js';
import { runConfigSchema, type EngineKind, type RunConfig } from '../../shared/schemas/run-config.js';
import { timeParallel } from './parallel.js';
import { benchWorkerMain, isBenchWorker, timeReusedWorkers } from './reused-workers.js';
import { formatTable, mib, peakRss } from './table.js';

/**
 * `npm run bench`: the seed comparison (4 runs × 4 epochs × 10,000 rows) timed per run and engine,
 * sequentially in-process and in parallel worker threads. A benchmark, not a test: it asserts nothing.
 * Flags: --engines fused,reference (default both), --repeat N (fused sequential passes, best kept).
 */
if (isBenchWorker()) {
  await benchWorkerMain();
} else {
  await main();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const engines = (flag('--engines') ?? 'fused,reference').split(',') as EngineKind[];
  const repeat = Math.max(1, Number(flag('--repeat') ?? 3));

  const backend = await initBackend();
  const cpus = os.cpus();
  console.log(`RNN Lab bench · ${cpus[0]?.model ?? 'cpu'} × ${cpus.length} · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version} · tfjs backend ${backend.name} (${backend.reason})`);
  // Other work on the machine skews wall times; CPU time per epoch is the steadier figure.
  console.log(`load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);

  const seedConfigs = SEED_PRESET.map((p) => runConfigSchema.parse(p.config));
  const withEngine = (config: RunConfig, engine: EngineKind): RunConfig => ({ ...config, training: { ...config.training, engine } });

  // 1. Parallel first, while this process is still small (worker threads share its RSS).
  const parallel = await timeParallel(seedConfigs);

  // 2. Sequential in-process seed comparison, fused engine; best of `repeat` passes.
  let bestSequential = Infinity;
  let bestTrain = Infinity;
  for (let pass = 0; pass < repeat; pass++) {
    const t0 = performance.now();
    let train = 0;
    for (const config of seedConfigs) train += (await trainRun(config)).trainSeconds;
    bestSequential = Math.min(bestSequential, performance.now() - t0);
    bestTrain = Math.min(bestTrain, train * 1000);
  }

  // 3. Per run and engine.
  const rows: string[][] = [];
  for (const engine of engines) {
    for (const [i, config] of seedConfigs.entries()) {
      const cpu0 = process.cpuUsage();
      const result = await trainRun(withEngine(config, engine));
      const cpu = process.cpuUsage(cpu0);
      const epochs = result.history.length || 1;
      const steps = epochs * Math.ceil(Math.floor(config.task.samples * (1 - config.task.validationSplit)) / config.training.batchSize);
      rows.push([
        SEED_PRESET[i].name,
        engine,
        (result.trainSeconds * 1000 / epochs).toFixed(0),
        ((cpu.user + cpu.system) / 1000 / epochs).toFixed(0),
        (steps / result.trainSeconds).toFixed(0),
        (result.history.at(-1)?.valAcc ?? NaN).toFixed(4),
        result.backend.name,
        mib(peakRss()),
      ]);
    }
  }
  console.log('');
  console.log(formatTable(['run', 'engine', 'ms/epoch', 'CPU ms/epoch', 'steps/s', 'final val acc', 'backend', 'peak RSS (process)'], rows));
  console.log('');
  console.log(`seed comparison, 4 runs sequential in-process (fused, best of ${repeat}): wall ${bestSequential.toFixed(0)} ms, training ${bestTrain.toFixed(0)} ms`);
  const reused = await timeReusedWorkers(new URL(import.meta.url), seedConfigs, Math.min(2, os.availableParallelism()));
  console.log(
    `seed comparison, 2 reused worker threads (2 runs each, bench-only): wall ${reused.wallMs.toFixed(0)} ms incl. start-up; ` +
      `training per run ${reused.trainMs.map((t) => t.toFixed(0)).join(' / ')} ms`,
  );
  if (typeof parallel === 'string') {
    console.log(`seed comparison, parallel workers: ${parallel}`);
  } else {
    const train = parallel.results.map((r) => r.trainSeconds * 1000);
    console.log(
      `seed comparison, parallel worker threads (${parallel.workers} at once, fused): wall ${parallel.wallMs.toFixed(0)} ms incl. worker start-up; ` +
        `training per run ${train.map((t) => t.toFixed(0)).join(' / ')} ms; final val acc ${parallel.results.map((r) => (r.history.at(-1)?.valAcc ?? NaN).toFixed(3)).join(' / ')}`,
    );
  }
  console.log(`load average at end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`peak RSS of this process (main + worker threads): ${mib(peakRss())}; UI long tasks: measured by the renderer's Playwright benchmark, not here`);
}
