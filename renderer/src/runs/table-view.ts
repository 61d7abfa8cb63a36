import type { TableView } from '../../../shared/schemas/session.js';
import { setView } from '../lib/actions.js';
import { lab } from '../stores/lab.svelte.js';

/** Changes only the named parts of view.table; the rest is what the service last echoed. */
export function updateTable(patch: Partial<TableView>): void {
  void setView({ table: { ...lab.view.table, ...patch } });
}

/** A call that waits until `ms` have passed without another (typing sends once, not per key). */
export function debounced<A extends unknown[]>(fn: (...args: A) => void, ms = 250) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const call = (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      fn(...args);
    }, ms);
  };
  call.pending = () => timer !== undefined;
  return call;
}
