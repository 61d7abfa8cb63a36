import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { saveJson } from './json-file.js';

/** Where the window was, stored as JSON in userData. */
const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean().default(false),
});
export type WindowBounds = z.infer<typeof boundsSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1440, height: 900 } as const;

/** The saved bounds, or null when there are none or they are unreadable (never an error at start-up). */
export function loadBounds(file: string): WindowBounds | null {
  try {
    const parsed = boundsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveBounds(file: string, bounds: WindowBounds): void {
  saveJson(file, bounds);
}

/**
 * Saved bounds are used only if a good part of the window lands on a display
 * that exists now (a monitor may have been unplugged since).
 */
export function visibleOnSomeDisplay(bounds: Rect, workAreas: readonly Rect[]): boolean {
  return workAreas.some((area) => {
    const w = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
    const h = Math.min(bounds.y + bounds.height, area.y + area.height) - Math.max(bounds.y, area.y);
    return w >= 100 && h >= 100;
  });
}
