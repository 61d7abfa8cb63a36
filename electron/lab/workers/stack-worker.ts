import { initBackend } from '../../engine/index.js';
import { trainStack } from '../../engine/stacked/train-stack.js';
import type { RunResult } from '../../../shared/schemas/run-result.js';
import type { FromWorker, ToWorker, WorkerUsage } from './worker-protocol.js';

type StartStack = Extract<ToWorker, { type: 'start-stack' }>;

/**
 * A run worker's side of `start-stack`: the runs train as one stack (engine/stacked) and each answers with the
 * messages a run started alone sends. `controllers` holds each run's cancel until its result is sent.
 */
export async function trainStackMessage(
  msg: StartStack,
  controllers: Map<string, AbortController>,
  send: (message: FromWorker) => void,
  usage: () => WorkerUsage,
): Promise<void> {
  let last: { runId: string; result: RunResult } | undefined;
  try {
    await initBackend();
    await trainStack(
      msg.runs.map(({ runId, config, keep }) => ({
        config,
        options: {
          signal: controllers.get(runId)?.signal,
          keep,
          onProgress: (progress) => send({ type: 'progress', runId, progress }),
          onEpoch: (record) => send({ type: 'epoch', runId, record }),
        },
      })),
      {
        onResult: (i, result) => {
          const { runId } = msg.runs[i];
          // The last run's result waits for the stack's tensors to go: its usage then shows what leaked.
          if (controllers.size === 1) last = { runId, result };
          else send({ type: 'result', runId, result, usage: usage() });
          controllers.delete(runId);
        },
      },
    );
    if (last) send({ type: 'result', ...last, usage: usage() });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    for (const runId of [...controllers.keys(), ...(last ? [last.runId] : [])])
      send({ type: 'error', runId, message: reason });
  } finally {
    controllers.clear();
  }
}
