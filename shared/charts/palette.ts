import type { ThemeMode } from './theme.js';

/**
 * One colour per run, in board order, used by every chart of that run and by
 * the overlays, so a run is recognisable at a glance. Hues are spaced for
 * distinctness; the light theme uses deeper shades of the same hues.
 */
const DARK_PALETTE = ['#3fc1b0', '#f2b441', '#9d8cf5', '#f07a68', '#5aaef0', '#a6d25a', '#e47cc1', '#c9a97a'];
const LIGHT_PALETTE = ['#0f9484', '#c98a0c', '#6a55d9', '#d4503c', '#2a7fc8', '#6f9e1f', '#b8458f', '#8f7146'];

export function runPalette(mode: ThemeMode): readonly string[] {
  return mode === 'dark' ? DARK_PALETTE : LIGHT_PALETTE;
}

export function runColor(index: number, mode: ThemeMode): string {
  const palette = runPalette(mode);
  return palette[((index % palette.length) + palette.length) % palette.length];
}

/** `#rrggbb` with an alpha, for fills and secondary lines. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
