import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { initBackend, trainRun } from '../engine/index.js';
import type { RunConfig } from '../../shared/schemas/run-config.js';

/**
 * Bench-only: the seed comparison on N worker threads that each train several runs in turn,
 * i.e. what a pool that reuses warm workers would get (tfjs loaded and JIT-warm after the first run).
 * The bench bundle starts itself as the worker (same file, `benchWorker` in workerData).
 */
interface WorkerReport {
  trainMs: number[];
  valAcc: number[];
}

export function isBenchWorker(): boolean {
  return !isMainThread && (workerData as { benchWorker?: boolean } | null)?.benchWorker === true;
}

export async function benchWorkerMain(): Promise<void> {
  const { configs } = workerData as { configs: RunConfig[] };
  await initBackend();
  const report: WorkerReport = { trainMs: [], valAcc: [] };
  for (const config of configs) {
    const result = await trainRun(config);
    report.trainMs.push(result.trainSeconds * 1000);
    report.valAcc.push(result.history.at(-1)?.valAcc ?? NaN);
  }
  parentPort?.postMessage(report);
}

export async function timeReusedWorkers(entry: URL, configs: RunConfig[], workers: number): Promise<{ wallMs: number; trainMs: number[] }> {
  const t0 = performance.now();
  const shares = Array.from({ length: workers }, (_, k) => configs.filter((_, i) => i % workers === k));
  const reports = await Promise.all(
    shares.map(
      (share) =>
        new Promise<WorkerReport>((resolve, reject) => {
          const worker = new Worker(entry, { workerData: { benchWorker: true, configs: share } });
          worker.once('message', (report: WorkerReport) => {
            resolve(report);
            void worker.terminate();
          });
          worker.once('error', reject);
        }),
    ),
  );
  return { wallMs: performance.now() - t0, trainMs: reports.flatMap((r) => r.trainMs) };
}
