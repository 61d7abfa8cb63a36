import { initBackend, trainRun } from '../engine/index.js';
import type { Progress } from '../../shared/schemas/progress.js';
import type { BackendInfo, EpochRecord } from '../../shared/schemas/run-result.js';
import { formatZodError } from '../../shared/format-zod-error.js';
import { toWorkerSchema, type FromWorker } from './worker-protocol.js';

/**
 * The smallest port both hosts can offer: a worker_threads `parentPort`
 * adapter in Node and Electron's `process.parentPort` in a utilityProcess.
 */
export interface WorkerPort {
  postMessage(message: unknown): void;
  onMessage(callback: (message: unknown) => void): void;
}

/**
 * Host-agnostic body of a run worker: one `start` trains one run and posts its
 * result; `cancel` aborts it (the engine returns a consistent partial run).
 * The host ends the worker after the result, so nothing here exits.
 */
export function runWorkerMain(port: WorkerPort): void {
  const controller = new AbortController();
  let started = false;
  const send = (message: FromWorker) => port.postMessage(message);
  const fail = (err: unknown) => send({ type: 'error', message: err instanceof Error ? err.message : String(err) });

  port.onMessage((raw) => {
    const parsed = toWorkerSchema.safeParse(raw);
    if (!parsed.success) return fail(formatZodError(parsed.error, 'worker message'));
    const message = parsed.data;
    if (message.type === 'cancel') return controller.abort();
    if (message.type === 'probe') {
      initBackend().then((backend: BackendInfo) => send({ type: 'backend', backend }), fail);
      return;
    }
    if (started) return fail('this worker already trains a run');
    started = true;
    void (async () => {
      await initBackend();
      const result = await trainRun(message.config, {
        signal: controller.signal,
        onProgress: (progress: Progress) => send({ type: 'progress', progress }),
        onEpoch: (record: EpochRecord) => send({ type: 'epoch', record }),
      });
      send({ type: 'result', result });
    })().catch(fail);
  });
}
