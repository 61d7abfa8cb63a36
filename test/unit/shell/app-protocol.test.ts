import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { serveRenderer } from '../../../electron/main/app-protocol.js';
import * as fake from './fake-electron.js';

/** The app:// handler that serves the page, with its CSP header, against a fake `protocol`. */
vi.mock('electron', async () => await import('./fake-electron.js'));

const root = mkdtempSync(join(tmpdir(), 'rnnlab-protocol-'));
const rendererDir = join(root, 'renderer');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>RNN Lab</title>');
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'export {};');
writeFileSync(join(root, 'secret.txt'), 'outside the renderer folder');
serveRenderer(rendererDir);
const handler = fake.protocol.handlers.get('app');
const get = (url: string, method = 'GET') => {
  if (!handler) throw new Error('app: is not handled');
  return handler(new Request(url, { method }));
};

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name ?? '', values]),
  );
}

describe('app:// protocol and CSP', () => {
  it('serves the page with a strict CSP: own files only, no eval, no plugins, nothing remote', async () => {
    const response = await get('app://rnn-lab/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = directives(response.headers.get('content-security-policy') ?? '');
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    for (const [name, values] of csp) {
      for (const value of values) {
        expect(value, name).not.toMatch(/unsafe-eval|wasm-unsafe-eval|^\*|^https?:|^wss?:|^file:|^app:/);
        expect(value, name).toMatch(/^'(self|none)'$|^(data|blob):$/);
      }
    }
    // Nothing inline, styles included: computed styles go through the CSSOM.
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect((await get('app://rnn-lab/assets/app.js')).headers.get('content-security-policy')).toBeTruthy();
  });

  it('serves nothing outside the renderer folder, from another host, or for other methods', async () => {
    for (const url of [
      'app://rnn-lab/../secret.txt',
      'app://rnn-lab/%2e%2e/secret.txt',
      'app://rnn-lab/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://other/index.html',
      'app://rnn-lab/missing.js',
    ]) {
      expect((await get(url)).status, url).toBe(404);
    }
    expect((await get('app://rnn-lab/index.html', 'POST')).status).toBe(404);
  });

  const builtIndex = join(process.cwd(), 'out/renderer/index.html');
  if (!existsSync(builtIndex))
    console.log('skipping the built-page check: out/renderer is not built (run `npm run build`)');
  it.skipIf(!existsSync(builtIndex))('the built page loads only its own relative assets', () => {
    const html = readFileSync(builtIndex, 'utf8');
    const sources = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(source).toMatch(/^(\.?\/?assets\/|data:)/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });
});
