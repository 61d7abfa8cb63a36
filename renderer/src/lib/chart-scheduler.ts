/**
 * Chart work (init, setOption, resize) in time slices. A state push can touch a
 * dozen charts and a finished run brings new ones; ECharts renders each
 * synchronously, so doing them all in one task made 100–900 ms long tasks.
 * Here each chart's pending work is one job; a task runs jobs until one of them did
 * real work (a few ms: a setOption is 20–60 ms on this machine while runs train)
 * and leaves the rest to the next task, on-screen charts first. A job that
 * is not `ready` (an off-screen chart while runs train) waits in the queue until
 * it is scheduled again.
 */
export interface ChartJob {
  /** On screen (or near it): goes before charts the user cannot see. */
  visible(): boolean;
  /** May run now. */
  ready(): boolean;
  /** Does one slice of the chart's work; true = more to do (queued again, after the others). */
  run(): boolean;
}

/** Cheap jobs (an option that did not change) share a task; anything heavier ends it. */
const BUDGET_MS = 4;
const queue = new Set<ChartJob>();
let timer: ReturnType<typeof setTimeout> | null = null;

/** Queue a chart's work (or wake it if it waits); the job reads the latest state when it runs. */
export function schedule(job: ChartJob): void {
  queue.add(job);
  if (timer === null) timer = setTimeout(pump, 0);
}

export function unschedule(job: ChartJob): void {
  queue.delete(job);
}

function next(): ChartJob | undefined {
  let first: ChartJob | undefined;
  for (const job of queue) {
    if (!job.ready()) continue;
    if (job.visible()) return job;
    first ??= job;
  }
  return first;
}

function pump(): void {
  timer = null;
  const start = performance.now();
  const again: ChartJob[] = [];
  for (let job = next(); job; job = next()) {
    queue.delete(job);
    try {
      if (job.run()) again.push(job);
    } catch (err) {
      console.error('RNN Lab: chart update failed', err);
    }
    if (performance.now() - start > BUDGET_MS) break;
  }
  for (const job of again) queue.add(job);
  // Jobs that are not ready stay queued without a timer: schedule() wakes them.
  if (next() && timer === null) timer = setTimeout(pump, 0);
}
