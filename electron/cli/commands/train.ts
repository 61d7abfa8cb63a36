import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { PRESET_NAMES, PRESETS } from '../../../shared/presets.js';
import { escapeUnsafe } from '../../../shared/text-safety.js';
import { LabService } from '../../lab/lab-service.js';
import { threadWorkerFactory } from '../../lab/workers/thread-worker-factory.js';
import { numberOpt, stringOpt } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';
import { configFlagHelp, configFlagOptions } from '../config-flags.js';
import { ProgressView } from '../progress-view.js';
import { trainConfigs } from '../train-configs.js';

export const command: CliCommand = {
  name: 'train',
  usage: `train (--preset ${PRESET_NAMES.join('|')} | --embedding LIST) --out FILE [options]`,
  summary: 'train runs in parallel worker threads and save them as a session file',
  help: [
    "--preset NAME           a preset's runs; the single-value flags below override their recipe:",
    ...PRESET_NAMES.map(
      (name) => `  ${name.padEnd(21)} ${PRESETS[name].runs.length} runs. ${PRESETS[name].description}`,
    ),
    'Custom runs: every --embedding × every --cell × every --activation, each made by the seed rule (a',
    'sigmoid SimpleRNN is its own output, any other gets an output sigmoid; GRU, LSTM and more than 1 unit',
    'get the dense readout, GRU and LSTM tanh), with the flags below applied to every run.',
    ...configFlagHelp(),
    '--parallel N            runs trained at once (default: number of cores)',
    '--out FILE              the session file to write (.rnnlab)',
  ],
  options: {
    preset: { type: 'string' },
    ...configFlagOptions(),
    parallel: { type: 'string' },
    out: { type: 'string', short: 'o' },
  },
  positionals: { min: 0, max: 0, names: '' },
  async run({ values }, io) {
    const out = stringOpt(values, 'out');
    if (!out) throw new UsageError('train needs --out FILE');
    const target = resolve(out);
    if (!existsSync(dirname(target)) || !statSync(dirname(target)).isDirectory()) {
      throw new UsageError(`--out: the folder ${dirname(out)} does not exist`);
    }
    if (existsSync(target) && statSync(target).isDirectory())
      throw new UsageError(`--out: ${out} is a folder, not a file`);
    const configs = trainConfigs(values);
    const parallel = numberOpt(values, 'parallel', 'int') ?? availableParallelism();
    if (parallel < 1) throw new UsageError('--parallel: must be at least 1');

    const lab = new LabService({
      workerFactory: threadWorkerFactory(),
      host: 'cli',
      paths: { kind: 'absolute' },
      maxParallel: parallel,
    });
    for (const { name, config } of configs) await lab.handle('runs:add', { name, config });
    const view = new ProgressView(io);
    lab.subscribe((event, payload) => {
      if (event === 'run:progress') view.tick(payload.id, payload.progress);
      else if (event.startsWith('run:')) view.update(lab.state().runs);
    });
    let interrupted = false;
    const stop = io.onInterrupt(() => {
      if (interrupted) process.exit(130);
      interrupted = true;
      io.err('\nrnn-lab: cancelling (Ctrl+C again to quit without saving)\n');
      void lab.handle('runs:cancel', {});
    });
    io.err(
      `training ${configs.length} run${configs.length === 1 ? '' : 's'}, ${Math.min(parallel, configs.length)} at a time\n`,
    );
    view.update(lab.state().runs);
    const runs = await lab.handle('runs:train', {}).finally(stop);
    view.finish();
    await lab.handle('session:save', { path: target });

    const backends = [...new Set(runs.flatMap((r) => (r.backend ? [`${r.backend.name} (${r.backend.reason})`] : [])))];
    if (backends.length) io.err(`backend: ${backends.join(', ')}\n`);
    io.out(`saved ${runs.length} run${runs.length === 1 ? '' : 's'} to ${out}\n`);
    const failed = runs.filter((r) => r.status === 'failed');
    for (const run of failed)
      io.err(`rnn-lab: run "${run.name}" failed: ${escapeUnsafe(run.error ?? 'unknown reason', true)}\n`);
    if (interrupted) io.err('rnn-lab: training was cancelled; the partial runs were saved\n');
    return failed.length || interrupted ? 1 : 0;
  },
};
