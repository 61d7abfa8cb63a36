import * as tf from '@tensorflow/tfjs-core';
import { initBackend, trainRun } from '../../engine/index.js';
import { SEED_PRESET } from '../../../shared/presets.js';
import { runConfigSchema, type RunConfig } from '../../../shared/schemas/run-config.js';
import { formatZodError } from '../../../shared/format-zod-error.js';
import { trainStackMessage } from './stack-worker.js';
import { toWorkerSchema, type FromWorker, type WorkerUsage } from './worker-protocol.js';

/**
 * The smallest port both hosts can offer: a worker_threads `parentPort`
 * adapter in Node and Electron's `process.parentPort` in a utilityProcess.
 */
export interface WorkerPort {
  postMessage(message: unknown): void;
  onMessage(callback: (message: unknown) => void): void;
}

/**
 * A throw-away run for `warm { jit: true }`: long enough for V8 to optimise the
 * engine's and Adam's hot paths (the first run in a fresh isolate is 2–4× slower
 * than later ones), short enough to be cheap. Its numbers are discarded; it
 * changes no state a later run reads (every run seeds its own generators).
 */
const jitWarmup = (): RunConfig =>
  runConfigSchema.parse({
    ...SEED_PRESET[0].config,
    task: { ...SEED_PRESET[0].config.task, samples: 2_500 },
    training: { ...SEED_PRESET[0].config.training, epochs: 1 },
  });

/**
 * Host-agnostic body of a run worker. It lives for many runs and trains one job at a
 * time: `warm` loads tfjs (and maybe warms the JIT), `start` trains a run and
 * posts its result, `start-stack` trains several runs as one stack (each posts its
 * own messages), `cancel` aborts a run (the engine returns a consistent partial
 * run). Work is queued, so a `start` that arrives during warm-up waits for it (and
 * aborts the JIT warm-up run at its next batch). The host ends the worker.
 */
export function runWorkerMain(port: WorkerPort): void {
  const send = (message: FromWorker) => port.postMessage(message);
  const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (work: () => Promise<void>) => {
    queue = queue.then(work);
  };
  let warmup: AbortController | null = null;
  let current: { runId: string; controller: AbortController } | null = null;
  /** The runs of the stack training now, by runId. */
  const stack = new Map<string, AbortController>();
  let runsTrained = 0;

  port.onMessage((raw) => {
    const parsed = toWorkerSchema.safeParse(raw);
    if (!parsed.success) return send({ type: 'error', message: formatZodError(parsed.error, 'worker message') });
    const msg = parsed.data;
    if (msg.type === 'cancel') {
      if (current?.runId === msg.runId) current.controller.abort();
      stack.get(msg.runId)?.abort();
      return;
    }
    if (msg.type === 'start-stack') {
      if (current || stack.size) {
        for (const { runId } of msg.runs) send({ type: 'error', runId, message: 'this worker already trains' });
        return;
      }
      warmup?.abort();
      for (const { runId } of msg.runs) stack.set(runId, new AbortController());
      enqueue(() => trainStackMessage(msg, stack, send, () => usage(++runsTrained)));
      return;
    }
    if (msg.type === 'warm') return enqueue(() => warm(msg.jit, send, (controller) => (warmup = controller)));
    const { runId, config, keep } = msg;
    if (current || stack.size) return send({ type: 'error', runId, message: 'this worker already trains a run' });
    warmup?.abort();
    const run = { runId, controller: new AbortController() };
    current = run;
    enqueue(async () => {
      try {
        await initBackend();
        const result = await trainRun(config, {
          signal: run.controller.signal,
          keep,
          onProgress: (progress) => send({ type: 'progress', runId, progress }),
          onEpoch: (record) => send({ type: 'epoch', runId, record }),
        });
        send({ type: 'result', runId, result, usage: usage(++runsTrained) });
      } catch (err) {
        send({ type: 'error', runId, message: message(err) });
      } finally {
        current = null;
      }
    });
  });
}

/** `warm`: loads tfjs and answers `backend`; with `jit`, a throw-away run `track` can abort, then `warmed`. */
async function warm(
  jit: boolean,
  send: (message: FromWorker) => void,
  track: (controller: AbortController | null) => void,
): Promise<void> {
  try {
    send({ type: 'backend', backend: await initBackend() });
  } catch (err) {
    return send({ type: 'error', message: `tfjs did not load: ${err instanceof Error ? err.message : String(err)}` });
  }
  if (jit) {
    const controller = new AbortController();
    track(controller);
    // Best effort: a warm-up that fails only leaves the JIT cold.
    await Promise.resolve()
      .then(() => trainRun(jitWarmup(), { signal: controller.signal }))
      .catch(() => undefined);
    track(null);
  }
  send({ type: 'warmed' });
}

function usage(runsTrained: number): WorkerUsage {
  return {
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    heapUsedBytes: process.memoryUsage().heapUsed,
    numTensors: tf.memory().numTensors,
    runsTrained,
  };
}
