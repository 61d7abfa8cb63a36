import { describe, expect, it } from 'vitest';
import { moveFocus } from '../../../renderer/src/runs/table-keys.js';

const size = { rows: 50, cols: 12, page: 10 };

describe('roving focus moves in the runs grid', () => {
  it('moves by one with the arrows, stopping at the edges (row -1 is the header)', () => {
    expect(moveFocus({ row: 3, col: 2 }, 'ArrowDown', size)).toEqual({ row: 4, col: 2 });
    expect(moveFocus({ row: 0, col: 2 }, 'ArrowUp', size)).toEqual({ row: -1, col: 2 });
    expect(moveFocus({ row: -1, col: 2 }, 'ArrowUp', size)).toEqual({ row: -1, col: 2 });
    expect(moveFocus({ row: 49, col: 2 }, 'ArrowDown', size)).toEqual({ row: 49, col: 2 });
    expect(moveFocus({ row: 3, col: 11 }, 'ArrowRight', size)).toEqual({ row: 3, col: 11 });
    expect(moveFocus({ row: 3, col: 0 }, 'ArrowLeft', size)).toEqual({ row: 3, col: 0 });
    expect(moveFocus({ row: 3, col: 4 }, 'ArrowLeft', size)).toEqual({ row: 3, col: 3 });
  });

  it('pages by the page size; PageUp stops at the first line before reaching the header', () => {
    expect(moveFocus({ row: 3, col: 1 }, 'PageDown', size)).toEqual({ row: 13, col: 1 });
    expect(moveFocus({ row: 45, col: 1 }, 'PageDown', size)).toEqual({ row: 49, col: 1 });
    expect(moveFocus({ row: 5, col: 1 }, 'PageUp', size)).toEqual({ row: 0, col: 1 });
    expect(moveFocus({ row: 0, col: 1 }, 'PageUp', size)).toEqual({ row: -1, col: 1 });
    expect(moveFocus({ row: -1, col: 1 }, 'PageDown', size)).toEqual({ row: 9, col: 1 });
  });

  it('Home and End go along the row; with Ctrl to the first and last cell of the grid', () => {
    expect(moveFocus({ row: 7, col: 5 }, 'Home', size)).toEqual({ row: 7, col: 0 });
    expect(moveFocus({ row: 7, col: 5 }, 'End', size)).toEqual({ row: 7, col: 11 });
    expect(moveFocus({ row: 7, col: 5 }, 'Home', size, { ctrl: true })).toEqual({ row: 0, col: 0 });
    expect(moveFocus({ row: 7, col: 5 }, 'End', size, { ctrl: true })).toEqual({ row: 49, col: 11 });
  });

  it('stays on the header of an empty grid, and ignores keys that are not moves', () => {
    const empty = { rows: 0, cols: 12, page: 10 };
    expect(moveFocus({ row: -1, col: 3 }, 'ArrowDown', empty)).toEqual({ row: -1, col: 3 });
    expect(moveFocus({ row: -1, col: 3 }, 'Home', empty, { ctrl: true })).toEqual({ row: -1, col: 0 });
    expect(moveFocus({ row: 2, col: 3 }, 'a', size)).toBeNull();
    expect(moveFocus({ row: 2, col: 3 }, 'Enter', size)).toBeNull();
  });
});
