/**
 * The grid's roving focus as pure moves: a cell position, a key, and the grid's size in, the next position
 * out (null when the key is not a move). Row -1 is the header; rows 0… are the lines below it.
 */
export interface CellPos {
  row: number;
  col: number;
}

export interface GridSize {
  /** Lines below the header. */
  rows: number;
  cols: number;
  /** Lines per PageUp/PageDown. */
  page: number;
}

export interface KeyMods {
  ctrl?: boolean;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function moveFocus(pos: CellPos, key: string, size: GridSize, mods: KeyMods = {}): CellPos | null {
  const lastRow = size.rows - 1;
  const lastCol = size.cols - 1;
  const row = (r: number) => ({ row: clamp(r, -1, lastRow), col: pos.col });
  switch (key) {
    case 'ArrowDown':
      return row(pos.row + 1);
    case 'ArrowUp':
      return row(pos.row - 1);
    case 'ArrowRight':
      return { row: pos.row, col: clamp(pos.col + 1, 0, lastCol) };
    case 'ArrowLeft':
      return { row: pos.row, col: clamp(pos.col - 1, 0, lastCol) };
    case 'PageDown':
      return row(pos.row + size.page);
    case 'PageUp':
      // From the body, a page up stops at the first line; only from there does it reach the header.
      return row(pos.row > 0 ? Math.max(0, pos.row - size.page) : -1);
    case 'Home':
      return mods.ctrl ? { row: size.rows ? 0 : -1, col: 0 } : { row: pos.row, col: 0 };
    case 'End':
      return mods.ctrl ? { row: lastRow, col: lastCol } : { row: pos.row, col: lastCol };
    default:
      return null;
  }
}
