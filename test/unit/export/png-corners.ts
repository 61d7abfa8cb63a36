import { PNG } from 'pngjs';

/** "#14171c" → [20, 23, 28, 255]: a theme colour as the opaque pixel a PNG holds. */
export function rgba(hex: string): number[] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16), 255];
}

/** The four corner pixels of a PNG, where no chart draws: what shows there is the background alone. */
export function cornerPixels(
  bytes: Uint8Array,
): Record<'top left' | 'top right' | 'bottom left' | 'bottom right', number[]> {
  const png = PNG.sync.read(Buffer.from(bytes));
  const at = (x: number, y: number) => [...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4)];
  const [r, b] = [png.width - 1, png.height - 1];
  return { 'top left': at(0, 0), 'top right': at(r, 0), 'bottom left': at(0, b), 'bottom right': at(r, b) };
}
