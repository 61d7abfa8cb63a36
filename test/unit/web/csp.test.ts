import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contentSecurityPolicy } from '../../../electron/page/csp.js';

/** A CSP as directive → sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

const root = process.cwd();
const metaCsp = (html: string) => html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]*)"/)?.[1];

function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? svelteFiles(join(dir, e.name)) : e.name.endsWith('.svelte') ? [join(dir, e.name)] : [],
  );
}

describe('contentSecurityPolicy()', () => {
  const csp = directives(contentSecurityPolicy(['ws://127.0.0.1:4321']));

  it('allows styles and scripts from our own files only: nothing inline, no eval', () => {
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    for (const [name, values] of csp) {
      expect(values.join(' '), name).not.toMatch(/'unsafe-|'nonce-|'sha\d+-|'strict-dynamic'/);
    }
    expect([...csp.keys()].filter((n) => /^(style|script)-src-(attr|elem)$/.test(n))).toEqual([]);
  });

  it('adds the given WebSocket origin to connect-src and nothing remote anywhere', () => {
    expect(csp.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:4321']);
    expect(directives(contentSecurityPolicy()).get('connect-src')).toEqual(["'self'"]);
    for (const [name, values] of csp)
      if (name !== 'connect-src') for (const v of values) expect(v, name).toMatch(/^'(self|none)'$|^(data|blob):$/);
  });

  it('keeps the page out of frames, forms, plugins and <base>', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });
});

describe('the page agrees with the policy', () => {
  it("renderer/index.html's meta CSP has the served directives (bar connect-src, frame-ancestors, which a meta tag cannot carry)", () => {
    const meta = metaCsp(readFileSync(join(root, 'renderer/index.html'), 'utf8'));
    expect(meta).toBeDefined();
    const page = directives(meta!);
    const served = directives(contentSecurityPolicy());
    expect(page.get('style-src')).toEqual(["'self'"]);
    for (const [name, values] of served) {
      if (name === 'connect-src' || name === 'frame-ancestors') continue;
      expect(page.get(name), name).toEqual(values);
    }
    expect([...page.keys()].sort()).toEqual([...served.keys()].filter((n) => n !== 'frame-ancestors').sort());
  });

  it('no Svelte template writes a style attribute (parsed markup is blocked; use class or style: directives, set through the CSSOM)', () => {
    const offenders: string[] = [];
    for (const file of svelteFiles(join(root, 'renderer/src'))) {
      // Arrows (=>) inside attribute expressions would end a tag early for this scan.
      const markup = readFileSync(file, 'utf8')
        .replace(/=>/g, '')
        .replace(/<script[\s\S]*?<\/script>/g, '')
        .replace(/<style[\s\S]*?<\/style>/g, '');
      if (/<[a-zA-Z][^>]*\sstyle\s*=/.test(markup)) offenders.push(relative(root, file));
    }
    expect(offenders).toEqual([]);
  });

  const built = join(root, 'out/renderer/index.html');
  it.skipIf(!existsSync(built))('the built page has no inline <style>, style attribute or inline script', () => {
    const html = readFileSync(built, 'utf8');
    expect(html).not.toMatch(/<style[\s>]/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    for (const script of html.match(/<script\b[^>]*>/gi) ?? []) expect(script).toMatch(/\ssrc=/);
    expect(metaCsp(html)).toBe(metaCsp(readFileSync(join(root, 'renderer/index.html'), 'utf8')));
  });
});
