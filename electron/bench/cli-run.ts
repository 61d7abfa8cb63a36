import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CliTiming {
  /** Process start to exit. */
  processMs: number;
  /** From the CLI's "training N runs" line to its "saved" line: the training as the user waits for it. */
  trainingMs: number;
}

/** `rnn-lab train --preset seed --out TMP` as a user runs it (out/node/cli.js), timed from outside. */
export async function timeCliTrain(): Promise<CliTiming | string> {
  const cli = fileURLToPath(new URL('./cli.js', import.meta.url));
  if (!existsSync(cli)) return `skipped: ${cli} is missing (run \`npm run build:node\`)`;
  const dir = await mkdtemp(join(tmpdir(), 'rnn-lab-bench-'));
  try {
    const t0 = performance.now();
    let trainingAt = NaN;
    let savedAt = NaN;
    let stderr = '';
    const child = spawn(process.execPath, [cli, 'train', '--preset', 'seed', '--out', join(dir, 'seed.rnnlab')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (Number.isNaN(trainingAt) && /training \d+ runs?/.test(stderr)) trainingAt = performance.now();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      if (Number.isNaN(savedAt) && /saved \d+ run/.test(chunk.toString())) savedAt = performance.now();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    const processMs = performance.now() - t0;
    if (code !== 0) return `failed: rnn-lab train exited with code ${code}: ${stderr.trim().split('\n').at(-1)}`;
    return { processMs, trainingMs: savedAt - trainingAt };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
