import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runUtilityBundle, tinyRun } from './utility-worker-harness.js';

/**
 * Packaging LAYOUT CHECK. It validates build/electron-builder.yml against
 * electron-builder's own schema and runs `electron-builder --dir` with a
 * placeholder in place of the Electron binary (none is downloadable here), then
 * reads what went into app.asar and what stayed outside it. It proves what is
 * packed and that the fuses are flipped, not that the packaged app runs.
 */
const require = createRequire(import.meta.url);
const root = process.cwd();
const configFile = join(root, 'build/electron-builder.yml');
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's default fuse wire (v1, 9 fuses): RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on,
// ASAR integrity off, only-ASAR off, browser V8 snapshot off, file:// privileges on, WASM trap handlers off.
const DEFAULT_WIRE = '101100010';

/** A package and everything it depends on at run time, as installed in node_modules (hoisted). */
function dependencyClosure(name: string, seen = new Set<string>()): Set<string> {
  if (seen.has(name)) return seen;
  const manifest = join(root, 'node_modules', name, 'package.json');
  if (!existsSync(manifest)) return seen; // an optional dependency that did not install
  seen.add(name);
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
    dependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
  };
  for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) dependencyClosure(dep, seen);
  return seen;
}

const loadConfig = () =>
  (require('js-yaml') as { load(text: string): Record<string, unknown> }).load(readFileSync(configFile, 'utf8'));

describe('packaging configuration', () => {
  it('passes electron-builder’s schema, which rejects an unknown key', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    const logger = { isEnabled: false, add() {} };
    const config = loadConfig();
    await expect(validateConfiguration(config, logger)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, notAnOption: true }, logger)).rejects.toThrow(
      /configuration object that does not match/,
    );
    expect(config).toMatchObject({
      productName: 'RNN Lab',
      fileAssociations: [expect.objectContaining({ ext: 'rnnlab' })],
      electronFuses: {
        runAsNode: false,
        enableNodeOptionsEnvironmentVariable: false,
        enableEmbeddedAsarIntegrityValidation: true,
        onlyLoadAppFromAsar: true,
      },
      asarUnpack: ['node_modules/@tensorflow/tfjs-node/lib/**', 'node_modules/@tensorflow/tfjs-node/deps/**'],
    });
  });
});

const built = [
  'out/electron/main.cjs',
  'out/electron/preload.cjs',
  'out/electron/run-worker.cjs',
  'out/renderer/index.html',
].every((f) => existsSync(join(root, f)));
if (!built)
  console.log(
    'skipping the electron-builder --dir layout check: out/electron or out/renderer is not built (run `npm run build`)',
  );

describe.skipIf(!built)('packaging layout check (electron-builder --dir, placeholder Electron)', () => {
  const work = mkdtempSync(join(tmpdir(), 'rnnlab-pack-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const appDir = join(work, 'dist', 'linux-unpacked');
  const asar = require('@electron/asar') as {
    listPackage(file: string): string[];
    extractAll(file: string, dest: string): void;
  };

  it('packs the bundles and production modules only, and flips the fuses', async () => {
    const electronDist = join(work, 'electron-dist');
    mkdirSync(join(electronDist, 'resources'), { recursive: true });
    const placeholder = join(electronDist, 'electron');
    writeFileSync(
      placeholder,
      Buffer.concat([
        Buffer.from('#!/bin/sh\necho "placeholder, not Electron"\n'),
        Buffer.from(FUSE_SENTINEL),
        Buffer.from([1, DEFAULT_WIRE.length]),
        Buffer.from(DEFAULT_WIRE),
      ]),
    );
    chmodSync(placeholder, 0o755);
    await promisify(execFile)(process.execPath, ['scripts/gen-icons.mjs'], { cwd: root });
    const output = join(work, 'dist');
    await promisify(execFile)(
      join(root, 'node_modules/.bin/electron-builder'),
      [
        '--dir',
        '--linux',
        '--x64',
        '--publish',
        'never',
        '--config',
        configFile,
        `-c.electronDist=${electronDist}`,
        `-c.directories.output=${output}`,
      ],
      { cwd: root, maxBuffer: 16 * 1024 * 1024 },
    );

    const files = asar.listPackage(join(appDir, 'resources/app.asar')).map((f) => f.replaceAll('\\', '/'));
    const has = (path: string) => files.includes(path);

    for (const entry of [
      '/package.json',
      '/out/electron/main.cjs',
      '/out/electron/preload.cjs',
      '/out/electron/run-worker.cjs',
      '/out/renderer/index.html',
      '/out/report/report-page.js',
      '/out/report/echarts.min.js',
    ]) {
      expect(has(entry), entry).toBe(true);
    }
    // No sources, tests, build scripts, source maps or CLI/web bundles.
    for (const prefix of [
      '/electron/',
      '/shared/',
      '/renderer/',
      '/test/',
      '/scripts/',
      '/build/',
      '/docs/',
      '/out/node/',
      '/src/',
    ]) {
      expect(
        files.filter((f) => f.startsWith(prefix)),
        prefix,
      ).toEqual([]);
    }
    expect(files.filter((f) => f.endsWith('.map') || (f.endsWith('.ts') && !f.endsWith('.d.ts')))).toEqual([]);
    // No devDependencies, and none of the modules the bundles already carry.
    const devDependencies = Object.keys(
      (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> })
        .devDependencies,
    );
    for (const name of [
      ...devDependencies,
      'echarts',
      'zrender',
      'zod',
      'ws',
      '@resvg/resvg-js',
      'typescript',
      'vite',
      'esbuild',
      'playwright',
      'playwright-core',
      'rollup',
      'vitest',
    ]) {
      expect(
        files.some((f) => f.startsWith(`/node_modules/${name}/`)),
        name,
      ).toBe(false);
    }

    // The bundles keep @tensorflow/* external, so tfjs and everything it requires at run time must be packed.
    const tfjs = [...dependencyClosure('@tensorflow/tfjs')];
    expect(tfjs).toEqual(
      expect.arrayContaining([
        '@tensorflow/tfjs',
        '@tensorflow/tfjs-core',
        '@tensorflow/tfjs-layers',
        '@tensorflow/tfjs-backend-cpu',
      ]),
    );
    // Typings (@types/*, @webgpu/types: dependencies of tfjs-core and the webgl backend) are dropped on purpose;
    // nothing requires them at run time.
    for (const name of tfjs.filter((n) => !/^@(types|webgpu)\//.test(n))) {
      expect(
        files.some(
          (f) => f === `/node_modules/${name}/package.json` || f.endsWith(`/node_modules/${name}/package.json`),
        ),
        name,
      ).toBe(true);
    }
    const tfjsMain = (
      JSON.parse(readFileSync(join(root, 'node_modules/@tensorflow/tfjs/package.json'), 'utf8')) as { main: string }
    ).main;
    expect(has(`/node_modules/@tensorflow/tfjs/${tfjsMain}`), tfjsMain).toBe(true);

    // Fuses: read the wire right after the sentinel in the packed executable.
    const exe = readFileSync(join(appDir, 'rnn-lab'));
    const at = exe.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    const wire = exe.subarray(at + 2, at + 2 + DEFAULT_WIRE.length).toString('latin1');
    expect({ runAsNode: wire[0], nodeOptions: wire[2], asarIntegrity: wire[4], onlyAsar: wire[5] }).toEqual({
      runAsNode: '0',
      nodeOptions: '0',
      asarIntegrity: '1',
      onlyAsar: '1',
    });

    // tfjs-node's native parts must sit outside the asar; it is only present where it installed.
    const tfjsNode = existsSync(join(root, 'node_modules/@tensorflow/tfjs-node/package.json'));
    const unpacked = join(appDir, 'resources/app.asar.unpacked/node_modules/@tensorflow/tfjs-node');
    if (tfjsNode) {
      expect(existsSync(join(unpacked, 'lib'))).toBe(true);
      expect(files.some((f) => f.startsWith('/node_modules/@tensorflow/tfjs-node/lib/'))).toBe(true);
    } else {
      console.log(
        'tfjs-node is not installed here, so no unpacked native files can be checked; the CPU backend is packed instead',
      );
      expect(existsSync(unpacked)).toBe(false);
    }
  });

  it('trains with the run worker as packed: its requires resolve inside app.asar alone', async () => {
    const asarFile = join(appDir, 'resources/app.asar');
    if (!existsSync(asarFile)) throw new Error('the --dir layout check above did not produce app.asar');
    // Node cannot read an asar, so the packed files are extracted; resolution must not escape into any outer node_modules.
    const extracted = join(work, 'app');
    asar.extractAll(asarFile, extracted);
    for (let dir = dirname(extracted); dir !== dirname(dir); dir = dirname(dir)) {
      expect(existsSync(join(dir, 'node_modules')), dir).toBe(false);
    }
    const replies = await runUtilityBundle(
      join(extracted, 'out/electron/run-worker.cjs'),
      [{ type: 'warm', jit: false }, tinyRun],
      (m) => m.type === 'result' || m.type === 'error',
    );
    expect(replies.find((m) => m.type === 'backend')).toMatchObject({
      backend: { name: expect.stringMatching(/^(cpu|tensorflow)$/), reason: expect.any(String) },
    });
    expect(replies.at(-1)?.type).toBe('result');
  });
});
