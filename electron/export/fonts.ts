import { existsSync } from 'node:fs';

/**
 * resvg draws text only with fonts it has loaded, and ECharts' SVG names web fonts
 * (Inter, JetBrains Mono) that a server does not have. We load the system fonts
 * (fontconfig's folders: /usr/share/fonts here, with DejaVu and Liberation) and map
 * the generic families to DejaVu when present, so every label falls back to a real face.
 * With no fonts at all the PNG still renders, without text; `fontWarning` says so.
 */
const DEJAVU_DIR = '/usr/share/fonts/truetype/dejavu';

export interface FontSetup {
  loadSystemFonts: true;
  fontDirs: string[];
  defaultFontFamily?: string;
  sansSerifFamily?: string;
  monospaceFamily?: string;
}

export function fontSetup(): FontSetup {
  const dirs = ['/usr/share/fonts', '/usr/local/share/fonts'].filter((d) => existsSync(d));
  if (!existsSync(DEJAVU_DIR)) return { loadSystemFonts: true, fontDirs: dirs };
  return {
    loadSystemFonts: true,
    fontDirs: dirs,
    defaultFontFamily: 'DejaVu Sans',
    sansSerifFamily: 'DejaVu Sans',
    monospaceFamily: 'DejaVu Sans Mono',
  };
}

export function fontWarning(): string | null {
  return fontSetup().fontDirs.length ? null : 'no system fonts found (/usr/share/fonts): PNG text will be missing';
}
