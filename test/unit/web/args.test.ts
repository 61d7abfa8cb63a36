import { describe, expect, it } from 'vitest';
import { parseWebArgs } from '../../../electron/web/args.js';
import { defaultDataDir, defaultSessionsDir } from '../../../electron/web/data-dir.js';
import { legacyRecoveryFileIn, recoveryDirIn } from '../../../electron/lab/recovery/recovery-paths.js';

describe('browser-mode flags', () => {
  it('defaults to a random loopback port and opening the page', () => {
    const args = parseWebArgs([]);
    expect(args).toMatchObject({ host: '127.0.0.1', port: 0, open: true });
  });

  it('reads every flag', () => {
    const args = parseWebArgs([
      '--port',
      '8123',
      '--host',
      'localhost',
      '--sessions',
      '/tmp/s',
      '--data',
      '/tmp/d',
      '--no-open',
    ]);
    expect(args).toMatchObject({
      host: 'localhost',
      port: 8123,
      sessionsDir: '/tmp/s',
      dataDir: '/tmp/d',
      open: false,
    });
  });

  it('keeps sessions inside the data folder unless --sessions says otherwise', () => {
    expect(parseWebArgs(['--data', '/tmp/d'])).toMatchObject({ dataDir: '/tmp/d', sessionsDir: '/tmp/d/sessions' });
    expect(parseWebArgs([]).sessionsDir).toBe(defaultSessionsDir());
    expect(() => parseWebArgs(['--data'])).toThrow('--data needs a value');
  });

  it('refuses a public host, a bad port and unknown flags with one sentence', () => {
    expect(() => parseWebArgs(['--host', '0.0.0.0'])).toThrow('--host must be a loopback address');
    expect(() => parseWebArgs(['--port', '70000'])).toThrow('--port must be a whole number');
    expect(() => parseWebArgs(['--port', '-1'])).toThrow('--port');
    expect(() => parseWebArgs(['--port'])).toThrow('--port needs a value');
    expect(() => parseWebArgs(['--bogus'])).toThrow('unknown option "--bogus"');
  });

  it('puts sessions in the platform’s user data directory', () => {
    expect(defaultSessionsDir('linux', {}, '/home/u')).toBe('/home/u/.local/share/rnn-lab/sessions');
    expect(defaultSessionsDir('linux', { XDG_DATA_HOME: '/data' }, '/home/u')).toBe('/data/rnn-lab/sessions');
    expect(defaultSessionsDir('linux', { XDG_DATA_HOME: 'relative' }, '/home/u')).toBe(
      '/home/u/.local/share/rnn-lab/sessions',
    );
    expect(defaultSessionsDir('darwin', {}, '/Users/u')).toBe('/Users/u/Library/Application Support/RNN Lab/sessions');
    expect(defaultSessionsDir('win32', { APPDATA: 'C:\\AppData' }, 'C:\\Users\\u')).toContain('RNN Lab');
    expect(recoveryDirIn(defaultDataDir('linux', {}, '/home/u'))).toBe('/home/u/.local/share/rnn-lab/recovery');
    expect(legacyRecoveryFileIn(defaultDataDir('linux', {}, '/home/u'))).toBe(
      '/home/u/.local/share/rnn-lab/recovery.rnnlab',
    );
  });
});
