import type { Run } from '../schemas/run.js';
import { weightBars } from './weights.js';
import { digitScoreValues } from './digit-scores.js';

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

function rowsFor(run: Run, kind: DataKind): { header: string[]; rows: Cell[][] } {
  switch (kind) {
    case 'history':
      return {
        header: ['run', 'epoch', 'loss', 'acc', 'val_loss', 'val_acc'],
        rows: run.history.map((h) => [run.name, h.epoch, h.loss, h.acc, h.valLoss, h.valAcc]),
      };
    case 'weights': {
      const rows: Cell[][] = [];
      run.weights?.embedding.forEach((row, digit) =>
        row.forEach((v, d) => rows.push([run.name, 'embedding', `${digit},${d}`, v])),
      );
      if (run.weights) for (const b of weightBars(run.weights)) rows.push([run.name, b.group, b.label, b.value]);
      return { header: ['run', 'matrix', 'index', 'value'], rows };
    }
    case 'digit-scores':
      return {
        header: ['run', 'digit', 'score', 'is_target'],
        rows: digitScoreValues(run.digitScores ?? []).map((v, d) => [
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
