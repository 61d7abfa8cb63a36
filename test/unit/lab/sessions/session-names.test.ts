import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../../electron/lab/dispatch.js';
import { errnoWords } from '../../../../electron/lab/sessions/errno-words.js';
import { LabService } from '../../../../electron/lab/lab-service.js';
import { serializeSession } from '../../../../electron/lab/sessions/session-file.js';
import { MAX_SESSION_NAME_BYTES } from '../../../../shared/limits.js';
import { fakeFactory, finishAfter } from '../fixtures/fake-workers.js';
import { smallConfig } from '../fixtures/fake-result.js';
import { sampleSession } from '../fixtures/sample-session.js';

/** A save can be made to fail the way a full or locked disk fails it: Node's error, path and errno code included. */
const diskFault = vi.hoisted(() => ({ code: null as string | null }));
vi.mock('../../../../electron/lab/sessions/atomic-write.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../../electron/lab/sessions/atomic-write.js')>();
  return {
    ...real,
    writeFileAtomic: async (path: string, data: string | Uint8Array) => {
      if (!diskFault.code) return real.writeFileAtomic(path, data);
      const err = new Error(`${diskFault.code}: failure, write '${path}.${process.pid}.tmp'`) as NodeJS.ErrnoException;
      err.code = diskFault.code;
      err.path = path;
      throw err;
    },
  };
});

let dir: string;
let outside: string;
let lab: LabService;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lab-names-'));
  outside = await mkdtemp(join(tmpdir(), 'lab-outside-'));
  lab = new LabService({
    workerFactory: fakeFactory(() => finishAfter(5)).factory,
    host: 'browser',
    paths: { kind: 'folder', dir },
  });
  await lab.handle('runs:add', { name: 'A', config: smallConfig(0) });
});
afterEach(async () => {
  diskFault.code = null;
  await lab.close();
  await rm(dir, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

/** The error a page would get for a call, after checking it is one line without a path, pid or errno code. */
async function refusal(channel: 'session:save' | 'session:open', path: string) {
  const reply = await dispatch(lab, channel, { path });
  if (reply.ok) throw new Error(`${channel} ${JSON.stringify(path)} was accepted`);
  const { message } = reply.error;
  expect(message).not.toContain(dir);
  expect(message).not.toContain(tmpdir());
  expect(message).not.toContain(String(process.pid));
  expect(message).not.toMatch(/\bE[A-Z]{2,}\b/);
  expect(message).not.toMatch(/[\r\n]/);
  return reply.error;
}

describe('session names in the sessions folder', () => {
  it('matches .rnnlab in any case: x.RNNLAB is saved as itself, listed and opened', async () => {
    const saved = await lab.handle('session:save', { path: 'x.RNNLAB' });
    expect(saved.session).toMatchObject({ path: 'x.RNNLAB', title: 'x.RNNLAB' });
    expect(await readdir(dir)).toEqual(['x.RNNLAB']);
    await writeFile(join(dir, 'other.RnnLab'), serializeSession(sampleSession()));
    expect((await lab.handle('session:list', {})).map((e) => e.name).sort()).toEqual(['other.RnnLab', 'x.RNNLAB']);
    expect((await lab.handle('session:open', { path: 'x.RNNLAB' })).runs.map((r) => r.name)).toEqual(['A']);
    // Saving again under its own title does not grow a second extension.
    await lab.handle('session:save', {});
    expect(await readdir(dir)).toEqual(['other.RnnLab', 'x.RNNLAB'].sort());
    expect((await lab.handle('session:serialize', {})).name).toBe('x.RNNLAB');
  });

  it('limits the file name in UTF-8 bytes, extension included', async () => {
    const fits = 'a'.repeat(MAX_SESSION_NAME_BYTES - '.rnnlab'.length);
    expect((await lab.handle('session:save', { path: fits })).session.path).toBe(`${fits}.rnnlab`);
    expect(await refusal('session:save', `${fits}b`)).toEqual({
      code: 'bad-request',
      message: 'name too long (201 bytes, limit 200)',
    });
    // 200 characters of two bytes each: fits a character count, not the file system's byte count.
    expect(await refusal('session:save', 'é'.repeat(200))).toEqual({
      code: 'bad-request',
      message: 'name too long (407 bytes, limit 200)',
    });
    expect(await refusal('session:open', '数'.repeat(70))).toEqual({
      code: 'bad-request',
      message: 'name too long (217 bytes, limit 200)',
    });
    expect(await readdir(dir)).toEqual([`${fits}.rnnlab`]);
  });

  it('refuses control characters (C0, DEL, C1), even at the ends, and bidirectional controls', async () => {
    const cases: [string, string][] = [
      ['two\nlines', 'name contains a control character (U+000A)'],
      ['trailing newline\n', 'name contains a control character (U+000A)'],
      ['nul\u0000byte', 'name contains a control character (U+0000)'],
      ['esc\u001b[2J', 'name contains a control character (U+001B)'],
      ['del\u007f', 'name contains a control character (U+007F)'],
      ['c1\u0085next', 'name contains a control character (U+0085)'],
      ['csi\u009b', 'name contains a control character (U+009B)'],
      ['invoice\u202Efdp.rnnlab', 'name contains a bidirectional-text control (U+202E)'],
      ['embed\u202A', 'name contains a bidirectional-text control (U+202A)'],
      ['isolate\u2066x\u2069', 'name contains a bidirectional-text control (U+2066)'],
      ['mark\u200F', 'name contains a bidirectional-text control (U+200F)'],
      ['mark\u200E', 'name contains a bidirectional-text control (U+200E)'],
    ];
    for (const [name, message] of cases) {
      expect(await refusal('session:save', name)).toEqual({ code: 'bad-request', message });
      expect(await refusal('session:open', name)).toEqual({ code: 'bad-request', message });
    }
    expect(await readdir(dir)).toEqual([]);
    // Ordinary non-ASCII names stay fine.
    expect((await lab.handle('session:save', { path: 'Versuch über Ziffern' })).session.path).toBe(
      'Versuch über Ziffern.rnnlab',
    );
  });

  it('does not list names it would refuse to open', async () => {
    await writeFile(join(dir, 'ok.rnnlab'), serializeSession(sampleSession()));
    await writeFile(join(dir, 'bad\nname.rnnlab'), serializeSession(sampleSession()));
    await writeFile(join(dir, `${'b'.repeat(201)}.rnnlab`), serializeSession(sampleSession()));
    await writeFile(join(dir, 'notes.txt'), 'not a session');
    expect((await lab.handle('session:list', {})).map((e) => e.name)).toEqual(['ok.rnnlab']);
  });
});

describe('links in the sessions folder', () => {
  it('neither lists nor opens a link, even to a valid session outside the folder', async () => {
    const target = join(outside, 'secret.rnnlab');
    await writeFile(target, serializeSession(sampleSession()));
    await symlink(target, join(dir, 'link.rnnlab'));
    await symlink(join(outside, 'missing.rnnlab'), join(dir, 'dangling.rnnlab'));
    await writeFile(join(dir, 'plain.rnnlab'), serializeSession(sampleSession()));
    expect((await lab.handle('session:list', {})).map((e) => e.name)).toEqual(['plain.rnnlab']);
    expect(await refusal('session:open', 'link.rnnlab')).toEqual({
      code: 'bad-file',
      message: 'link.rnnlab is a link; sessions must be plain files',
    });
    expect(await refusal('session:open', 'dangling')).toEqual({
      code: 'bad-file',
      message: 'dangling.rnnlab is a link; sessions must be plain files',
    });
    expect(lab.state().runs.map((r) => r.name)).toEqual(['A']);
  });

  it('refuses to save over a link and leaves both the link and its target as they were', async () => {
    const target = join(outside, 'precious.txt');
    await writeFile(target, 'do not touch');
    await symlink(target, join(dir, 'trap.rnnlab'));
    expect(await refusal('session:save', 'trap')).toEqual({
      code: 'bad-file',
      message: 'trap.rnnlab is a link; sessions must be plain files',
    });
    expect(await readFile(target, 'utf8')).toBe('do not touch');
    expect((await readdir(dir)).sort()).toEqual(['trap.rnnlab']);
    expect(lab.state().session.dirty).toBe(true);
  });

  it('refuses a folder where a session file should be', async () => {
    await lab.handle('session:save', { path: 'kept' });
    await mkdir(join(dir, 'folder.rnnlab'));
    expect(await refusal('session:save', 'folder')).toEqual({
      code: 'bad-file',
      message: 'folder.rnnlab is not a plain file',
    });
    expect(await refusal('session:open', 'folder')).toEqual({
      code: 'bad-file',
      message: 'folder.rnnlab is not a plain file',
    });
  });
});

describe('save failures in words', () => {
  it('says "disk full" or "permission denied" with the name only, never the path or errno', async () => {
    for (const [code, words] of [
      ['ENOSPC', 'disk full'],
      ['EACCES', 'permission denied'],
      ['EPERM', 'permission denied'],
      ['EROFS', 'read-only disk'],
      ['EDQUOT', 'disk quota exceeded'],
      ['EIO', 'the disk could not be read or written'],
    ] as const) {
      diskFault.code = code;
      expect(await refusal('session:save', 'full')).toEqual({
        code: 'internal',
        message: `cannot save full.rnnlab (${words})`,
      });
    }
    diskFault.code = null;
    expect(lab.state().session.dirty).toBe(true);
    expect((await lab.handle('session:save', { path: 'full' })).session).toMatchObject({
      path: 'full.rnnlab',
      dirty: false,
    });
  });

  it('says so when the sessions folder cannot be made (a file stands in its place)', async () => {
    const blocked = join(outside, 'not-a-folder');
    await writeFile(blocked, 'a file');
    const other = new LabService({
      workerFactory: fakeFactory(() => finishAfter(5)).factory,
      host: 'browser',
      paths: { kind: 'folder', dir: blocked },
    });
    try {
      await other.handle('runs:add', { name: 'B', config: smallConfig(1) });
      const save = await dispatch(other, 'session:save', { path: 'x' });
      expect(save).toEqual({
        ok: false,
        error: { code: 'internal', message: 'cannot save x.rnnlab (a file stands where a folder should be)' },
      });
      const list = await dispatch(other, 'session:list', {});
      expect(list).toEqual({
        ok: false,
        error: {
          code: 'internal',
          message: 'cannot read the sessions folder (a file stands where a folder should be)',
        },
      });
    } finally {
      await other.close();
    }
  });

  it('maps every errno it knows to words and anything else to a generic phrase', () => {
    const errno = (code: string) => Object.assign(new Error(`${code}: at /somewhere`), { code });
    expect(errnoWords(errno('ENOSPC'))).toBe('disk full');
    expect(errnoWords(errno('EACCES'))).toBe('permission denied');
    expect(errnoWords(errno('ENAMETOOLONG'))).toBe('name too long for the file system');
    expect(errnoWords(errno('EWHATEVER'))).toBe('file system error');
    expect(errnoWords(new Error('no code'))).toBe('file system error');
    expect(errnoWords(null)).toBe('file system error');
  });
});
