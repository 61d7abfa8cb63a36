import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LabService } from '../lab/lab-service.js';
import { threadWorkerFactory } from '../lab/workers/thread-worker-factory.js';
import { parseWebArgs, USAGE, type WebArgs } from './args.js';
import { legacyRecoveryFileIn, recoveryDirIn } from '../lab/recovery/recovery-paths.js';
import { labBackend } from '../lab/lab-backend.js';
import { openBrowser } from './open-browser.js';
import { startWebServer } from './server.js';

/**
 * `npm run web`: the lab in a browser tab. Bundled to out/node/web.js, next to
 * out/node/run-worker.js (training threads) and out/renderer (the page).
 * Stdout carries exactly one line, the URL; everything else goes to stderr.
 */
function fail(message: string): never {
  process.stderr.write(`rnn-lab web: ${message}\n`);
  process.exit(2);
}

function readArgs(): WebArgs {
  try {
    return parseWebArgs(process.argv.slice(2));
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
}

const args = readArgs();
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const staticDir = fileURLToPath(new URL('../renderer/', import.meta.url));
if (!existsSync(join(staticDir, 'index.html')))
  fail(`the page is not built (${staticDir}index.html is missing); run \`npm run build\``);
mkdirSync(args.sessionsDir, { recursive: true });

mkdirSync(args.dataDir, { recursive: true });

// The page offers the copies earlier servers left (session:recovery); this server copies its own work to its own file.
const service = new LabService({
  host: 'browser',
  paths: { kind: 'folder', dir: args.sessionsDir },
  recoveryDir: recoveryDirIn(args.dataDir),
  legacyRecoveryFile: legacyRecoveryFileIn(args.dataDir),
  // The page shows the reason as a lasting warning; the log gets it once, with the path and code.
  onRecoveryError: (reason, detail) =>
    process.stderr.write(`rnn-lab web: unsaved work is NOT being backed up: ${reason} (${detail})\n`),
  workerFactory: threadWorkerFactory(),
});
const server = await startWebServer({
  host: args.host,
  port: args.port,
  staticDir,
  backend: labBackend(service),
}).catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));

process.stdout.write(`RNN Lab browser mode: ${server.url}\n`);
process.stderr.write(
  `sessions folder: ${args.sessionsDir}\nunsaved work is copied to: ${recoveryDirIn(args.dataDir)}\nPress Ctrl+C to stop.\n`,
);
if (args.open) openBrowser(server.url);

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`${signal}: stopping\n`);
  await server.close();
  await service.close();
  process.exit(0);
}
process.on('SIGINT', (s) => void stop(s));
process.on('SIGTERM', (s) => void stop(s));
