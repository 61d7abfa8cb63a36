import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trainConfigs } from '../../../electron/cli/train-configs.js';
import { CELLS_PRESET, LONG_PRESET } from '../../../shared/presets.js';
import { runConfigSchema } from '../../../shared/schemas/run-config.js';
import { runInProcess } from './in-process.js';

const registry = { train: () => import('../../../electron/cli/commands/train.js') };
/** `rnn-lab train ARGS` through the real runner; every case here stops before any training starts. */
const train = (args: string[]) =>
  runInProcess(['train', ...args, '--out', join(tmpdir(), 'never-written.rnnlab')], registry);
const model = (values: Record<string, string>) => trainConfigs(values).map((r) => [r.name, r.config.model] as const);

describe('rnn-lab train: cells, readouts and tasks', () => {
  it('--cell multiplies with --embedding and --activation, in that order', () => {
    const runs = trainConfigs({ embedding: '4,2', cell: 'simple,gru,lstm', activation: 'tanh,linear' });
    expect(runs.map((r) => r.name)).toEqual(
      [4, 2].flatMap((e) =>
        ['', ' · GRU', ' · LSTM'].flatMap((cell) => ['tanh', 'linear'].map((a) => `Embedding ${e}${cell} · ${a}`)),
      ),
    );
    expect(runs.map((r) => r.config.model.readout)).toEqual(
      Array(2).fill(['activation', 'activation', 'dense', 'dense', 'dense', 'dense']).flat(),
    );
  });

  it('a GRU or LSTM left to the seed rule gets tanh and the dense readout; a flag given wins', () => {
    expect(model({ embedding: '4', cell: 'gru,lstm' })).toEqual([
      ['Embedding 4 · GRU · tanh', expect.objectContaining({ cell: 'gru', rnnActivation: 'tanh', readout: 'dense' })],
      ['Embedding 4 · LSTM · tanh', expect.objectContaining({ cell: 'lstm', rnnActivation: 'tanh', readout: 'dense' })],
    ]);
    const [relu] = model({ embedding: '4', cell: 'lstm', activation: 'relu', units: '3' });
    expect(relu).toEqual([
      'Embedding 4 · LSTM · relu',
      expect.objectContaining({ rnnActivation: 'relu', rnnUnits: 3 }),
    ]);
    // The SimpleRNN keeps the seed's defaults.
    expect(model({ embedding: '4', cell: 'simple' })).toEqual(model({ embedding: '4' }));
    expect(model({ embedding: '4' })[0][1]).toMatchObject({ rnnActivation: 'linear', readout: 'activation' });
  });

  it('the task flags make the task: order at length 12 over 5 digits, balanced', () => {
    const [run] = trainConfigs({
      embedding: '4',
      cell: 'gru',
      task: 'order',
      target: '1',
      other: '3',
      length: '12',
      vocab: '5',
      balanced: true,
    });
    expect(run.config.task).toMatchObject({
      kind: 'order',
      targetDigit: 1,
      otherDigit: 3,
      sequenceLength: 12,
      vocabularySize: 5,
      balanced: true,
    });
  });

  it('--balanced takes no value: given bare it is on, left out it is off', async () => {
    const probe = (args: string[]) =>
      trainConfigs({ embedding: '4', ...Object.fromEntries(args.map((a) => [a, true])) });
    expect(probe(['balanced'])[0].config.task.balanced).toBe(true);
    expect(probe([])[0].config.task.balanced).toBe(false);
    const withValue = await train(['--embedding', '4', '--balanced=yes']);
    expect(withValue.code).toBe(2);
    expect(withValue.stderr).toMatch(/^rnn-lab: train: option '--balanced' does not take an argument\n$/);
  });

  it.each([
    [
      ['--embedding', '4', '--cell', 'gru', '--readout', 'activation'],
      '--readout: GRU and LSTM cells need the dense readout',
    ],
    [['--embedding', '4', '--cell', 'simple,rnn'], '--cell: unknown cell "rnn" (use simple, gru, lstm)'],
    [
      ['--embedding', '4', '--task', 'sorting'],
      '--task: unknown task "sorting" (use contains, parity, order, same-ends)',
    ],
    [['--embedding', '4', '--readout', 'mean'], '--readout: unknown readout "mean" (use activation or dense)'],
    [['--embedding', '4', '--length', '61'], '--length: 61 is out of range (must be at most 60)'],
    [['--embedding', '4', '--length', '0'], '--length: 0 is out of range (must be at least 1)'],
    [['--embedding', '4', '--vocab', '1'], '--vocab: 1 is out of range (must be at least 2)'],
    [['--embedding', '4', '--target', '10'], '--target: target digit must be smaller than the vocabulary size'],
    [['--embedding', '4', '--target', 'x'], '--target: expected a whole number, got "x"'],
    [['--embedding', '4', '--task', 'order', '--other', '4'], '--other: the order task needs two different digits'],
    [['--embedding', '4', '--task', 'same-ends', '--length', '1'], '--length: same-ends needs sequences of at least 2'],
    [
      ['--embedding', '4', '--validation-split', '0.9'],
      '--validation-split: 0.9 is out of range (must be at most 0.5)',
    ],
    [
      ['--embedding', '4', '--task', 'order', '--length', '1', '--balanced'],
      '--length: balanced order data needs sequences of at least 2 digits (no shorter row is positive)',
    ],
    [['--preset', 'cells', '--readout', 'activation'], '--readout: GRU and LSTM cells need the dense readout'],
  ])('%j → exit 2 with one line', async (args, message) => {
    const result = await train(args);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).toContain(message);
  });
});

describe('rnn-lab train --preset long | cells', () => {
  it('gives the preset runs, each a valid config, with the single-value flags applied', () => {
    const long = trainConfigs({ preset: 'long' });
    expect(long).toEqual(LONG_PRESET.map((r) => ({ name: r.name, config: runConfigSchema.parse(r.config) })));
    const cells = trainConfigs({ preset: 'cells', samples: '500', epochs: '1' });
    expect(cells.map((r) => r.name)).toEqual(CELLS_PRESET.map((r) => r.name));
    expect(cells.map((r) => [r.config.task.samples, r.config.training.epochs])).toEqual(Array(8).fill([500, 1]));
    expect(cells.map((r) => r.config.task.kind)).toEqual(CELLS_PRESET.map((r) => r.config.task.kind));
  });
});
