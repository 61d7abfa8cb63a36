import { describe, expect, it } from 'vitest';
import {
  allowedHosts,
  hostAllowed,
  isLoopbackHost,
  originAllowed,
  readCookie,
  tokenMatches,
} from '../../../electron/web/guards.js';
import { contentSecurityPolicy } from '../../../electron/page/csp.js';
import { readStaticFile } from '../../../electron/page/static-files.js';
import { makeStaticDir } from './helpers.js';

describe('browser-mode guards', () => {
  const hosts = allowedHosts('127.0.0.1', 4321);

  it('accepts only this server’s host names and port', () => {
    expect(hostAllowed('127.0.0.1:4321', hosts)).toBe(true);
    expect(hostAllowed('localhost:4321', hosts)).toBe(true);
    expect(hostAllowed('LOCALHOST:4321', hosts)).toBe(true);
    expect(hostAllowed('evil.example:4321', hosts)).toBe(false);
    expect(hostAllowed('127.0.0.1:80', hosts)).toBe(false);
    expect(hostAllowed(undefined, hosts)).toBe(false);
  });

  it('requires the origin to be the page’s own http origin', () => {
    expect(originAllowed('http://127.0.0.1:4321', '127.0.0.1:4321', hosts)).toBe(true);
    expect(originAllowed('http://localhost:4321', '127.0.0.1:4321', hosts)).toBe(false);
    expect(originAllowed('http://evil.example', '127.0.0.1:4321', hosts)).toBe(false);
    expect(originAllowed('null', '127.0.0.1:4321', hosts)).toBe(false);
    expect(originAllowed(undefined, '127.0.0.1:4321', hosts)).toBe(false);
    expect(originAllowed('http://evil.example:4321', 'evil.example:4321', hosts)).toBe(false);
  });

  it('compares tokens exactly', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abd', 'abc')).toBe(false);
    expect(tokenMatches('ab', 'abc')).toBe(false);
    expect(tokenMatches(null, 'abc')).toBe(false);
  });

  it('reads one cookie among several', () => {
    expect(readCookie('a=1; rnnlab_token_9=xyz; b=2', 'rnnlab_token_9')).toBe('xyz');
    expect(readCookie('a=1', 'rnnlab_token_9')).toBeNull();
    expect(readCookie(undefined, 'x')).toBeNull();
  });

  it('treats only 127.x and localhost as loopback', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
    expect(isLoopbackHost('192.168.1.2')).toBe(false);
  });

  it('builds a CSP without remote sources', () => {
    const csp = contentSecurityPolicy(['ws://127.0.0.1:4321']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:4321");
    expect(csp).not.toMatch(/https?:|\*/);
  });

  it('never serves a file outside the static folder', async () => {
    const dir = makeStaticDir();
    expect((await readStaticFile(dir, '/'))?.isHtml).toBe(true);
    expect((await readStaticFile(dir, '/assets/app.js'))?.contentType).toMatch(/javascript/);
    expect(await readStaticFile(dir, '/../../etc/passwd')).toBeNull();
    expect(await readStaticFile(dir, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(await readStaticFile(dir, '/assets')).toBeNull();
    expect(await readStaticFile(dir, '/%E0%A4%A')).toBeNull();
  });
});
