import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinNegativeValues } from '../../../electron/cli/args.js';
import type { CommandRegistry } from '../../../electron/cli/run-cli.js';
import { runInProcess } from './in-process.js';

/**
 * `--lr -1` is a value, not a missing one: every numeric flag reads a negative
 * number and its range check refuses it with one line naming the flag and bound.
 */
const registry: CommandRegistry = {
  train: () => import('../../../electron/cli/commands/train.js'),
  lengths: () => import('../../../electron/cli/commands/lengths.js'),
  export: () => import('../../../electron/cli/commands/export.js'),
  trace: () => import('../../../electron/cli/commands/trace.js'),
};
const cli = (args: string[]) => runInProcess(args, registry);

describe('negative numbers as flag values', () => {
  it('joins a negative number to the string option before it, and nothing else', () => {
    const options = {
      lr: { type: 'string' as const },
      out: { type: 'string' as const, short: 'o' },
      json: { type: 'boolean' as const },
    };
    expect(joinNegativeValues(['--lr', '-1', '-o', '-2.5', '--json', '-3', '--', '--lr', '-4'], options)).toEqual([
      '--lr=-1',
      '--out=-2.5',
      '--json',
      '-3',
      '--',
      '--lr',
      '-4',
    ]);
    expect(joinNegativeValues(['--lr', '-x', '--lr', '--out', '--lr', '-.5'], options)).toEqual([
      '--lr',
      '-x',
      '--lr',
      '--out',
      '--lr=-.5',
    ]);
  });

  // Refused before anything trains or is written.
  const train = (...flags: string[]) => [
    'train',
    '--preset',
    'seed',
    ...flags,
    '--out',
    join(tmpdir(), 'never-written.rnnlab'),
  ];
  it.each([
    [train('--lr', '-1'), '--lr: -1 is out of range (must be greater than 0)'],
    [train('--lr', '-0.5'), '--lr: -0.5 is out of range (must be greater than 0)'],
    [train('--lr', '0'), '--lr: 0 is out of range (must be greater than 0)'],
    [train('--epochs', '-1'), '--epochs: -1 is out of range (must be at least 1)'],
    [train('--batch', '-8'), '--batch: -8 is out of range (must be at least 1)'],
    [train('--samples', '-200'), '--samples: -200 is out of range (must be at least 20)'],
    [train('--seed', '-1'), '--seed: -1 is out of range (must be at least 0)'],
    [train('--units', '-2'), '--units: -2 is out of range (must be at least 1)'],
    [train('--snapshot-every', '-1'), '--snapshot-every: -1 is out of range (must be at least 0)'],
    [train('--parallel', '-1'), '--parallel: must be at least 1'],
    [['train', '--embedding', '-1,4', '--out', 'x.rnnlab'], '--embedding: -1 is out of range (must be at least 1)'],
    [['lengths', 'x.rnnlab', '--max', '-5'], '--max: expected 1 to 500'],
    [['lengths', 'x.rnnlab', '--per-length', '-2'], '--per-length: expected an even number from 2 to 100000'],
    [['lengths', 'x.rnnlab', '--seed', '-1'], '--seed: expected 0 to 2147483647'],
    [
      ['export', 'x.rnnlab', '--chart', 'curves', '--run', 'all', '--out', 'a.svg', '--width', '-640'],
      '--width/--height: expected 100 to 4000',
    ],
    [
      ['export', 'x.rnnlab', '--chart', 'lengths', '--run', 'all', '--out', 'a.svg', '--max', '-1'],
      '--max: expected 1 to 500',
    ],
  ])('%j', async (args, message) => {
    expect(await cli(args)).toEqual({ code: 2, stdout: '', stderr: `rnn-lab: ${message}\n` });
  });

  it('a flag with no value at all still says so', async () => {
    expect((await cli(train('--lr'))).stderr).toBe("rnn-lab: train: option '--lr' needs a value\n");
  });
});
