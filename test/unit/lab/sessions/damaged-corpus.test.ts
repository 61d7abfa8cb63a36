import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandRegistry } from '../../../../electron/cli/run-cli.js';
import { serializeSession } from '../../../../electron/lab/sessions/session-file.js';
import { runInProcess, type CliResult as Result } from '../../cli/in-process.js';
import { damagedCorpus, type DamagedFile } from '../fixtures/damaged-corpus.js';
import { extremeSessions, LONGEST_NAME } from '../fixtures/extreme-sessions.js';
import { trainedSession } from '../fixtures/trained-session.js';
import { SESSION_VERSION } from '../../../../shared/schemas/session.js';

/**
 * A generated corpus of damaged sessions: `rnn-lab validate` refuses each with
 * exit 2 and exactly one line (saying where the damage is), and `rnn-lab show`
 * on each exits 2 with the same line, never 1 or a stack trace. Valid sessions
 * at every limit are accepted and shown. Every file goes through the CLI's code
 * in-process; a sample (one of each kind) through the built CLI as a subprocess.
 */
const CLI = join(process.cwd(), 'out', 'node', 'cli.js');
const registry: CommandRegistry = {
  validate: () => import('../../../../electron/cli/commands/validate.js'),
  show: () => import('../../../../electron/cli/commands/show.js'),
};

const inProcess = (args: string[]) => runInProcess(args, registry);
function subprocess(args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: dir, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

let dir: string;
let corpus: (DamagedFile & { file: string })[];
beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build-node.mjs'], { stdio: 'inherit' });
  dir = await mkdtemp(join(tmpdir(), 'damaged-corpus-'));
  const damaged = damagedCorpus(await trainedSession());
  corpus = damaged.map((entry, i) => ({ ...entry, file: `${String(i).padStart(3, '0')}-${entry.kind}.rnnlab` }));
  await Promise.all(corpus.map((entry) => writeFile(join(dir, entry.file), entry.bytes)));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Refused: exit 2, nothing on stdout, one line naming the file (as given) and the damage. */
function expectRefused(r: Result, entry: DamagedFile, file: string) {
  expect(r.code, entry.label).toBe(2);
  expect(r.stdout, entry.label).toBe('');
  expect(r.stderr.split('\n'), entry.label).toEqual([expect.any(String), '']);
  expect(r.stderr.startsWith(`rnn-lab: ${file} ${entry.at}`), `${entry.label}: ${r.stderr}`).toBe(true);
}

describe('a generated corpus of damaged sessions', () => {
  it('holds at least 200 files of every kind of damage', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    const kinds = new Map<string, number>();
    for (const entry of corpus) kinds.set(entry.kind, (kinds.get(entry.kind) ?? 0) + 1);
    expect([...kinds.keys()].sort()).toEqual(['bom-garbage', 'limit', 'sense', 'shape', 'truncation', 'utf-8']);
    expect(kinds.get('sense')).toBeGreaterThanOrEqual(100);
  });

  it('validate refuses each with exit 2 and one line saying where; show exits 2 with the same line', async () => {
    for (const entry of corpus) {
      const path = join(dir, entry.file);
      const validate = await inProcess(['validate', path]);
      expectRefused(validate, entry, path);
      const show = await inProcess(['show', path]);
      expectRefused(show, entry, path);
      expect(show.stderr).toBe(validate.stderr);
    }
  });

  it('the built CLI does the same (one file of each kind, and the 300,000 predictions that once crashed show)', async () => {
    const sample = corpus.filter(
      (entry, i) => corpus.findIndex((e) => e.kind === entry.kind) === i || entry.label === '300,000 predictions',
    );
    expect(sample.length).toBe(7);
    for (const entry of sample) {
      expectRefused(await subprocess(['validate', entry.file]), entry, entry.file);
      const show = await subprocess(['show', entry.file]);
      expectRefused(show, entry, entry.file);
      expect(show.stderr).not.toMatch(/Maximum call stack|at .+\(.+:\d+:\d+\)/);
    }
  });
});

describe('valid sessions at every limit', () => {
  it('are accepted by validate and printed by show (in-process and built)', async () => {
    for (const { label, session } of extremeSessions(await trainedSession())) {
      const name = `${label.replace(/\W+/g, '-')}.rnnlab`;
      await writeFile(join(dir, name), serializeSession(session));
      for (const [run, file] of [
        [inProcess, join(dir, name)],
        [subprocess, name],
      ] as const) {
        const validate = await run(['validate', file]);
        expect(validate, label).toMatchObject({ code: 0, stderr: '' });
        expect(validate.stdout).toBe(
          `${file}: valid RNN Lab session (version ${SESSION_VERSION}, ${session.runs.length} runs, ${session.runs.filter((r) => r.status === 'done').length} trained)\n`,
        );
        const show = await run(['show', file]);
        expect(show.code, `${label}: ${show.stderr}`).toBe(0);
        expect(show.stderr).toBe('');
        // Every run is printed, each under its own heading.
        expect(show.stdout.split('\n').filter((line) => line.startsWith('== ')).length).toBe(session.runs.length);
        const json = await run(['show', file, '--json']);
        expect(json.code).toBe(0);
        expect((JSON.parse(json.stdout) as { runs: unknown[] }).runs).toHaveLength(session.runs.length);
      }
    }
  });

  it('show prints every one of 1000 predictions and the longest name and note', async () => {
    const [full] = extremeSessions(await trainedSession());
    const file = join(dir, 'full.rnnlab');
    await writeFile(file, serializeSession(full.session));
    const show = await inProcess(['show', file]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`== ${LONGEST_NAME} (t0) · done`);
    expect(show.stdout.split('\n').filter((line) => /^ {4}\[\d \d \d\]/.test(line))).toHaveLength(1000 + 10);
    expect(show.stdout).toContain('  Note: col a col b col c / col a col b col c / ');
  });
});
