import { fieldLabel } from '../../../shared/charts/sweep-common.js';
import { cellOf, type RunRow } from '../../../shared/sweeps/runs-table.js';
import { NUMERIC_METRICS, type NumericMetric } from '../../../shared/sweeps/metrics.js';
import { HEALTH_GLYPHS, HEALTH_LABELS, type HealthVerdict } from '../../../shared/run-health.js';

/** The runs table's columns: selection, name, the varied fields, the metrics, backend and status. */
export type ColumnKind = 'select' | 'name' | 'field' | 'metric' | 'backend' | 'status';

export interface TableColumn {
  /** The column's id in view.table (sort, ranges): a config path, a metric name, 'name', 'backend', 'status'. */
  id: string;
  kind: ColumnKind;
  label: string;
  /** What the header's tooltip and accessible description say (a field's full path, a metric's meaning). */
  title: string;
  /** Its track in the row's CSS grid. */
  width: string;
  /** Right-aligned, tabular figures. */
  numeric: boolean;
  /** Decimals for the number formatter. */
  digits: number;
}

const METRIC_COLUMNS: Record<NumericMetric, { label: string; title: string; digits: number }> = {
  valAcc: { label: 'Val acc', title: 'final validation accuracy', digits: 3 },
  valLoss: { label: 'Val loss', title: 'final validation loss', digits: 3 },
  epochsToSuccess: {
    label: 'Epochs to success',
    title: 'first epoch whose validation accuracy reached the success threshold',
    digits: 0,
  },
  digitMargin: {
    label: 'Digit margin',
    title: "the target digit's score minus the largest other digit's",
    digits: 3,
  },
  recurrentRadius: {
    label: 'Recurrent radius',
    title: '|U| for one unit, else the largest |eigenvalue| of the recurrent state block',
    digits: 3,
  },
  trainSeconds: { label: 'Train s', title: 'training time in seconds', digits: 2 },
};

const TEXT_LABELS: Record<string, string> = { name: 'Run', backend: 'Backend', status: 'Status' };

/** A column's name as a person reads it: "Val acc", "Embedding size", "Run". */
export function columnLabel(id: string): string {
  if (id in METRIC_COLUMNS) return METRIC_COLUMNS[id as NumericMetric].label;
  return TEXT_LABELS[id] ?? fieldLabel(id);
}

export function tableColumns(fields: readonly string[]): TableColumn[] {
  const col = (c: Omit<TableColumn, 'digits'> & { digits?: number }): TableColumn => ({ digits: 3, ...c });
  return [
    col({
      id: 'select',
      kind: 'select',
      label: 'Select',
      title: 'compare on the board',
      width: '34px',
      numeric: false,
    }),
    col({ id: 'name', kind: 'name', label: 'Run', title: 'run name', width: 'minmax(150px, 1fr)', numeric: false }),
    ...fields.map((f) => col({ id: f, kind: 'field', label: fieldLabel(f), title: f, width: '86px', numeric: false })),
    ...NUMERIC_METRICS.map((m) => col({ id: m, kind: 'metric', ...METRIC_COLUMNS[m], width: '72px', numeric: true })),
    col({ id: 'backend', kind: 'backend', label: 'Backend', title: 'tfjs backend', width: '78px', numeric: false }),
    col({ id: 'status', kind: 'status', label: 'Status', title: 'run status', width: '120px', numeric: false }),
  ];
}

/** The CSS grid template every row shares, so cells line up under their headers. */
export const gridTemplate = (columns: readonly TableColumn[]) => columns.map((c) => c.width).join(' ');

/** The narrowest the row may be: each track's fixed or minimum width. */
export function minRowWidth(columns: readonly TableColumn[]): number {
  return columns.reduce((sum, c) => sum + Number(/(\d+)px/.exec(c.width)?.[1] ?? 0), 0);
}

/**
 * The table's one number formatter: fixed between 1e-3 and 1e4 (in magnitude), scientific outside, so a
 * column of figures keeps its width and a tiny or huge value still reads as one.
 */
export function formatNumber(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined) return '—';
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a === 0) return (0).toFixed(digits);
  if (a < 1e-3 || a >= 1e4) return x.toExponential(2);
  return x.toFixed(digits);
}

/** A cell's text: a value as typed for fields, formatted figures for metrics. */
export function cellText(row: RunRow, column: TableColumn): string {
  const v = cellOf(row, column.id);
  if (column.kind === 'metric') return formatNumber(typeof v === 'number' ? v : null, column.digits);
  if (v === null || v === undefined) return '—';
  return String(v);
}

export type StatusTone = 'ok' | 'warn' | 'bad' | 'busy' | 'idle';
export interface StatusCell {
  text: string;
  /** A glyph beside the text so failure reads without colour. */
  mark: string;
  tone: StatusTone;
  /** The whole story (a failure's message). */
  title: string;
}

const VERDICT_TONES: Readonly<Record<HealthVerdict, StatusTone>> = {
  learned: 'ok',
  weak: 'warn',
  'did-not-learn': 'bad',
  diverged: 'bad',
};

/**
 * What the status column shows for a run. One function, so a fuller verdict on a run's health can take
 * its place without touching the table.
 */
export function statusCell(row: RunRow, error?: string): StatusCell {
  const status = row.metrics.status;
  if (status === 'failed') {
    const diverged = /diverged/i.test(error ?? '');
    return { text: diverged ? 'Diverged' : 'Failed', mark: '✕', tone: 'bad', title: error ?? 'training failed' };
  }
  if (status === 'cancelled') return { text: 'Cancelled', mark: '■', tone: 'bad', title: 'cancelled before the end' };
  const health = row.metrics.health;
  if (status === 'done' && health) {
    const tone = VERDICT_TONES[health.verdict];
    const baseline = `majority-class baseline ${row.metrics.baseline.toFixed(3)}`;
    return {
      text: HEALTH_LABELS[health.verdict],
      mark: HEALTH_GLYPHS[health.verdict],
      tone,
      title: `${health.reason} (${baseline})`,
    };
  }
  if (status === 'done') return { text: 'Done', mark: '✓', tone: 'ok', title: 'trained to the last epoch' };
  if (status === 'training') return { text: 'Training', mark: '●', tone: 'busy', title: 'training now' };
  if (status === 'queued') return { text: 'Queued', mark: '○', tone: 'busy', title: 'waiting for a worker' };
  return { text: 'Not trained', mark: '○', tone: 'idle', title: 'not trained yet' };
}
