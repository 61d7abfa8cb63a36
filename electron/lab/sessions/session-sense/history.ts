import type { Run } from '../../../../shared/schemas/run.js';

/** At most one history row per epoch of the run, epochs strictly increasing within 1…epochs. */
export function checkHistory(run: Run, at: string): string | null {
  const epochs = run.config.training.epochs;
  if (run.history.length > epochs) return `${at}.history: ${run.history.length} rows for a ${epochs}-epoch run`;
  let previous = 0;
  for (const [i, row] of run.history.entries()) {
    const where = `${at}.history.${i}.epoch`;
    if (row.epoch > epochs) return `${where}: epoch ${row.epoch} is beyond the run's ${epochs} epochs`;
    if (row.epoch <= previous) return `${where}: epoch ${row.epoch} after epoch ${previous} (epochs must increase)`;
    previous = row.epoch;
  }
  return null;
}
