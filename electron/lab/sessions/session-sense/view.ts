import type { Session } from '../../../../shared/schemas/session.js';

/**
 * The board's order and the overlay's hidden list name runs of this session,
 * each once. The lab would quietly drop what does not fit; a file that names
 * unknown or repeated ids was not written by it, so it is refused instead.
 */
export function checkView(session: Session): string | null {
  const ids = new Set(session.runs.map((run) => run.id));
  for (const key of ['order', 'hiddenInOverlay', 'compare'] as const) {
    const seen = new Set<string>();
    for (const [i, id] of session.view[key].entries()) {
      if (!ids.has(id)) return `$.view.${key}.${i}: "${id}" is not a run of this session`;
      if (seen.has(id)) return `$.view.${key}.${i}: "${id}" appears twice`;
      seen.add(id);
    }
  }
  return null;
}
