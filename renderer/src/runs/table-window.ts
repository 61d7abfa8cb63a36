/**
 * The rows a virtualised table draws: only the lines inside the scroll area's view, plus a few either side
 * so a fast scroll never shows a blank. Lines have fixed heights by kind (group rows are taller), so every
 * line's top is a prefix sum and the first visible line is a binary search.
 */

/** Each line's top, and the total height as a last entry. */
export function lineTops(heights: readonly number[]): number[] {
  const tops = new Array<number>(heights.length + 1);
  tops[0] = 0;
  for (let i = 0; i < heights.length; i++) tops[i + 1] = tops[i] + heights[i];
  return tops;
}

/** The index of the line that covers `y` (the last line for y past the end, 0 for an empty table). */
export function lineAt(tops: readonly number[], y: number): number {
  const count = tops.length - 1;
  if (count <= 0) return 0;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tops[mid] <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface LineWindow {
  /** First line drawn. */
  start: number;
  /** One past the last line drawn. */
  end: number;
}

/** The lines to draw for a view of `viewport` pixels scrolled to `scrollTop`, with `overscan` lines either side. */
export function visibleWindow(tops: readonly number[], scrollTop: number, viewport: number, overscan = 6): LineWindow {
  const count = tops.length - 1;
  if (count <= 0) return { start: 0, end: 0 };
  const first = lineAt(tops, Math.max(0, scrollTop));
  const last = lineAt(tops, Math.max(0, scrollTop + viewport - 1));
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + 1 + overscan) };
}

/**
 * The scroll position that shows line `index` whole below a sticky header of `header` pixels, or null when
 * it is in view already (moving the focus must not jump the table for no reason).
 */
export function revealScroll(
  tops: readonly number[],
  index: number,
  scrollTop: number,
  viewport: number,
  header: number,
): number | null {
  if (index < 0 || index >= tops.length - 1) return null;
  const top = tops[index];
  const bottom = tops[index + 1];
  const visibleBody = viewport - header;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + visibleBody) return Math.max(0, bottom - visibleBody);
  return null;
}

/** Lines per page for PageUp/PageDown: the whole lines the view shows at a row height, at least one. */
export const linesPerPage = (viewport: number, header: number, rowHeight: number) =>
  Math.max(1, Math.floor((viewport - header) / rowHeight));
