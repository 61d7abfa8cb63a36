import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { echartsBundlePath } from '../../../electron/report/report-scripts.js';

/** The scripts a real report inlines: ECharts' bundle and the page script, built from source as build-node does. */
export async function realScripts(): Promise<{ echarts: string; page: string }> {
  const out = await build({
    entryPoints: ['shared/report/page/main.ts'],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    write: false,
    define: { __APP_VERSION__: '"test"' },
    logLevel: 'warning',
  });
  return { echarts: readFileSync(echartsBundlePath(), 'utf8'), page: out.outputFiles[0].text };
}
