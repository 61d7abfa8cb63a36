import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { saveJson } from './json-file.js';

const MAX_RECENT = 10;
const recentSchema = z.array(z.string().min(1)).max(50);

/** Newest first, without duplicates, at most ten. */
export function withRecent(list: readonly string[], path: string): string[] {
  return [path, ...list.filter((p) => p !== path)].slice(0, MAX_RECENT);
}

export function loadRecent(file: string): string[] {
  try {
    const parsed = recentSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data.slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

export function saveRecent(file: string, list: readonly string[]): void {
  saveJson(file, list);
}
