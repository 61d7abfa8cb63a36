import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandRegistry } from '../../../electron/cli/run-cli.js';
import { makeSession, serializeSession } from '../../../electron/lab/sessions/session-file.js';
import { showOutputSchema } from '../../../shared/schemas/session-export.js';
import { emptyView } from '../../../shared/schemas/session.js';
import type { Run } from '../../../shared/schemas/run.js';
import { runInProcess } from '../cli/in-process.js';
import { trainedRun } from './trained-runs.js';

const registry: CommandRegistry = { show: () => import('../../../electron/cli/commands/show.js') };
const show = (...args: string[]) => runInProcess(['show', ...args], registry);
const file = join(mkdtempSync(join(tmpdir(), 'rnn-lab-health-')), 'health.rnnlab');

beforeAll(async () => {
  const runs: Run[] = [];
  for (const which of ['good', 'deadRelu', 'sigmoidSigmoid', 'diverging'] as const) runs.push(await trainedRun(which));
  const view = { ...emptyView(), order: runs.map((r) => r.id), layout: 'columns' as const, hiddenInOverlay: [] };
  writeFileSync(file, serializeSession(makeSession({ runs, view })));
});

describe('rnn-lab show: each run’s health and baseline', () => {
  it('prints the verdict with its reason and the baseline in every run’s section, and a Health column', async () => {
    const r = await show(file);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const section = (name: string) => r.stdout.split('\n== ').find((s) => s.startsWith(`${name} (`)) ?? '';
    expect(section('good')).toContain('  Health: Learned: val accuracy 1.00: at or above the threshold 0.99');
    expect(section('deadRelu')).toContain(
      '  Health: Did not learn: predicts 0.50 for every input: all hidden states are 0 — a dead ReLU',
    );
    expect(section('sigmoidSigmoid')).toContain(
      '  Health: Did not learn: val accuracy 0.24, below the majority-class baseline 0.76',
    );
    expect(section('diverging')).toContain(
      '  Health: Diverged: the loss or the weights became NaN or infinite during epoch 1',
    );
    expect(section('good')).toContain(
      '  Baseline: 0.7575 (always answering the majority class of the 400 validation rows)',
    );
    const summary = r.stdout.split('\n\n')[1].split('\n');
    expect(summary[1]).toMatch(/baseline +Seconds +Health$/);
    expect(summary.find((l) => l.includes('deadRelu'))).toMatch(/0\.7575 +[0-9.]+ +Did not learn$/);
    expect(summary.find((l) => l.includes('diverging'))).toMatch(/Diverged$/);
  });

  it('--json: health { verdict, reason } and baseline per run, in the checked contract', async () => {
    const r = await show(file, '--json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const out = showOutputSchema.parse(JSON.parse(r.stdout));
    expect(out.runs.map((run) => [run.name, run.health?.verdict, run.baseline])).toEqual([
      ['good', 'learned', 0.7575],
      ['deadRelu', 'did-not-learn', 0.7575],
      ['sigmoidSigmoid', 'did-not-learn', 0.7575],
      ['diverging', 'diverged', expect.any(Number)],
    ]);
    expect(out.runs[1].health?.reason).toBe('predicts 0.50 for every input: all hidden states are 0 — a dead ReLU');
  });
});
