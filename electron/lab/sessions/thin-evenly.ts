/**
 * At most `budget` items of a series, spread evenly over it, the first and the
 * last always kept (budget ≥ 2): a long series keeps its whole span.
 */
export function thinEvenly<T>(items: readonly T[], budget: number): T[] {
  if (items.length <= budget) return [...items];
  const keep = Math.max(2, budget);
  // With n > keep the stride (n − 1)/(keep − 1) exceeds 1, so rounded indices never repeat.
  return Array.from({ length: keep }, (_, k) => items[Math.round((k * (items.length - 1)) / (keep - 1))]);
}
