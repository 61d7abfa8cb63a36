import { maxOf } from '../../shared/extent.js';

/** Numbers as the seed prints them: fixed for ordinary values, exponent for tiny or huge ones. */
export function num(x: number, digits = 4): string {
  const a = Math.abs(x);
  if (x !== 0 && (a < 1e-3 || a >= 1e5)) return x.toExponential(digits);
  return x.toFixed(digits);
}

/** A plain text table with right-aligned numeric columns. */
export function table(header: string[], rows: string[][], indent = '  '): string[] {
  const widths = header.map((h, i) =>
    maxOf(
      rows.map((r) => r[i]?.length ?? 0),
      h.length,
    ),
  );
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => /^[-+0-9.e]*$/i.test(r[i] ?? '')));
  const line = (cells: string[]) =>
    indent +
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), indent + widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

export function matrixLines(label: string, matrix: number[][], rowLabel = (i: number) => String(i)): string[] {
  const rows = matrix.map(
    (row, i) => `    ${rowLabel(i).padStart(3)}: [${row.map((v) => num(v).padStart(11)).join(' ')}]`,
  );
  return [`  ${label} (${matrix.length} × ${matrix[0]?.length ?? 0}):`, ...rows];
}
