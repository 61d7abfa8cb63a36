import type { Run } from '../schemas/run.js';
import { weightBars } from './weights.js';
import { digitScoreValues } from './digit-scores.js';
import { candidateGate, gateBlocks } from './gates.js';

/** The numbers behind the charts, as CSV (one header row, one row per value) or JSON. */
export const dataKinds = ['history', 'weights', 'digit-scores', 'predictions'] as const;
export type DataKind = (typeof dataKinds)[number];

type Cell = string | number;

function csvCell(value: Cell): string {
  const s = typeof value === 'number' ? String(value) : value;
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

/** The column of unit 0 of the gate a run's one score per digit reads (0 for a SimpleRNN). */
function gateColumn(run: Run): number {
  const cell = run.config.model.cell;
  return candidateGate(cell).index * run.config.model.rnnUnits;
}

/** Embedding, then W, U and b (per gate for GRU and LSTM: matrix W_f, U_f, b_f…), then the dense readout. */
function weightRows(run: Run): Cell[][] {
  const w = run.weights;
  if (!w) return [];
  const rows: Cell[][] = [];
  const push = (matrix: string, index: string, v: number) => rows.push([run.name, matrix, index, v]);
  w.embedding.forEach((row, digit) => row.forEach((v, d) => push('embedding', `${digit},${d}`, v)));
  if (run.config.model.cell === 'simple') for (const b of weightBars(w)) push(b.group, b.label, b.value);
  else
    for (const g of gateBlocks(w, run.config.model.cell)) {
      g.kernel.forEach((row, i) => row.forEach((v, j) => push(`W_${g.key}`, `${i},${j}`, v)));
      g.recurrent.forEach((row, i) => row.forEach((v, j) => push(`U_${g.key}`, `${i},${j}`, v)));
      g.bias.forEach((v, j) => push(`b_${g.key}`, String(j), v));
    }
  w.readout?.kernel.forEach((row, j) => push('readout_v', String(j), row[0]));
  w.readout?.bias.forEach((v) => push('readout_c', '0', v));
  return rows;
}

function rowsFor(run: Run, kind: DataKind): { header: string[]; rows: Cell[][] } {
  switch (kind) {
    case 'history':
      return {
        header: ['run', 'epoch', 'loss', 'acc', 'val_loss', 'val_acc'],
        rows: run.history.map((h) => [run.name, h.epoch, h.loss, h.acc, h.valLoss, h.valAcc]),
      };
    case 'weights':
      return { header: ['run', 'matrix', 'index', 'value'], rows: weightRows(run) };
    case 'digit-scores':
      return {
        header: ['run', 'digit', 'score', 'is_target'],
        // A gated run's one score per digit is its candidate's, unit 0 (as the overlay draws it); the JSON has all.
        rows: (run.digitScores ? digitScoreValues(run.digitScores, gateColumn(run)) : []).map((v, d) => [
          run.name,
          d,
          v,
          d === run.config.task.targetDigit ? 1 : 0,
        ]),
      };
    case 'predictions':
      return {
        header: ['run', 'input', 'label', 'probability', 'correct'],
        rows: run.predictions.map((p) => [
          run.name,
          p.input.join(' '),
          p.label,
          p.probability,
          (p.probability >= 0.5 ? 1 : 0) === p.label ? 1 : 0,
        ]),
      };
  }
}

export function dataCsv(runs: readonly Run[], kind: DataKind): string {
  const parts = runs.map((r) => rowsFor(r, kind));
  const header = parts[0]?.header ?? rowsFor({ name: '' } as Run, kind).header;
  return toCsv(
    header,
    parts.flatMap((p) => p.rows),
  );
}

function jsonFor(run: Run, kind: DataKind): unknown {
  switch (kind) {
    case 'history':
      return run.history;
    case 'weights':
      return run.weights ?? null;
    case 'digit-scores':
      return { targetDigit: run.config.task.targetDigit, scores: run.digitScores ?? null };
    case 'predictions':
      return run.predictions;
  }
}

export function dataJson(runs: readonly Run[], kind: DataKind): string {
  return (
    JSON.stringify(
      { kind, runs: runs.map((r) => ({ id: r.id, name: r.name, config: r.config, data: jsonFor(r, kind) })) },
      null,
      2,
    ) + '\n'
  );
}
