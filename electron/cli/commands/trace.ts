import { analysisModelOf, parseSequence, trace } from '../../../shared/analysis/index.js';
import { stringOpt, flagOpt } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';
import { num, table } from '../format.js';
import { findRun, loadSession } from '../load-session.js';

export const command: CliCommand = {
  name: 'trace',
  usage: 'trace FILE --run NAME --sequence 5,8,4 [--json]',
  summary: 'step through one sequence: score, U·h(t−1), pre-activation, h(t), final probability',
  help: [
    '--run NAME       the run (name or id)',
    '--sequence DIGITS  e.g. 5,8,4 (commas or spaces; 1–60 digits)',
    '--json           print one JSON object: steps, probability, and for linear RNNs the exact contributions',
  ],
  options: { run: { type: 'string' }, sequence: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { min: 1, max: 1, names: 'a FILE' },
  async run({ values, positionals: [file] }, io) {
    const runName = stringOpt(values, 'run');
    const text = stringOpt(values, 'sequence');
    if (!runName) throw new UsageError('--run NAME is required');
    if (text === undefined) throw new UsageError('--sequence is required (e.g. --sequence 5,8,4)');
    const run = findRun(await loadSession(file), runName);
    const model = analysisModelOf(run);
    const t = trace(model, parseSequence(text, model.task.vocabularySize));
    if (flagOpt(values, 'json')) {
      io.out(`${JSON.stringify(t, null, 2)}\n`);
      return 0;
    }
    const unit = model.model.rnnUnits > 1 ? ' (unit 0 of ' + model.model.rnnUnits + ')' : '';
    const lines = [
      `${run.name}: trace of ${t.sequence.join(',')}${unit}`,
      ...table(
        ['t', 'digit', 'score', 'U·h(t-1)', 'pre-act', 'h(t)'],
        t.steps.map((s) => [
          String(s.t),
          String(s.digit),
          num(s.score[0]),
          num(s.recurrent[0]),
          num(s.preActivation[0]),
          num(s.h[0]),
        ]),
      ),
      `  final probability ${num(t.probability, 6)} → predicts ${t.predicted} (label ${t.label}, ${t.predicted === t.label ? 'right' : 'wrong'})`,
    ];
    if (t.unitProbabilities.length > 1)
      lines.push(
        `  (the mean of the units' probabilities ${t.unitProbabilities.map((p) => num(p, 4)).join(', ')}, as the engine predicts)`,
      );
    if (t.contributions) {
      lines.push(
        `  contributions to ${unit ? "unit 0's" : 'the final'} logit (linear RNN, U^(T-t)·score(x_t)):`,
        ...table(
          ['t', 'digit', 'contribution'],
          t.contributions.map((c) => [String(c.t), String(c.digit), num(c.value)]),
          '    ',
        ),
        `    sum = logit ${num(t.finalValue)}`,
      );
    }
    io.out(`${lines.join('\n')}\n`);
    return 0;
  },
};
