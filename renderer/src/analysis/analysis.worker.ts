import type { ComputeReply, ComputeRequest } from './compute-protocol.js';
import { runJob } from './run-job.js';

/** The worker's side of `self`, typed here because the renderer's tsconfig has the DOM lib, not WebWorker. */
interface WorkerScope {
  onmessage: ((e: MessageEvent<ComputeRequest>) => void) | null;
  postMessage(message: ComputeReply): void;
}

/** The Analysis section's heavy jobs, off the page's main thread; one job at a time, in arrival order. */
const scope = self as unknown as WorkerScope;
scope.onmessage = (e) => {
  const { id, model, job } = e.data;
  let reply: ComputeReply;
  try {
    reply = { id, ok: true, value: runJob(model, job) };
  } catch (err) {
    reply = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(reply);
};
