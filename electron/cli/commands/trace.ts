import { CELL_GATES, CELL_LABELS } from '../../../shared/cells.js';
import { analysisModelOf, parseSequence, trace, type TraceResult } from '../../../shared/analysis/index.js';
import { stringOpt, flagOpt } from '../args.js';
import { UsageError, type CliCommand } from '../command.js';
import { num, table } from '../format.js';
import { findRun, loadSession } from '../load-session.js';

export const command: CliCommand = {
  name: 'trace',
  usage: 'trace FILE --run NAME --sequence 5,8,4 [--json]',
  summary: 'step through one sequence: score, U·h(t−1), h(t) (gated cells: every gate and the cell state)',
  help: [
    '--run NAME       the run (name or id)',
    '--sequence DIGITS  e.g. 5,8,4 (commas or spaces; 1–60 digits)',
    '--json           print one JSON object: steps (every gate, the equations), probability, and for linear RNNs the exact contributions',
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
    const units = model.model.rnnUnits;
    const unit = units > 1 ? ` (unit 0 of ${units})` : '';
    const cell = t.cell === 'simple' ? '' : ` (${CELL_LABELS[t.cell]})`;
    const lines = [
      `${run.name}${cell}: trace of ${t.sequence.join(',')}${unit}`,
      ...(t.cell === 'simple' ? simpleTable(t) : gateRows(t)),
      ...readoutLines(t, model.model.readout === 'dense'),
      ...contributionLines(t, model.model.readout === 'dense'),
    ];
    io.out(`${lines.join('\n')}\n`);
    return 0;
  },
};

/** SimpleRNN: one row per step, as the seed's argument reads (score + U·h(t−1) = pre-activation → h). */
function simpleTable(t: TraceResult): string[] {
  return table(
    ['t', 'digit', 'score', 'U·h(t-1)', 'pre-act', 'h(t)'],
    t.steps.map((s) => [
      String(s.t),
      String(s.digit),
      num(s.score[0]),
      num(s.recurrent[0]),
      num(s.preActivation[0]),
      num(s.h[0]),
    ]),
  );
}

/** Gated cells: one row per gate, then the cell state and h, one column per step (as LSTMVis draws them). */
function gateRows(t: TraceResult): string[] {
  const gates = CELL_GATES[t.cell];
  const rows = [
    ...gates.map((g) => [`${g.key} (${g.label})`, ...t.steps.map((s) => num(s.gates[g.key][0]))]),
    ...(t.cell === 'lstm' ? [['c(t) (cell state)', ...t.steps.map((s) => num(s.c?.[0] ?? NaN))]] : []),
    ['h(t)', ...t.steps.map((s) => num(s.h[0]))],
  ];
  const last = t.steps.at(-1);
  return [
    ...table(['step', ...t.steps.map((s) => `${s.t}:${s.digit}`)], rows),
    ...(last ? [`  step ${last.t} in full:`, ...last.equation.split('\n').map((l) => `    ${l}`)] : []),
  ];
}

function readoutLines(t: TraceResult, dense: boolean): string[] {
  const verdict = `predicts ${t.predicted} (label ${t.label}, ${t.predicted === t.label ? 'right' : 'wrong'})`;
  return [
    ...(dense ? [`  readout Dense(1) over the units: logit ${num(t.logit)}`] : []),
    `  final probability ${num(t.probability, 6)} → ${verdict}`,
  ];
}

/** Linear SimpleRNN: each position's exact share; through a dense readout, read by its kernel k. */
function contributionLines(t: TraceResult, dense: boolean): string[] {
  if (!t.contributions) return [];
  const share = dense ? 'U^(T-t)·score(x_t)·k' : 'U^(T-t)·score(x_t)';
  return [
    `  contributions to the final logit (linear RNN, ${share}):`,
    ...table(
      ['t', 'digit', 'contribution'],
      t.contributions.map((c) => [String(c.t), String(c.digit), num(c.value)]),
      '    ',
    ),
    `    sum = ${dense ? 'logit − readout bias' : 'logit'} ${num(t.finalValue)}`,
  ];
}
