#!/usr/bin/env node
// Thin launcher: the CLI is bundled into out/node by `npm ci` (prepare) or `npm run build:node`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/node/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('rnn-lab: not built yet; run `npm run build:node` first\n');
  process.exit(1);
}
await import(cli);
