import type { CliCommand } from '../command.js';
import { loadSessionNoticed } from '../load-session-noticed.js';

export const command: CliCommand = {
  name: 'validate',
  usage: 'validate FILE',
  summary: 'check a session file: exit 0 if it is valid, else 2 with what is wrong and where',
  options: {},
  positionals: { min: 1, max: 1, names: 'a FILE' },
  async run({ positionals: [file] }, io) {
    const session = await loadSessionNoticed(file, io);
    const trained = session.runs.filter((r) => r.status === 'done').length;
    io.out(
      `${file}: valid RNN Lab session (version ${session.version}, ${session.runs.length} runs, ${trained} trained)\n`,
    );
    return 0;
  },
};
