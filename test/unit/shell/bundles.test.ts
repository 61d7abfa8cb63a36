import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleLayout } from '../../../electron/main/bundle-layout.js';
import { runUtilityBundle, tinyRun } from './utility-worker-harness.js';

/**
 * The Electron bundles as `node scripts/build-node.mjs` writes them (built before the tests): what each
 * may require at run time (a sandboxed preload can require nothing but
 * 'electron'), tfjs kept external, and the utility-process entry loading and
 * training in Node with a stand-in for Electron's parentPort.
 */
const root = process.cwd();
const out = (name: string) => join(root, 'out/electron', name);
const bundle = (name: string) => readFileSync(out(name), 'utf8');

/** Every require() in a bundle; a require of a computed name is reported as '<dynamic>'. */
function requires(code: string): Set<string> {
  const names = new Set<string>();
  for (const m of code.matchAll(/\brequire\s*\(\s*([^)]{0,80})\)/g)) {
    const literal = /^(["'`])([^"'`]+)\1$/.exec((m[1] ?? '').trim());
    names.add(literal?.[2] ?? '<dynamic>');
  }
  return names;
}
const builtin = (name: string) => name.startsWith('node:') || builtinModules.includes(name);
// Source that exists only inside tfjs itself: inlined tfjs would carry it.
const TFJS_INSIDE = /registerKernel\(|ENGINE\.runKernel|class MathBackendCPU/;

// The bundles `npm test` builds first (`npm run build`). Not rebuilt here: packaging.test.ts packs these files
// in a parallel worker, and a rebuild under it could pack half-written bundles.
beforeAll(() => {
  const missing = ['main.cjs', 'preload.cjs', 'run-worker.cjs'].filter((name) => !existsSync(out(name)));
  if (missing.length)
    throw new Error(
      `out/electron lacks ${missing.join(', ')}: run \`node scripts/build-node.mjs\` (npm run build:node) first`,
    );
});

describe('Electron bundles (out/electron)', () => {
  it('has main.cjs, preload.cjs and run-worker.cjs built, where main.cjs looks for its siblings', () => {
    for (const name of ['main.cjs', 'preload.cjs', 'run-worker.cjs']) expect(existsSync(out(name)), name).toBe(true);
    // main.cjs passes bundleLayout(__dirname).preload to the window and .runWorker to utilityProcess.fork.
    const layout = bundleLayout(join(root, 'out/electron'));
    expect(existsSync(layout.preload)).toBe(true);
    expect(existsSync(layout.runWorker)).toBe(true);
    expect(layout.renderer).toBe(join(root, 'out/renderer'));
    expect(bundle('main.cjs')).toMatch(/bundleLayout\(__dirname\)/);
  });

  it('preload.cjs requires nothing but electron (sandboxed preloads cannot load other modules)', () => {
    const code = bundle('preload.cjs');
    expect([...requires(code)]).toEqual(['electron']);
    expect(code).not.toMatch(/\bimport\s*\(\s*[^)\s]/);
    // Channel names come from shared/channels.ts; the schemas (zod) stay out of the preload.
    expect(code).not.toMatch(/ZodError|safeParse/);
  });

  it('main.cjs requires only electron and Node built-ins; tfjs is neither inlined nor loaded in main', () => {
    const code = bundle('main.cjs');
    const external = [...requires(code)].filter((name) => name !== 'electron' && !builtin(name));
    expect(external).toEqual([]);
    expect(code).not.toMatch(TFJS_INSIDE);
  });

  it('run-worker.cjs keeps @tensorflow/* external: required from node_modules, not inlined', () => {
    const code = bundle('run-worker.cjs');
    const names = [...requires(code)];
    expect(names).toContain('@tensorflow/tfjs');
    expect(names.filter((name) => !builtin(name) && !name.startsWith('@tensorflow/'))).toEqual([]);
    expect(code).not.toMatch(TFJS_INSIDE);
    // tfjs-node is looked up beside the bundle at run time (createRequire), never bundled.
    expect(code).toContain('@tensorflow/tfjs-node');
  });

  it('run-worker.cjs loads tfjs, falls back to CPU with a reason, and trains a tiny run', async () => {
    const replies = await runUtilityBundle(
      out('run-worker.cjs'),
      [{ type: 'warm', jit: false }, tinyRun],
      (m) => m.type === 'result' || m.type === 'error',
    );
    const backend = replies.find((m) => m.type === 'backend');
    const hasTfjsNode = existsSync(join(root, 'node_modules/@tensorflow/tfjs-node/package.json'));
    if (hasTfjsNode) expect(backend?.type === 'backend' && backend.backend.name).toBeTruthy();
    else
      expect(backend).toMatchObject({
        backend: { name: 'cpu', reason: expect.stringMatching(/^tfjs-node not installed \(/) },
      });
    expect(replies.map((m) => m.type)).toContain('warmed');
    const result = replies.at(-1);
    expect(result?.type).toBe('result');
    if (result?.type === 'result') expect(result.runId).toBe('bundle-check');
  });

  it('run-worker.cjs looks tfjs-node up beside the app, with the Node 24 util polyfill in place first', async () => {
    // An app folder laid out like the package (out/electron + node_modules), with a stand-in tfjs-node that
    // reports whether util.isNullOrUndefined / util.isArray exist when it loads, then fails like a broken install.
    const app = mkdtempSync(join(tmpdir(), 'rnnlab-app-'));
    mkdirSync(join(app, 'out/electron'), { recursive: true });
    copyFileSync(out('run-worker.cjs'), join(app, 'out/electron/run-worker.cjs'));
    const scope = join(app, 'node_modules/@tensorflow');
    mkdirSync(join(scope, 'tfjs-node'), { recursive: true });
    // The engine loads tfjs-core + the CPU backend (the reference path the union package @tensorflow/tfjs).
    for (const pkg of ['tfjs', 'tfjs-core', 'tfjs-backend-cpu'])
      symlinkSync(join(root, `node_modules/@tensorflow/${pkg}`), join(scope, pkg), 'dir');
    writeFileSync(
      join(scope, 'tfjs-node/package.json'),
      JSON.stringify({ name: '@tensorflow/tfjs-node', version: '0.0.0', main: 'index.js' }),
    );
    writeFileSync(
      join(scope, 'tfjs-node/index.js'),
      [
        "const util = require('util');",
        'const ok = util.isNullOrUndefined(null) && !util.isNullOrUndefined(0) && util.isArray([]) && !util.isArray({});',
        "throw new Error(ok ? 'stand-in loaded with util polyfilled' : 'stand-in loaded without the polyfill');",
      ].join('\n'),
    );
    const replies = await runUtilityBundle(
      join(app, 'out/electron/run-worker.cjs'),
      [{ type: 'warm', jit: false }],
      (m) => m.type === 'warmed' || m.type === 'error',
      { RNN_LAB_TEST_NODE24_UTIL: '1' },
    );
    expect(replies.find((m) => m.type === 'backend')).toEqual({
      type: 'backend',
      backend: { name: 'cpu', reason: 'tfjs-node failed to load (stand-in loaded with util polyfilled)' },
    });
  });
});
