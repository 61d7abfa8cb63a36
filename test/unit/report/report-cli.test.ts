import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandRegistry } from '../../../electron/cli/run-cli.js';
import { makeSession, serializeSession } from '../../../electron/lab/sessions/session-file.js';
import { emptyView } from '../../../shared/schemas/session.js';
import { trainedSeedRun } from '../analysis/trained-fixtures.js';
import { runInProcess } from '../cli/in-process.js';

const registry: CommandRegistry = { report: () => import('../../../electron/cli/commands/report.js') };
const report = (...args: string[]) => runInProcess(['report', ...args], registry);
const dir = mkdtempSync(join(tmpdir(), 'rnn-lab-report-'));
const session = join(dir, 'seed.rnnlab');
const at = (name: string) => join(dir, name);

beforeAll(() => {
  // The page script the report inlines is built beside the CLI (out/report).
  execFileSync(process.execPath, ['scripts/build-node.mjs'], { stdio: 'inherit' });
  const runs = [trainedSeedRun('linear10', 'a'), trainedSeedRun('sigmoid1', 'b')];
  writeFileSync(session, serializeSession(makeSession({ runs, view: emptyView() })));
  writeFileSync(at('damaged.rnnlab'), serializeSession(makeSession({ runs, view: emptyView() })).slice(0, 2000));
});

describe('rnn-lab report', () => {
  it('writes one HTML file of the chosen runs', async () => {
    const r = await report(session, '--runs', 'Embedding 1 · sigmoid RNN', '--theme', 'print', '--out', at('one.html'));
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^.*one\.html \(HTML report, \d+ bytes\)\n$/);
    const html = readFileSync(at('one.html'), 'utf8');
    expect(html).toContain('Embedding 1 · sigmoid RNN');
    expect(html).not.toContain('id="run-a"');
    // The print theme shows every chart's numbers.
    expect(html).toContain('<details class="numbers" open>');
  });

  it.each([
    [['--runs', 'nope'], 'rnn-lab: no run named "nope" (runs: "Embedding 10 · linear", "Embedding 1 · sigmoid RNN")\n'],
    [['--sweep', 'grid'], 'rnn-lab: no sweep named "grid" (sweeps: none)\n'],
    [['--theme', 'neon'], 'rnn-lab: --theme: expected light|dark|print, got "neon"\n'],
    [['--runs', 'a', '--sweep', 'b'], 'rnn-lab: --runs and --sweep: pick one\n'],
  ])('%j: one line, exit 2, and the old file left as it was', async (args, line) => {
    writeFileSync(at('kept.html'), 'old');
    const r = await report(session, ...args, '--out', at('kept.html'));
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', line]);
    expect(readFileSync(at('kept.html'), 'utf8')).toBe('old');
  });

  it('refuses a damaged session with one line and leaves no file, not even a temporary one', async () => {
    const before = readdirSync(dir);
    const r = await report(at('damaged.rnnlab'), '--out', at('damaged.html'));
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toEqual([
      expect.stringMatching(/^rnn-lab: \S*damaged\.rnnlab is not a valid session: /),
      '',
    ]);
    expect(readdirSync(dir)).toEqual(before);
  });

  it('needs --out, in a folder that exists', async () => {
    expect(await report(session)).toEqual({ code: 2, stdout: '', stderr: 'rnn-lab: --out PATH is required\n' });
    const r = await report(session, '--out', 'no/such/dir/r.html');
    expect([r.code, r.stderr]).toEqual([2, 'rnn-lab: --out: the folder no/such/dir does not exist\n']);
  });
});
