import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This module's folder: in the CommonJS bundle (Electron main) import.meta is empty but __filename exists. */
function moduleDir(): string {
  // In a try, as engine/backend.ts does: esbuild then leaves the CommonJS bundle's empty import.meta unremarked.
  try {
    return dirname(typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url));
  } catch {
    return process.cwd();
  }
}
const here = moduleDir();

/**
 * The report page script, built by scripts/build-node.mjs into out/report: beside out/node and out/electron
 * (the bundles this runs from), or under out/ of the checkout (tests run this file from source).
 */
export function reportPagePath(): string {
  const candidates = [
    join(here, '..', 'report', 'report-page.js'),
    join(here, '..', '..', 'out', 'report', 'report-page.js'),
  ];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error('the report page script is not built; run `npm run build:node`');
  return found;
}

/**
 * ECharts' own single-file bundle, inlined into reports as shipped: the copy the build puts beside the page
 * script (the installed app has no node_modules/echarts), else the package's own.
 */
export function echartsBundlePath(): string {
  const built = join(dirname(reportPagePath()), 'echarts.min.js');
  if (existsSync(built)) return built;
  const main = createRequire(join(here, 'report-scripts.js')).resolve('echarts');
  return join(dirname(main), 'echarts.min.js');
}

export async function reportScripts(): Promise<{ echarts: string; page: string }> {
  const [echarts, page] = await Promise.all([
    readFile(echartsBundlePath(), 'utf8'),
    readFile(reportPagePath(), 'utf8'),
  ]);
  return { echarts, page };
}
