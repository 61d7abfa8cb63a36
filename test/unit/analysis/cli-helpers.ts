import { emptyView } from '../../../shared/schemas/session.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../../electron/cli/command.js';
import { runCli, type CommandRegistry } from '../../../electron/cli/run-cli.js';
import { makeSession, serializeSession } from '../../../electron/lab/sessions/session-file.js';
import { trainedSeedRun } from './trained-fixtures.js';

/** The analysis and export commands, loaded the way the registry in electron/cli/main.ts loads them. */
const registry: CommandRegistry = {
  trace: () => import('../../../electron/cli/commands/trace.js'),
  exhaustive: () => import('../../../electron/cli/commands/exhaustive.js'),
  lengths: () => import('../../../electron/cli/commands/lengths.js'),
  export: () => import('../../../electron/cli/commands/export.js'),
};

export async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    errIsTTY: false,
    columns: 80,
    onInterrupt: () => () => {},
  };
  const code = await runCli(argv, io, registry);
  return { code, out, err };
}

/** A temp folder holding seed.rnnlab: the seed's three printed-weight runs (ids a, b, c) as a real session file. */
export function seedSessionFile(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rnn-lab-analysis-'));
  const file = join(dir, 'seed.rnnlab');
  const runs = [trainedSeedRun('linear10', 'a'), trainedSeedRun('linear1', 'b'), trainedSeedRun('sigmoid1', 'c')];
  writeFileSync(
    file,
    serializeSession(
      makeSession({ runs, view: { ...emptyView(), order: ['a', 'b', 'c'], layout: 'columns', hiddenInOverlay: [] } }),
    ),
  );
  return { dir, file };
}
