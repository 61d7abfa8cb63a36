import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../../electron/cli/command.js';
import { runCli } from '../../../../electron/cli/run-cli.js';
import { parseSession, readSessionFile, serializeSession } from '../../../../electron/lab/sessions/session-file.js';
import type { Session } from '../../../../shared/schemas/session.js';
import { trainedSession } from '../fixtures/trained-session.js';

let dir: string;
let valid: Session;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'prediction-digits-'));
  valid = await trainedSession();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * The session with run `r`'s prediction `p` given `input`. Its label follows the task's rule
 * (does the input hold the target digit?), so the digit is the only thing wrong with it.
 */
function withInput(r: number, p: number, input: number[]): string {
  const session = structuredClone(valid);
  const run = session.runs[r];
  run.predictions[p] = { ...run.predictions[p], input, label: input.includes(run.config.task.targetDigit) ? 1 : 0 };
  return serializeSession(session);
}

const refusal = (text: string): string => {
  try {
    parseSession(text, 'digits.rnnlab');
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('the session was accepted');
};

/** The JSON path of the prediction's input (a digit index after it may say which digit). */
const atInput = (r: number, p: number) =>
  new RegExp(
    `^digits\\.rnnlab is not a valid session: \\$\\.runs\\.${r}\\.predictions\\.${p}\\.input(\\.\\d+)?: .*vocabulary`,
  );

describe('a prediction whose input holds a digit outside the vocabulary', () => {
  it('the fixture is a valid session with 10-digit vocabularies and 3-digit predictions', () => {
    expect(parseSession(serializeSession(valid), 'digits.rnnlab')).toEqual(valid);
    expect(
      valid.runs
        .slice(0, 2)
        .map((r) => [r.config.task.vocabularySize, r.config.task.sequenceLength, r.predictions.length]),
    ).toEqual([
      [10, 3, 10],
      [10, 3, 10],
    ]);
  });

  it('is refused when the digit equals the vocabulary size (the first digit too many), naming the path', () => {
    const message = refusal(withInput(0, 2, [4, 10, 2]));
    expect(message).toMatch(atInput(0, 2));
    expect(message).toContain('10');
    expect(message).not.toMatch(/\n/);
  });

  it('is refused far beyond the vocabulary too, in any run and row', () => {
    expect(refusal(withInput(1, 7, [99, 1, 2]))).toMatch(atInput(1, 7));
    expect(refusal(withInput(0, 0, [0, 1, 11]))).toMatch(atInput(0, 0));
  });

  it('the largest digit of the vocabulary is accepted', () => {
    const session = parseSession(withInput(0, 2, [9, 9, 4]), 'digits.rnnlab');
    expect(session.runs[0].predictions[2].input).toEqual([9, 9, 4]);
  });

  it('is refused from disk and by rnn-lab validate with one line (exit 2)', async () => {
    const file = join(dir, 'digits.rnnlab');
    await writeFile(file, withInput(0, 5, [1, 10, 3]), 'utf8');
    await expect(readSessionFile(file)).rejects.toThrow(atInput(0, 5));
    let err = '';
    const io: CliIo = {
      out: () => undefined,
      err: (t) => void (err += t),
      errIsTTY: false,
      columns: 80,
      onInterrupt: () => () => undefined,
    };
    const code = await runCli(['validate', file], io, {
      validate: () => import('../../../../electron/cli/commands/validate.js'),
    });
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/\$\.runs\.0\.predictions\.5\.input(\.\d+)?: .*vocabulary/);
  });
});
