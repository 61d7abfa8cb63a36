import { join } from 'node:path';

/**
 * Where main.cjs finds its siblings, from the folder it runs in (out/electron,
 * inside app.asar once packaged): the sandboxed preload and the utility-process
 * entry beside it, the built page in out/renderer. Kept pure so a test can
 * check these files exist in a real build.
 */
export function bundleLayout(dir: string): { preload: string; runWorker: string; renderer: string } {
  return {
    preload: join(dir, 'preload.cjs'),
    runWorker: join(dir, 'run-worker.cjs'),
    renderer: join(dir, '..', 'renderer'),
  };
}
