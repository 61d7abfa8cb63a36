import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const electronDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../electron');

/** Each host: the folders under electron/ it is made of. A host may import the core and itself, never another host. */
const hosts: Record<string, readonly string[]> = { electron: ['main', 'preload'], browser: ['web'], cli: ['cli'] };
/** The host-free core: it may import none of the hosts. */
const core = ['engine', 'lab', 'export', 'page', 'report'];

interface ImportEdge {
  /** Paths relative to electron/, e.g. "main/main.ts" → "web/csp.ts". */
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import (static, dynamic, re-export) of one file, resolved against electron/. */
function importsOf(file: string, text: string): ImportEdge[] {
  const specifiers = [...text.matchAll(/(?:\bfrom|\bimport\(?)\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
  const from = relative(electronDir, file);
  return specifiers.map((s) => ({ from, to: relative(electronDir, resolve(dirname(file), s)) }));
}

const hostOf = (folder: string): string | undefined => Object.keys(hosts).find((host) => hosts[host].includes(folder));

/** The imports that break the layout: one host importing another, or the core importing a host. */
function violations(edges: readonly ImportEdge[]): string[] {
  return edges
    .filter(({ from, to }) => {
      const [source = '', target = ''] = [from.split('/')[0], to.split('/')[0]];
      const targetHost = hostOf(target);
      if (!targetHost) return false;
      if (core.includes(source)) return true;
      const sourceHost = hostOf(source);
      return sourceHost !== undefined && sourceHost !== targetHost;
    })
    .map(({ from, to }) => `${from} imports ${to}`);
}

describe('no host imports another host, and the core imports no host', () => {
  it('holds for every file under electron/', () => {
    const folders = [...Object.values(hosts).flat(), ...core];
    const files = folders.flatMap((folder) => sourceFiles(join(electronDir, folder)));
    expect(files.length).toBeGreaterThan(50);
    const edges = files.flatMap((file) => importsOf(file, readFileSync(file, 'utf8')));
    // The walk sees real imports: the Electron main process does use the lab service.
    expect(edges).toContainEqual({ from: 'main/main.ts', to: 'lab/lab-service.js' });
    expect(violations(edges)).toEqual([]);
  });

  it('names the import that crosses, whichever way it crosses', () => {
    const text = [
      "import { a } from '../web/server.js';",
      "import type { B } from '../cli/args.js';",
      "export { c } from '../lab/dispatch.js';",
      "const d = await import('../main/main-window.js');",
      "import { e } from './dialogs.js';",
      "import { f } from '../preload/api-types.js';",
    ].join('\n');
    expect(violations(importsOf(join(electronDir, 'main/x.ts'), text))).toEqual([
      'main/x.ts imports web/server.js',
      'main/x.ts imports cli/args.js',
    ]);
    expect(violations(importsOf(join(electronDir, 'lab/y.ts'), text))).toEqual([
      'lab/y.ts imports web/server.js',
      'lab/y.ts imports cli/args.js',
      'lab/y.ts imports main/main-window.js',
      'lab/y.ts imports preload/api-types.js',
    ]);
    expect(violations(importsOf(join(electronDir, 'web/z.ts'), "import { g } from '../page/csp.js';"))).toEqual([]);
  });
});
