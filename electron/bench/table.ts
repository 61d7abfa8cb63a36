/** A plain fixed-width text table (right-aligned numbers, left-aligned text; blank cells fit either). */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.every((r) => /^([-\d.,]+( ?[\w→]+)*)?$/.test(r[i] ?? '')));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
/** process.resourceUsage().maxRSS is in KiB. */
export const peakRss = () => process.resourceUsage().maxRSS * 1024;
/** 1234.5 → "1,235". */
export const ms = (value: number) => Math.round(value).toLocaleString('en-US');
