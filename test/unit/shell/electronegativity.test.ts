import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  cspConcerns,
  judge,
  scanElectronSources,
  SCANNED,
  type Finding,
} from '../../../scripts/electronegativity-scan.js';

/**
 * The electronegativity step of `npm test` (scripts/electronegativity.ts) runs it on the real
 * sources; here: that it would catch a weakened window, and that its judge lets nothing through
 * unreviewed.
 */
const repo = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const level = (name: string, value: number) => ({ name, value });
const finding = (over: Partial<Finding>): Finding => ({
  id: 'SOME_CHECK',
  file: 'electron/main/x.ts',
  location: { line: 1, column: 0 },
  severity: level('LOW', 1),
  confidence: level('FIRM', 1),
  description: 'something',
  ...over,
});
const preload = finding({ id: 'PRELOAD_JS_CHECK', file: 'electron/main/main-window.ts', severity: level('MEDIUM', 2) });
const csp = (file: string, sample: string) => finding({ id: 'CSP_GLOBAL_CHECK', file, sample });
const policy = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'";
const reviewedCsp = ['renderer/index.html', 'electron/web/server.ts', 'electron/main/app-protocol.ts'].map((f) =>
  csp(f, policy),
);

describe('electronegativity in npm test', () => {
  it('fails on a main window that lets middle clicks through or drops context isolation', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rnnlab-weak-window-'));
    copies.push(root);
    for (const path of [...SCANNED, 'package.json']) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      cpSync(join(repo, path), join(root, path), { recursive: true });
    }
    const window = join(root, 'electron/main/main-window.ts');
    const source = readFileSync(window, 'utf8');
    expect(source).toContain("disableBlinkFeatures: 'Auxclick',");
    expect(source).toContain('contextIsolation: true,');
    writeFileSync(
      window,
      source
        .replace("disableBlinkFeatures: 'Auxclick',", '')
        .replace('contextIsolation: true,', 'contextIsolation: false,'),
    );

    const scan = await scanElectronSources(root);
    expect(scan.errors).toEqual([]);
    const { failures } = judge(scan, []);
    const failed = (id: string) => failures.filter((line) => line.includes(` ${id} electron/main/main-window.ts:`));
    expect(failed('AUXCLICK_JS_CHECK')).toHaveLength(1);
    expect(failed('CONTEXT_ISOLATION_JS_CHECK')).toHaveLength(1);
    expect(failures.some((line) => line.startsWith('MEDIUM PRELOAD_JS_CHECK'))).toBe(false); // still the reviewed one
  });

  it('passes reviewed findings only, and fails unparsed files, unlisted informational findings and stale reviews', () => {
    expect(judge({ errors: [], issues: [preload, ...reviewedCsp] }, []).failures).toEqual([]);

    const { failures } = judge(
      {
        errors: [{ file: 'electron/main/new.ts', message: 'Unexpected token', tolerable: false }],
        issues: [
          preload,
          ...reviewedCsp.slice(1),
          finding({ severity: level('INFORMATIONAL', 0) }),
          finding({ id: 'PRELOAD_JS_CHECK', file: 'electron/main/other.ts' }),
        ],
      },
      [],
    );
    expect(failures).toEqual([
      'could not parse electron/main/new.ts: Unexpected token',
      expect.stringMatching(
        /^INFORMATIONAL SOME_CHECK electron\/main\/x\.ts:1:0 something \(informational: fix it, or review it/,
      ),
      'LOW PRELOAD_JS_CHECK electron/main/other.ts:1:0 something',
      'REVIEWED lists CSP_GLOBAL_CHECK in renderer/index.html, which is no longer found: remove it from the entry',
    ]);
  });

  it("accepts a CSP only while its one concern is script-src 'self'", () => {
    expect(cspConcerns(policy)).toEqual(["script-src 'self'"]);
    for (const weaker of [
      `${policy.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")}`,
      `${policy.replace("script-src 'self'", "script-src 'self' https://cdn.example.com")}`,
    ]) {
      const { failures } = judge(
        { errors: [], issues: [preload, ...reviewedCsp.slice(1), csp('renderer/index.html', weaker)] },
        [],
      );
      expect(failures, weaker).toEqual([
        expect.stringMatching(/^LOW CSP_GLOBAL_CHECK renderer\/index\.html:1:0 /),
        'REVIEWED lists CSP_GLOBAL_CHECK in renderer/index.html, which is no longer found: remove it from the entry',
      ]);
    }
    // The policy the tool could not read (computed at run time) is judged by the computed evaluation instead.
    const unread = finding({
      id: 'CSP_GLOBAL_CHECK',
      file: 'electron/web/server.ts',
      description: 'Failed to parse CSP, it may not be valid.',
    });
    expect(
      judge({ errors: [], issues: [preload, ...reviewedCsp.slice(0, 1), unread] }, reviewedCsp.slice(1)).failures,
    ).toEqual([]);
  });
});
