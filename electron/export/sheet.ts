/**
 * A figure sheet: several rendered chart SVGs laid out in a grid under their
 * run names, as one SVG (resvg rasterises nested <svg> elements like any other).
 */
import { escapeXml } from '../../shared/charts/escape-xml.js';

export interface SheetCell {
  title: string;
  color: string;
  svg: string;
}

export interface SheetLayout {
  cellWidth: number;
  cellHeight: number;
  columns: number;
  background: string;
  textColor: string;
  fontFamily: string;
}

const TITLE_HEIGHT = 26;

export function composeSheet(cells: readonly SheetCell[], layout: SheetLayout): string {
  const cols = Math.max(1, Math.min(layout.columns, cells.length));
  const rows = Math.max(1, Math.ceil(cells.length / cols));
  const rowHeight = layout.cellHeight + TITLE_HEIGHT;
  const width = cols * layout.cellWidth;
  const height = rows * rowHeight;
  const font = escapeXml(layout.fontFamily.replaceAll('"', "'"));
  const parts = cells.map((cell, i) => {
    const x = (i % cols) * layout.cellWidth;
    const y = Math.floor(i / cols) * rowHeight;
    // Place the chart's own root <svg> at its cell.
    const inner = cell.svg.replace(/^\s*(<\?xml[^>]*>\s*)?<svg\b/, `<svg x="${x}" y="${y + TITLE_HEIGHT}"`);
    return [
      `<rect x="${x + 12}" y="${y + 9}" width="10" height="10" rx="2" fill="${escapeXml(cell.color)}"/>`,
      `<text x="${x + 28}" y="${y + 18}" font-size="13" font-weight="600" font-family="${font}" fill="${escapeXml(layout.textColor)}">${escapeXml(cell.title)}</text>`,
      inner,
    ].join('\n');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="${escapeXml(layout.background)}"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
}
