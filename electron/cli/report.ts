import type { Run } from '../../shared/schemas/run.js';
import type { Session } from '../../shared/schemas/session.js';
import { boardOrder } from './board-order.js';
import { matrixLines, num, table } from './format.js';

/** `rnn-lab show FILE`: the seed notebook's printouts, per run, after one comparison table. */
export function sessionReport(session: Session, file: string): string {
  const runs = boardOrder(session);
  const lines = [
    `${file}: ${session.runs.length} runs, saved ${session.modifiedAt} by RNN Lab ${session.appVersion}`,
    '',
    'Summary',
    ...table(
      ['Run', 'Status', 'Backend', 'Params', 'Epochs', 'loss', 'acc', 'val_loss', 'val_acc', 'Seconds'],
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
          run.trainSeconds !== undefined ? run.trainSeconds.toFixed(1) : '-',
        ];
      }),
    ),
  ];
  for (const run of runs) lines.push('', ...runReport(run));
  return `${lines.join('\n')}\n`;
}

function runReport(run: Run): string[] {
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
  if (run.summary) {
    lines.push(
      '',
      ...table(
        ['Layer (type)', 'Output Shape', 'Param #'],
        run.summary.layers.map((l) => [`${l.name} (${l.type})`, l.outputShape, String(l.params)]),
      ),
    );
    lines.push(
      `  Total params: ${run.summary.totalParams}  Trainable params: ${run.summary.trainableParams}  ` +
        `Non-trainable params: ${run.summary.totalParams - run.summary.trainableParams}`,
    );
  }
  if (run.history.length) {
    const units =
      model.rnnUnits > 1
        ? ` (loss: cross-entropy per unit, averaged over the ${model.rnnUnits} units; acc: a row is right when the mean of the units' probabilities is on its label's side of 0.5)`
        : '';
    lines.push(
      '',
      `  History${units}`,
      ...table(
        ['epoch', 'loss', 'acc', 'val_loss', 'val_acc'],
        run.history.map((h) => [String(h.epoch), num(h.loss), num(h.acc), num(h.valLoss), num(h.valAcc)]),
        '    ',
      ),
    );
  }
  if (run.weights) {
    lines.push(
      '',
      '  Weights',
      ...matrixLines('Embedding', run.weights.embedding).map((l) => `  ${l}`),
      ...matrixLines('W (kernel)', run.weights.kernel).map((l) => `  ${l}`),
      ...matrixLines('U (recurrent kernel)', run.weights.recurrentKernel).map((l) => `  ${l}`),
      `    b (bias): [${run.weights.bias.map((v) => num(v)).join(' ')}]`,
    );
  }
  if (run.digitScores) {
    lines.push(
      '',
      '  Digit scores (Emb · W + b)',
      ...run.digitScores.map(
        (row, d) =>
          `    ${String(d).padStart(3)}: ${row.map((v) => num(v).padStart(11)).join(' ')}${d === task.targetDigit ? '  ← target' : ''}`,
      ),
    );
  }
  if (run.predictions.length) {
    const probability = model.rnnUnits > 1 ? `probability (mean of ${model.rnnUnits} units)` : 'probability';
    lines.push(
      '',
      '  Predictions (last rows of the data set)',
      ...table(
        ['input', 'label', probability],
        run.predictions.map((p) => [`[${p.input.join(' ')}]`, String(p.label), num(p.probability)]),
        '    ',
      ),
    );
  }
  return lines;
}
