/**
 * Which digits get an end label on a chart of one line per digit (score timeline,
 * 1-D map): the target, and the highest and lowest of the others, unless a label
 * would sit within `minGap` (a fraction of `span`, the y axis's extent) of one already placed.
 * Ten labels near one value overprint each other; these three tell the story.
 */
export function endLabelDigits(
  finalValues: readonly number[],
  target: number,
  span: number,
  minGap = 0.06,
): Set<number> {
  const finite = finalValues.map((v, d) => ({ v, d })).filter((x) => Number.isFinite(x.v));
  const picked = new Set<number>();
  if (finite.length === 0) return picked;
  const gap = minGap * (Number.isFinite(span) && span > 0 ? span : 1);
  const placed: number[] = [];
  const place = (d: number, v: number) => {
    if (placed.some((p) => Math.abs(p - v) < gap)) return;
    picked.add(d);
    placed.push(v);
  };
  const t = finite.find((x) => x.d === target);
  if (t) place(t.d, t.v);
  const others = finite.filter((x) => x.d !== target).sort((a, b) => b.v - a.v);
  if (others.length) place(others[0].d, others[0].v);
  if (others.length > 1) place(others.at(-1)!.d, others.at(-1)!.v);
  return picked;
}
