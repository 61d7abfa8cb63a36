// Bundles the Node-side entry points (CLI, web server, run worker, bench) and
// the Electron main/preload/utility entries with esbuild. Runs on `npm ci`
// (the `prepare` script) so `npx rnn-lab` works right after setup.
import { build } from 'esbuild';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const define = { __APP_VERSION__: JSON.stringify(pkg.version) };

/** Plain Node outputs: dependencies stay in node_modules. */
const nodeEntries = {
  cli: 'electron/cli/main.ts',
  web: 'electron/web/main.ts',
  'run-worker': 'electron/lab/workers/run-worker-thread.ts',
  bench: 'electron/bench/main.ts',
};

/** Electron outputs (CommonJS: the sandboxed preload must be). */
const electronEntries = {
  main: 'electron/main/main.ts',
  preload: 'electron/preload/preload.ts',
  'run-worker': 'electron/main/run-utility.ts',
};

const present = (entries) => Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));

const nodeBuild = await build({
  entryPoints: present(nodeEntries),
  outdir: 'out/node',
  bundle: true,
  // Code splitting: each `import()` (the CLI's command registry, the engine's reference path) becomes a chunk
  // loaded on demand, so `rnn-lab train` never loads echarts/resvg. Chunks sit beside the entries in out/node
  // (not a subfolder): modules that find siblings via import.meta.url (./run-worker.js, ./cli.js) may land in one.
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  define,
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  metafile: true,
});
// Chunks of earlier builds would pile up (their names end in a content hash). Removed after the build, not
// before it, so out/node never lacks a chunk that its current entries import.
const written = new Set(Object.keys(nodeBuild.metafile.outputs).map((file) => basename(file)));
for (const name of readdirSync('out/node')) {
  if (/-[A-Z0-9]{8}\.js(\.map)?$/.test(name) && !written.has(name)) rmSync(join('out/node', name));
}

await build({
  entryPoints: present(electronEntries),
  outdir: 'out/electron',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  // Native or optional modules load from node_modules at run time.
  // tfjs stays external so tfjs-node (when installed) registers its backend on the same tfjs instance the engine uses.
  external: ['electron', '@tensorflow/*', '@resvg/resvg-js'],
  sourcemap: true,
  define,
  logLevel: 'warning',
});

// The HTML report's page script (rnn-lab report, File → Export report…): the chart catalogue for a browser,
// inlined into every report beside ECharts' own bundle (a global, so it is not bundled twice).
await build({
  entryPoints: { 'report-page': 'shared/report/page/main.ts' },
  outdir: 'out/report',
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  minify: true,
  define,
  logLevel: 'warning',
});
// ECharts' single-file bundle beside it: the installed app packs out/report, not node_modules/echarts.
copyFileSync(
  join(dirname(createRequire(import.meta.url).resolve('echarts')), 'echarts.min.js'),
  'out/report/echarts.min.js',
);
