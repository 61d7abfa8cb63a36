import type { Run } from '../../../shared/schemas/run.js';
import type { TableView } from '../../../shared/schemas/session.js';
import { orderRuns } from '../lib/run-order.js';
import { tableState, type TableState } from './table-state.js';

/**
 * tableState, recomputed only when the runs, their board order or the table view change. The store hands
 * out a new view object for any view change (a selection, a tab), and a new ordered array with it; neither
 * alone is a reason to recompute every run's metrics.
 */
export function memoTableState(): (runs: readonly Run[], order: readonly string[], view: TableView) => TableState {
  let last: { runs: readonly Run[]; order: string; view: string; state: TableState } | null = null;
  return (runs, order, view) => {
    const orderKey = order.join('\n');
    const viewKey = JSON.stringify(view);
    if (last && last.runs === runs && last.order === orderKey && last.view === viewKey) return last.state;
    const state = tableState(orderRuns(runs, order), view);
    last = { runs, order: orderKey, view: viewKey, state };
    return state;
  };
}
