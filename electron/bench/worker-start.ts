import { Worker } from 'node:worker_threads';

/**
 * Worker start-up as the pool pays it: `count` worker threads on the bundled run worker started at
 * once, each sent `warm` (no JIT run), timed from `new Worker` to its `backend` answer (module load
 * + tfjs import + backend set-up). The slowest of the group counts: the first runs wait for it.
 */
export async function timeWorkerStart(path: string, count: number): Promise<number> {
  const t0 = performance.now();
  const workers = Array.from({ length: count }, () => new Worker(path));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            worker.on('message', (m: { type?: string }) => (m.type === 'backend' ? resolve() : undefined));
            worker.once('error', reject);
            worker.postMessage({ type: 'warm', jit: false });
          }),
      ),
    );
    return performance.now() - t0;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
