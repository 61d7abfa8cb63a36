import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliCommand } from '../../../electron/cli/command.js';
import type { CommandRegistry } from '../../../electron/cli/run-cli.js';
import { serializeSession } from '../../../electron/lab/sessions/session-file.js';
import { escapeUnsafe } from '../../../shared/text-safety.js';
import type { Session } from '../../../shared/schemas/session.js';
import { trainedSession } from '../lab/fixtures/trained-session.js';
import { runInProcess } from './in-process.js';

/**
 * File-supplied text reaches the terminal escaped: a run name, note, error or
 * backend reason with ESC[2J (clear the screen), an OSC title sequence, a C1
 * CSI or a bidi override prints as `\u001b[2J`…, never as the raw characters.
 */
const CLEAR = '\u001b[2J';
const TITLE = '\u001b]0;pwned\u0007';
const C1 = '\u009b31m';
const RLO = '\u202e';
/** Any character a terminal would act on or reorder (newline aside). */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

const printer: CliCommand = {
  name: 'echo',
  usage: 'echo TEXT',
  summary: 'prints its argument',
  options: {},
  positionals: { min: 1, max: 1, names: 'TEXT' },
  async run({ positionals: [text] }, io) {
    io.out(`${text}\n`);
    return 0;
  },
};
const registry: CommandRegistry = {
  validate: () => import('../../../electron/cli/commands/validate.js'),
  show: () => import('../../../electron/cli/commands/show.js'),
  echo: async () => ({ command: printer }),
};
const cli = (args: string[]) => runInProcess(args, registry);

let dir: string;
let base: Session;
const file = (name: string) => join(dir, name);
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'print-escaped-'));
  base = await trainedSession();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('escapeUnsafe', () => {
  it('writes controls and bidi characters as \\uXXXX, keeping newlines unless asked for one line', () => {
    expect(escapeUnsafe(`a${CLEAR}b${TITLE}c${C1}d${RLO}e\tf\ng\u2066h`)).toBe(
      'a\\u001b[2Jb\\u001b]0;pwned\\u0007c\\u009b31md\\u202ee\\u0009f\ng\\u2066h',
    );
    expect(escapeUnsafe('one\ntwo\r', true)).toBe('one\\u000atwo\\u000d');
    expect(escapeUnsafe('plain text · ünïcödé ✓ 𝛼')).toBe('plain text · ünïcödé ✓ 𝛼');
  });

  it('keeps JSON valid and its values unchanged', () => {
    const value = { name: `x${C1}${RLO}y`, note: `a${CLEAR}\n` };
    expect(JSON.parse(escapeUnsafe(JSON.stringify(value, null, 2)))).toEqual(value);
  });
});

describe('every printer escapes what it prints', () => {
  it('stdout of any command goes through the escape', async () => {
    const r = await cli(['echo', `${CLEAR}${TITLE}${RLO}`]);
    expect(r).toEqual({ code: 0, stdout: '\\u001b[2J\\u001b]0;pwned\\u0007\\u202e\n', stderr: '' });
  });

  it('a run named with ESC[2J and an OSC title is refused, and the error line holds no escape', async () => {
    const session = structuredClone(base);
    session.runs[0].name = `Run ${CLEAR}${TITLE}`;
    await writeFile(file('evil-name.rnnlab'), serializeSession(session));
    for (const command of ['validate', 'show']) {
      const r = await cli([command, file('evil-name.rnnlab')]);
      expect(r).toEqual({
        code: 2,
        stdout: '',
        stderr: `rnn-lab: ${file('evil-name.rnnlab')} is not a valid session: $.runs.0.name: name holds a control character (U+001B)\n`,
      });
    }
  });

  it('error lines never quote a file’s text, and a file name they quote is escaped', async () => {
    await writeFile(
      file('format.rnnlab'),
      JSON.stringify({ ...JSON.parse(serializeSession(base)), format: `${C1}${RLO}` }),
    );
    const format = await cli(['validate', file('format.rnnlab')]);
    expect(format.stderr).toBe(
      `rnn-lab: ${file('format.rnnlab')} is not a valid session: $.format: expected "rnn-lab-session", received another text\n`,
    );
    const missing = await cli(['show', `x${TITLE}\n${CLEAR}.rnnlab`]);
    expect(missing).toEqual({
      code: 2,
      stdout: '',
      stderr: 'rnn-lab: x\\u001b]0;pwned\\u0007\\u000a\\u001b[2J.rnnlab does not exist\n',
    });
  });

  it('show prints errors, backend reasons and the app version from a valid file escaped, and --json keeps their values', async () => {
    const session = structuredClone(base);
    session.appVersion = `9${CLEAR}`;
    session.runs[0].backend = { name: `cpu${C1}`, reason: `because${TITLE}` };
    session.runs[1].status = 'failed';
    session.runs[1].error = `diverged ${RLO}gnp.exe${CLEAR}`;
    await writeFile(file('strings.rnnlab'), serializeSession(session));
    expect((await cli(['validate', file('strings.rnnlab')])).code).toBe(0);

    const text = await cli(['show', file('strings.rnnlab')]);
    expect(text.code).toBe(0);
    expect(text.stdout).not.toMatch(RAW);
    expect(text.stdout).toContain('by RNN Lab 9\\u001b[2J');
    expect(text.stdout).toContain('· cpu\\u009b31m (because\\u001b]0;pwned\\u0007) ==');
    expect(text.stdout).toContain('  Error: diverged \\u202egnp.exe\\u001b[2J');

    const json = await cli(['show', file('strings.rnnlab'), '--json']);
    expect(json.stdout).not.toMatch(RAW);
    const out = JSON.parse(json.stdout) as { runs: { backend: string; backendReason: string }[] };
    expect(out.runs[0]).toMatchObject({ backend: `cpu${C1}`, backendReason: `because${TITLE}` });
  });

  it('a note with tabs and newlines prints on one line', async () => {
    const session = structuredClone(base);
    session.runs[0].note = 'first\tcolumn\nsecond line';
    await writeFile(file('note.rnnlab'), serializeSession(session));
    const r = await cli(['show', file('note.rnnlab')]);
    expect(r.stdout).toContain('  Note: first column / second line\n');
  });
});
