import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../../electron/cli/command.js';
import { runCli } from '../../../../electron/cli/run-cli.js';
import { dispatch } from '../../../../electron/lab/dispatch.js';
import { LabService } from '../../../../electron/lab/lab-service.js';
import { parseSession, readSessionFile, serializeSession } from '../../../../electron/lab/sessions/session-file.js';
import type { Session } from '../../../../shared/schemas/session.js';
import { fakeFactory, finishAfter } from '../fixtures/fake-workers.js';
import { trainedSession } from '../fixtures/trained-session.js';

/** What Windows editors put first when they save UTF-8: U+FEFF, bytes EF BB BF. */
const BOM = '\uFEFF';

let dir: string;
let session: Session;
let text: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'session-bom-'));
  session = await trainedSession();
  text = serializeSession(session);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a session file that starts with a byte order mark', () => {
  it('parses to the same session as the file without it', () => {
    expect(parseSession(BOM + text, 'bom.rnnlab')).toEqual(session);
    expect(parseSession(BOM + text, 'bom.rnnlab')).toEqual(parseSession(text, 'plain.rnnlab'));
  });

  it('reads from disk (EF BB BF first) to the same session', async () => {
    const file = join(dir, 'bom.rnnlab');
    await writeFile(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    expect(await readSessionFile(file)).toEqual(session);
  });

  it('opens in the lab by name and from dropped text, with the same runs', async () => {
    await writeFile(join(dir, 'bom.rnnlab'), BOM + text, 'utf8');
    const lab = new LabService({
      workerFactory: fakeFactory(() => finishAfter(5)).factory,
      host: 'browser',
      paths: { kind: 'folder', dir },
    });
    try {
      const opened = await dispatch(lab, 'session:open', { path: 'bom.rnnlab' });
      expect(opened).toMatchObject({
        ok: true,
        result: { runs: session.runs, session: { path: 'bom.rnnlab', dirty: false } },
      });
      const dropped = await dispatch(lab, 'session:openText', { name: 'dropped.rnnlab', text: BOM + text });
      expect(dropped).toMatchObject({ ok: true, result: { runs: session.runs } });
    } finally {
      await lab.close();
    }
  });

  it('rnn-lab validate calls it valid (exit 0)', async () => {
    const file = join(dir, 'bom.rnnlab');
    await writeFile(file, BOM + text, 'utf8');
    let out = '';
    let err = '';
    const io: CliIo = {
      out: (t) => void (out += t),
      err: (t) => void (err += t),
      errIsTTY: false,
      columns: 80,
      onInterrupt: () => () => undefined,
    };
    const code = await runCli(['validate', file], io, {
      validate: () => import('../../../../electron/cli/commands/validate.js'),
    });
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toBe(`${file}: valid RNN Lab session (version ${session.version}, 3 runs, 2 trained)\n`);
  });

  it('only a leading one: a BOM inside the text is still refused', () => {
    expect(() => parseSession(`{${BOM}${text.slice(1)}`, 'inner.rnnlab')).toThrow(
      /^inner\.rnnlab is not a valid session: it is not JSON/,
    );
  });
});
