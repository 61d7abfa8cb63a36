import { CELL_LABELS } from '../cells.js';
import { runColor } from '../charts/palette.js';
import type { ThemeMode } from '../charts/theme.js';
import type { Run } from '../schemas/run.js';
import { TASKS } from '../tasks.js';
import { esc } from './html.js';

/** A dot in the run's board colour: an SVG fill attribute, since the CSP allows no style attributes. */
export function swatch(index: number, mode: ThemeMode): string {
  const color = esc(runColor(index, mode));
  return `<svg class="swatch" width="10" height="10" viewBox="0 0 10 10" aria-hidden="true"><circle cx="5" cy="5" r="5" fill="${color}"/></svg>`;
}

/** "Embedding 10 → SimpleRNN(1, linear) → sigmoid". */
export function modelText(run: Run): string {
  const { model } = run.config;
  const readout = model.readout === 'dense' ? ' → Dense(1)' : model.outputActivation === 'sigmoid' ? ' → sigmoid' : '';
  return `Embedding ${model.embeddingDim} → ${CELL_LABELS[model.cell]}(${model.rnnUnits}, ${model.rnnActivation})${readout}`;
}

/** The task, the model and the training set-up, as `rnn-lab show` says them. */
export function configLines(run: Run): string[] {
  const { task, training } = run.config;
  const rule = TASKS[task.kind].describe(task);
  return [
    `Task: ${task.kind}, ${rule}; sequences of ${task.sequenceLength} digits (0–${task.vocabularySize - 1}), ${task.samples} rows, last ${task.validationSplit} validate, data seed ${task.dataSeed}`,
    `Model: ${modelText(run)}${run.summary ? `, ${run.summary.totalParams} parameters` : ''}`,
    `Training: Adam(${training.learningRate}), batch ${training.batchSize}, ${training.epochs} epochs, seed ${training.seed}, ${training.engine} engine${run.backend ? `; ${run.backend.name} backend (${run.backend.reason})` : ''}`,
  ];
}
