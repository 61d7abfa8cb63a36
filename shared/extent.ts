/**
 * Largest and smallest of a list with a plain loop. `Math.max(...values)`
 * passes every value as an argument and overflows the call stack on large
 * arrays (a few hundred thousand values), so data-sized lists go through here.
 */
export function maxOf(values: Iterable<number>, start = -Infinity): number {
  let best = start;
  for (const value of values) if (value > best) best = value;
  return best;
}

export function minOf(values: Iterable<number>, start = Infinity): number {
  let best = start;
  for (const value of values) if (value < best) best = value;
  return best;
}
