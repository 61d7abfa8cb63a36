import { describe, expect, it } from 'vitest';
import {
  lineAt,
  lineTops,
  linesPerPage,
  revealScroll,
  visibleWindow,
} from '../../../renderer/src/runs/table-window.js';

const rows = (n: number, h = 28) => lineTops(new Array<number>(n).fill(h));

describe('the virtual window of the runs table', () => {
  it('puts every line at the sum of the heights above it', () => {
    expect(lineTops([28, 42, 28])).toEqual([0, 28, 70, 98]);
    expect(lineTops([])).toEqual([0]);
  });

  it('finds the line under a y position, clamped to the table', () => {
    const tops = lineTops([28, 42, 28]);
    expect([0, 27, 28, 69, 70, 97, 500].map((y) => lineAt(tops, y))).toEqual([0, 0, 1, 1, 2, 2, 2]);
    expect(lineAt([0], 10)).toBe(0);
  });

  it('draws only the lines in view plus the overscan, for 1,000 rows anywhere in the scroll', () => {
    const tops = rows(1000);
    expect(visibleWindow(tops, 0, 280, 5)).toEqual({ start: 0, end: 15 });
    // Scrolled to row 500 exactly: rows 500…509 are in view.
    expect(visibleWindow(tops, 500 * 28, 280, 5)).toEqual({ start: 495, end: 515 });
    // Half a row in: the partly shown 11th row is drawn too.
    expect(visibleWindow(tops, 500 * 28 + 14, 280, 0)).toEqual({ start: 500, end: 511 });
    expect(visibleWindow(tops, 1000 * 28, 280, 5)).toEqual({ start: 994, end: 1000 });
    expect(visibleWindow([0], 0, 280)).toEqual({ start: 0, end: 0 });
  });

  it('mixes group lines and run lines', () => {
    const tops = lineTops([42, 28, 28, 42, 42]);
    expect(visibleWindow(tops, 50, 60, 0)).toEqual({ start: 1, end: 4 });
  });

  it('scrolls a focused line into view under the sticky header, and only when it is out of view', () => {
    const tops = rows(100);
    // View of 300 px with a 44 px header: 256 px of body, rows 0…9 whole at scrollTop 0.
    expect(revealScroll(tops, 5, 0, 300, 44)).toBeNull();
    expect(revealScroll(tops, 20, 0, 300, 44)).toBe(21 * 28 - 256);
    expect(revealScroll(tops, 3, 10 * 28, 300, 44)).toBe(3 * 28);
    expect(revealScroll(tops, -1, 0, 300, 44)).toBeNull();
    expect(revealScroll(tops, 100, 0, 300, 44)).toBeNull();
  });

  it('pages by the whole rows the view shows, at least one', () => {
    expect(linesPerPage(300, 44, 28)).toBe(9);
    expect(linesPerPage(50, 44, 28)).toBe(1);
  });
});
