import { describe, expect, it } from 'vitest';
import { UsageError, type CliIo } from '../../../electron/cli/command.js';
import { ProgressView } from '../../../electron/cli/progress-view.js';
import { trainConfigs } from '../../../electron/cli/train-configs.js';
import { SEED_PRESET } from '../../../shared/presets.js';
import type { Run } from '../../../shared/schemas/run.js';
import { smallConfig } from '../lab/fixtures/fake-result.js';

describe('train configs from flags', () => {
  it('--preset seed gives the four seed runs with overrides applied', () => {
    const runs = trainConfigs({ preset: 'seed', samples: '2000', epochs: '2', engine: 'reference' });
    expect(runs.map((r) => r.name)).toEqual(SEED_PRESET.map((p) => p.name));
    expect(
      runs.every(
        (r) =>
          r.config.task.samples === 2000 && r.config.training.epochs === 2 && r.config.training.engine === 'reference',
      ),
    ).toBe(true);
    expect(runs.map((r) => r.config.training.learningRate)).toEqual([0.02, 0.02, 0.02, 0.03]);
  });

  it('--embedding × --activation is a cross product in flag order', () => {
    const runs = trainConfigs({ embedding: '3,1', activation: 'tanh,sigmoid', lr: '0.05', seed: '7' });
    expect(
      runs.map((r) => [r.config.model.embeddingDim, r.config.model.rnnActivation, r.config.model.outputActivation]),
    ).toEqual([
      [3, 'tanh', 'sigmoid'],
      [3, 'sigmoid', 'none'],
      [1, 'tanh', 'sigmoid'],
      [1, 'sigmoid', 'none'],
    ]);
    expect(runs.every((r) => r.config.training.learningRate === 0.05 && r.config.training.seed === 7)).toBe(true);
  });

  it("--units sets the RNN units of every run; more than 1 gets the dense readout, 1 keeps the seed's", () => {
    const runs = trainConfigs({ embedding: '2,1', units: '3' });
    expect(runs.map((r) => [r.config.model.rnnUnits, r.config.model.readout])).toEqual([
      [3, 'dense'],
      [3, 'dense'],
    ]);
    expect(trainConfigs({ embedding: '2' })[0].config.model).toMatchObject({ rnnUnits: 1, readout: 'activation' });
    // A sigmoid RNN with 3 units is no longer its own output: the dense readout reads it, at Adam 0.02.
    const [sigmoid] = trainConfigs({ embedding: '2', activation: 'sigmoid', units: '3' });
    expect(sigmoid.name).toBe('Embedding 2 · sigmoid');
    expect([sigmoid.config.model.readout, sigmoid.config.training.learningRate]).toEqual(['dense', 0.02]);
  });

  it.each([
    [{}, 'train needs --preset seed|long|cells or --embedding LIST (e.g. --embedding 10,4,1)'],
    [{ embedding: '2', units: '0' }, '--units: 0 is out of range (must be at least 1)'],
    [
      { embedding: '2', units: '2', readout: 'activation' },
      '--readout: more than 1 unit needs the dense readout (the activation readout reads exactly 1 unit)',
    ],
    [{ preset: 'seed', embedding: '4' }, '--preset cannot be combined with --embedding, --cell or --activation'],
    [{ preset: 'cells', cell: 'gru' }, '--preset cannot be combined with --embedding, --cell or --activation'],
    [{ preset: 'wide' }, '--preset: unknown preset "wide" (presets: seed, long, cells)'],
    [{ embedding: '4,,2' }, '--embedding: expected a comma-separated list, got "4,,2"'],
    [{ embedding: '65' }, '--embedding: 65 is out of range (must be at most 64)'],
    [{ embedding: '4', lr: '0' }, '--lr: 0 is out of range'],
    [{ embedding: '4', lr: 'fast' }, '--lr: expected a number, got "fast"'],
    [{ embedding: '4', samples: '100', batch: '200' }, '--batch: batch size is larger than the training set'],
    [{ embedding: '4', epochs: '2.5' }, '--epochs: expected a whole number, got "2.5"'],
  ])('%j → UsageError', (values, message) => {
    expect(() => trainConfigs(values)).toThrow(UsageError);
    expect(() => trainConfigs(values)).toThrow(message);
  });
});

describe('progress view', () => {
  const io = (tty: boolean) => {
    const lines: string[] = [];
    const sink: CliIo = {
      out: () => undefined,
      err: (t) => lines.push(t),
      errIsTTY: tty,
      columns: 100,
      onInterrupt: () => () => undefined,
    };
    return { sink, lines };
  };
  const run = (status: Run['status'], epochs: number): Run => ({
    id: 'r1',
    name: 'Run',
    config: smallConfig(0),
    status,
    note: '',
    batchLoss: [],
    predictions: [],
    snapshots: [],
    history: Array.from({ length: epochs }, (_, i) => ({
      epoch: i + 1,
      loss: 0.5,
      acc: 0.8,
      valLoss: 0.4,
      valAcc: 0.9,
    })),
  });

  it('prints one plain line per new epoch and one per finished run when not a terminal', () => {
    const { sink, lines } = io(false);
    const view = new ProgressView(sink);
    view.update([run('training', 1)]);
    view.update([run('training', 1)]);
    view.update([run('done', 4)]);
    view.update([run('done', 4)]);
    expect(lines).toEqual([
      'Run: epoch 1/4  loss 0.5000  acc 0.8000  val_loss 0.4000  val_acc 0.9000\n',
      ...[2, 3, 4].map((e) => `Run: epoch ${e}/4  loss 0.5000  acc 0.8000  val_loss 0.4000  val_acc 0.9000\n`),
      'Run: done\n',
    ]);
  });

  it('redraws bars in place on a terminal', () => {
    const { sink, lines } = io(true);
    const view = new ProgressView(sink);
    view.update([run('training', 0)]);
    view.finish();
    expect(lines[0]).toMatch(/^\x1b\[2KRun +\[-+\] +0% training/);
    expect(lines[1].startsWith('\x1b[1A\x1b[2K')).toBe(true);
  });
});
