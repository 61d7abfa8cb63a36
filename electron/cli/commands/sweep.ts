import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { KEEPABLE_SERIES } from '../../../shared/schemas/sweep.js';
import { SWEEP_PRESET_NAMES, SWEEP_PRESETS } from '../../../shared/sweeps/presets.js';
import { LabService } from '../../lab/lab-service.js';
import { threadWorkerFactory } from '../../lab/workers/thread-worker-factory.js';
import { numberOpt, stringOpt } from '../args.js';
import { UsageError, type CliCommand, type CliIo } from '../command.js';
import { SweepLine } from '../sweep-line.js';
import { sweepFieldOptions, sweepFromFlags } from '../sweep-spec-flags.js';
import { ThrottledSave } from '../throttled-save.js';

export const command: CliCommand = {
  name: 'sweep',
  usage: 'sweep (--preset NAME | FIELD FLAGS) [--seeds LIST] --out FILE [options] | sweep --resume FILE',
  summary: 'train many runs (field values crossed with training seeds) and save them as one session, resumable',
  help: [
    "--preset NAME           a sweep that asks one of the seed's questions:",
    ...SWEEP_PRESET_NAMES.map((name) => `  ${name.padEnd(21)} ${SWEEP_PRESETS[name].description}`),
    'Field flags: every flag of `rnn-lab train` (--embedding, --cell, --activation, --length, --lr, …) takes a',
    'list or a range here: 1,4,10 · 1-10 · 1-10:3 · 0.001..0.1:log3. Cell, activation, units and readout are',
    'combined by the seed rule (as `train` does); every other field with several values is an axis of the grid.',
    '--seeds LIST            training seeds, each combination trained once per seed (e.g. 0-19; default: 0)',
    '--random N              N random draws of the axes instead of the whole grid (draws seeded with 0)',
    `--keep LIST             series a run keeps besides its history and final weights: ${KEEPABLE_SERIES.join(', ')}`,
    '--parallel N            runs trained at once (default: number of cores)',
    "--name NAME             the sweep's name (default: the preset, or what it varies)",
    '--out FILE              the session file, written after finished runs (every ~2 s at most) and at the end',
    '--resume FILE           continue the sweeps in FILE: runs not yet done or failed are trained, no others',
  ],
  options: {
    ...sweepFieldOptions(),
    preset: { type: 'string' },
    seeds: { type: 'string' },
    random: { type: 'string' },
    keep: { type: 'string' },
    parallel: { type: 'string' },
    name: { type: 'string' },
    out: { type: 'string', short: 'o' },
    resume: { type: 'string' },
  },
  positionals: { min: 0, max: 0, names: '' },
  async run({ values }, io) {
    const resume = stringOpt(values, 'resume');
    const parallel = numberOpt(values, 'parallel', 'int') ?? availableParallelism();
    if (parallel < 1) throw new UsageError('--parallel: must be at least 1');
    if (resume !== undefined) {
      const extra = Object.keys(values).find((k) => k !== 'resume' && k !== 'parallel' && values[k] !== undefined);
      if (extra) throw new UsageError(`--resume continues the file's own sweep: --${extra} cannot be given with it`);
      return sweepSession(io, { file: existingFile(resume), shown: resume, parallel, resume: true });
    }
    const out = stringOpt(values, 'out');
    if (!out) throw new UsageError('sweep needs --out FILE (or --resume FILE)');
    const definition = sweepFromFlags(values);
    return sweepSession(io, { file: writableFile(out), shown: out, parallel, resume: false, definition });
  },
};

interface SweepJob {
  /** The session file, absolute; `shown` as the user typed it, for messages. */
  file: string;
  shown: string;
  parallel: number;
  resume: boolean;
  definition?: ReturnType<typeof sweepFromFlags>;
}

/** Starts (or resumes) the sweeps, saves as runs finish, and on Ctrl+C stops starting runs and saves. */
async function sweepSession(io: CliIo, job: SweepJob): Promise<number> {
  const lab = new LabService({
    workerFactory: threadWorkerFactory(),
    host: 'cli',
    paths: { kind: 'absolute' },
    maxParallel: job.parallel,
  });
  try {
    const ids = await startOrResume(lab, io, job);
    if (ids === null) return 0;
    const saver = new ThrottledSave(async () => void (await lab.handle('session:save', { path: job.file })));
    const line = new SweepLine(io);
    const sweepRun = (id: string) => lab.state().runs.find((r) => r.id === id)?.sweep;
    const stopEvents = lab.subscribe((event, payload) => {
      if (event === 'sweep:changed') line.update(payload);
      else if (event === 'run:finished' && sweepRun(payload.id)) saver.request();
    });
    let interrupted = false;
    const stopInterrupt = io.onInterrupt(() => {
      if (interrupted) process.exit(130);
      interrupted = true;
      io.err(
        '\nrnn-lab: stopping the sweep: no new runs start, those training are cancelled (Ctrl+C again to quit without saving)\n',
      );
      void interrupt(lab, ids);
    });
    for (const id of ids)
      line.update({ sweep: lab.state().sweeps.find((s) => s.id === id)!, progress: lab.sweepProgress(id) });
    await Promise.all(ids.map((id) => lab.sweepSettled(id))).finally(stopInterrupt);
    stopEvents();
    line.finish();
    await saver.flush();
    return report(lab, io, ids, job.shown, interrupted);
  } finally {
    await lab.close();
  }
}

/** The sweeps to wait for: the new one, or the file's unfinished ones resumed; null when nothing is left. */
async function startOrResume(lab: LabService, io: CliIo, job: SweepJob): Promise<string[] | null> {
  if (!job.resume) {
    const { name, spec } = job.definition!;
    const { sweep, runIds } = await lab.handle('sweeps:start', { name, spec });
    io.err(`sweep "${sweep.name}": ${runIds.length} runs, ${Math.min(job.parallel, runIds.length)} at a time\n`);
    return [sweep.id];
  }
  const state = await lab.handle('session:open', { path: job.file });
  if (!state.sweeps.length) throw new UsageError(`${job.shown} holds no sweep to resume`);
  const open = state.sweeps.filter((s) => s.state !== 'done');
  if (!open.length) {
    io.out(`nothing to resume: every sweep in ${job.shown} is done\n`);
    return null;
  }
  for (const sweep of open) {
    const progress = lab.sweepProgress(sweep.id);
    const left = progress.total - progress.done - progress.failed;
    io.err(`resuming "${sweep.name}": ${left} of ${progress.total} runs left to train\n`);
    await lab.handle('sweeps:resume', { id: sweep.id });
  }
  return open.map((s) => s.id);
}

/** Ctrl+C: pause the sweeps (nothing new starts) and cancel their training runs; a resume trains those again. */
async function interrupt(lab: LabService, ids: string[]): Promise<void> {
  for (const id of ids) await lab.handle('sweeps:pause', { id });
  const busy = lab
    .state()
    .runs.filter((r) => r.sweep && ids.includes(r.sweep.id) && (r.status === 'training' || r.status === 'queued'));
  await lab.handle('runs:cancel', { ids: busy.map((r) => r.id) });
}

function report(lab: LabService, io: CliIo, ids: string[], file: string, interrupted: boolean): number {
  const totals = ids.map((id) => lab.sweepProgress(id));
  const sum = (key: 'done' | 'failed' | 'total') => totals.reduce((n, p) => n + p[key], 0);
  io.out(`saved ${sum('total')} runs (${sum('done')} done, ${sum('failed')} failed) to ${file}\n`);
  if (!interrupted) return 0;
  io.err(`rnn-lab: the sweep was stopped; resume with: rnn-lab sweep --resume ${file}\n`);
  return 130;
}

function existingFile(path: string): string {
  const target = resolve(path);
  if (!existsSync(target)) throw new UsageError(`--resume: ${path} does not exist`);
  if (statSync(target).isDirectory()) throw new UsageError(`--resume: ${path} is a folder, not a file`);
  return target;
}

function writableFile(path: string): string {
  const target = resolve(path);
  if (!existsSync(dirname(target)) || !statSync(dirname(target)).isDirectory())
    throw new UsageError(`--out: the folder ${dirname(path)} does not exist`);
  if (existsSync(target) && statSync(target).isDirectory())
    throw new UsageError(`--out: ${path} is a folder, not a file`);
  return target;
}
