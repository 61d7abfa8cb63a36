/** Runs in the board's order: ids listed in the view first, then any the view does not know yet, in service order. */
export function orderRuns<T extends { id: string }>(runs: readonly T[], order: readonly string[]): T[] {
  const byId = new Map(runs.map((r) => [r.id, r]));
  const placed = order.filter((id) => byId.has(id)).map((id) => byId.get(id)!);
  const seen = new Set(placed.map((r) => r.id));
  return [...placed, ...runs.filter((r) => !seen.has(r.id))];
}

/** How many sweep runs the board compares when none are chosen: four columns fit a 1440-px window. */
export const DEFAULT_COMPARED = 4;

/**
 * The runs the board compares, in board order: the chosen ones that exist; else every run made by hand
 * (a handful, as before sweeps); else, in a session of sweep runs only, the first four.
 */
export function comparedRuns<T extends { id: string; sweep?: unknown }>(
  ordered: readonly T[],
  chosen: readonly string[],
): T[] {
  const picked = new Set(chosen);
  const some = ordered.filter((r) => picked.has(r.id));
  if (some.length) return some;
  const byHand = ordered.filter((r) => !r.sweep);
  return byHand.length ? byHand : ordered.slice(0, DEFAULT_COMPARED);
}

/**
 * Moves one of the compared runs by `delta` places among the compared ones; the others keep their
 * places in the whole order (the compared runs swap the slots they hold).
 */
export function moveAmong(order: readonly string[], compared: readonly string[], id: string, delta: number): string[] {
  const moved = moveInOrder(compared, id, delta);
  const slots = new Set(compared);
  let next = 0;
  return order.map((x) => (slots.has(x) ? moved[next++] : x));
}

/** Moves one id by `delta` places within the board order (for keyboard reordering). */
export function moveInOrder(order: readonly string[], id: string, delta: number): string[] {
  const next = [...order];
  const from = next.indexOf(id);
  if (from < 0) return next;
  const to = Math.max(0, Math.min(next.length - 1, from + delta));
  next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}

/** Progress is only meaningful while a run trains; drop entries for runs that ended or vanished. */
export function liveProgress<P>(
  progress: Readonly<Record<string, P>>,
  runs: readonly { id: string; status: string }[],
): Record<string, P> {
  const training = new Set(runs.filter((r) => r.status === 'training').map((r) => r.id));
  return Object.fromEntries(Object.entries(progress).filter(([id]) => training.has(id)));
}
