import type { CliCommand } from '../command.js';
import { flagOpt } from '../args.js';
import { loadSessionNoticed } from '../load-session-noticed.js';
import { sessionReport } from '../report.js';
import { showOutput } from '../show-json.js';

export const command: CliCommand = {
  name: 'show',
  usage: 'show FILE [--json]',
  summary: 'print a session: summary table, history, weights, digit scores, predictions',
  help: ['--json  print exactly one JSON object (the scripting contract: shared/schemas/session-export.ts)'],
  options: { json: { type: 'boolean' } },
  positionals: { min: 1, max: 1, names: 'a FILE' },
  async run({ values, positionals: [file] }, io) {
    const session = await loadSessionNoticed(file, io);
    io.out(
      flagOpt(values, 'json') ? `${JSON.stringify(showOutput(session), null, 2)}\n` : sessionReport(session, file),
    );
    return 0;
  },
};
