import type { Run } from './schemas/run.js';
import type { Session } from './schemas/session.js';

/**
 * The runs in board order (so each keeps the colour it has in the app), then
 * any run the order leaves out: a valid file need not list every run there,
 * and every printer shows every run.
 */
export function boardOrder(session: Session): Run[] {
  const byId = new Map(session.runs.map((run) => [run.id, run]));
  const placed = session.view.order.flatMap((id) => byId.get(id) ?? []);
  const seen = new Set(placed);
  return [...placed, ...session.runs.filter((run) => !seen.has(run))];
}
