import { lab } from '../stores/lab.svelte.js';
import { memoTableState } from './table-memo.js';

const derive = memoTableState();

/**
 * The one table state the runs table and the group views both draw: computed once per change of the
 * (settled) runs, the board order or the table view, not once per view.
 */
class RunsView {
  table = $derived(derive(lab.settledRuns, lab.view.order, lab.view.table));
}

export const runsView = new RunsView();
