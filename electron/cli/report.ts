import type { Run } from '../../shared/schemas/run.js';
import type { Session } from '../../shared/schemas/session.js';
import { HEALTH_LABELS, majorityBaseline, runHealth } from '../../shared/run-health.js';
import { trainRows } from '../../shared/task-rule.js';
import { boardOrder } from './board-order.js';
import { matrixLines, num, table } from './format.js';

/** `rnn-lab show FILE`: the seed notebook's printouts, per run, after one comparison table. */
export function sessionReport(session: Session, file: string): string {
  const runs = boardOrder(session);
  // The session's success threshold, as the app's runs table and badges use it.
  const threshold = session.view.table.threshold;
  const lines = [
    `${file}: ${session.runs.length} runs, saved ${session.modifiedAt} by RNN Lab ${session.appVersion}`,
    '',
    'Summary',
    ...table(
      [
        'Run',
        'Status',
        'Backend',
        'Params',
        'Epochs',
        'loss',
        'acc',
        'val_loss',
        'val_acc',
        'baseline',
        'Seconds',
        'Health',
      ],
      runs.map((run) => {
        const last = run.history.at(-1);
        return [
          run.name,
          run.status,
          run.backend?.name ?? '-',
          String(run.summary?.totalParams ?? '-'),
          `${run.history.length}/${run.config.training.epochs}`,
          last ? num(last.loss) : '-',
          last ? num(last.acc) : '-',
          last ? num(last.valLoss) : '-',
          last ? num(last.valAcc) : '-',
          num(majorityBaseline(run.config.task)),
          run.trainSeconds !== undefined ? run.trainSeconds.toFixed(1) : '-',
          healthLabel(run, threshold),
        ];
      }),
    ),
  ];
  for (const run of runs) lines.push('', ...runReport(run, threshold));
  return `${lines.join('\n')}\n`;
}

const healthLabel = (run: Run, threshold: number) => {
  const health = runHealth(run, threshold);
  return health ? HEALTH_LABELS[health.verdict] : '-';
};

/** The verdict and why, and the accuracy that learning nothing gets on this run's validation split. */
function healthLines(run: Run, threshold: number): string[] {
  const health = runHealth(run, threshold);
  const { task } = run.config;
  const rows = task.samples - trainRows(task);
  return [
    ...(health ? [`  Health: ${HEALTH_LABELS[health.verdict]}: ${health.reason}`] : []),
    `  Baseline: ${num(majorityBaseline(task))} (always answering the majority class of the ${rows} validation rows)`,
  ];
}

/** The run's title line, then its task, model and training set-up, note and error. */
function runHeader(run: Run): string[] {
  const { task, model, training } = run.config;
  const head = `== ${run.name} (${run.id}) · ${run.status}${run.backend ? ` · ${run.backend.name} (${run.backend.reason})` : ''} ==`;
  const lines = [
    head,
    `  Task: does a sequence of ${task.sequenceLength} digits (0–${task.vocabularySize - 1}) contain a ${task.targetDigit}? ` +
      `${task.samples} rows, last ${task.validationSplit} validate, data seed ${task.dataSeed}`,
    `  Model: Embedding ${model.embeddingDim} → SimpleRNN(${model.rnnUnits}, ${model.rnnActivation})` +
      `${model.outputActivation === 'sigmoid' ? ' → sigmoid' : ''}`,
    `  Training: Adam(${training.learningRate}), batch ${training.batchSize}, ${training.epochs} epochs, seed ${training.seed}, ${training.engine} engine`,
  ];
  if (run.note) lines.push(`  Note: ${run.note.replace(/\s*\n\s*/g, ' / ').replace(/\t/g, ' ')}`);
  if (run.error) lines.push(`  Error: ${run.error}`);
  return lines;
}

/** Keras's model.summary(): the layer table and the parameter totals. */
function summaryLines(summary: NonNullable<Run['summary']>): string[] {
  return [
    '',
    ...table(
      ['Layer (type)', 'Output Shape', 'Param #'],
      summary.layers.map((l) => [`${l.name} (${l.type})`, l.outputShape, String(l.params)]),
    ),
    `  Total params: ${summary.totalParams}  Trainable params: ${summary.trainableParams}  ` +
      `Non-trainable params: ${summary.totalParams - summary.trainableParams}`,
  ];
}

/** The per-epoch table; with several units its title says how loss and accuracy are taken over them. */
function historyLines(run: Run): string[] {
  const { model } = run.config;
  const units =
    model.rnnUnits > 1
      ? ` (loss: cross-entropy per unit, averaged over the ${model.rnnUnits} units; acc: a row is right when the mean of the units' probabilities is on its label's side of 0.5)`
      : '';
  return [
    '',
    `  History${units}`,
    ...table(
      ['epoch', 'loss', 'acc', 'val_loss', 'val_acc'],
      run.history.map((h) => [String(h.epoch), num(h.loss), num(h.acc), num(h.valLoss), num(h.valAcc)]),
      '    ',
    ),
  ];
}

function weightsLines(weights: NonNullable<Run['weights']>): string[] {
  return [
    '',
    '  Weights',
    ...matrixLines('Embedding', weights.embedding).map((l) => `  ${l}`),
    ...matrixLines('W (kernel)', weights.kernel).map((l) => `  ${l}`),
    ...matrixLines('U (recurrent kernel)', weights.recurrentKernel).map((l) => `  ${l}`),
    `    b (bias): [${weights.bias.map((v) => num(v)).join(' ')}]`,
  ];
}

function digitScoreLines(digitScores: NonNullable<Run['digitScores']>, targetDigit: number): string[] {
  return [
    '',
    '  Digit scores (Emb · W + b)',
    ...digitScores.map(
      (row, d) =>
        `    ${String(d).padStart(3)}: ${row.map((v) => num(v).padStart(11)).join(' ')}${d === targetDigit ? '  ← target' : ''}`,
    ),
  ];
}

function predictionLines(run: Run): string[] {
  const { rnnUnits } = run.config.model;
  const probability = rnnUnits > 1 ? `probability (mean of ${rnnUnits} units)` : 'probability';
  return [
    '',
    '  Predictions (last rows of the data set)',
    ...table(
      ['input', 'label', probability],
      run.predictions.map((p) => [`[${p.input.join(' ')}]`, String(p.label), num(p.probability)]),
      '    ',
    ),
  ];
}

/** One run's section: its set-up, then whatever it has of summary, history, weights, digit scores and predictions. */
function runReport(run: Run, threshold: number): string[] {
  return [
    ...runHeader(run),
    ...healthLines(run, threshold),
    ...(run.summary ? summaryLines(run.summary) : []),
    ...(run.history.length ? historyLines(run) : []),
    ...(run.weights ? weightsLines(run.weights) : []),
    ...(run.digitScores ? digitScoreLines(run.digitScores, run.config.task.targetDigit) : []),
    ...(run.predictions.length ? predictionLines(run) : []),
  ];
}
