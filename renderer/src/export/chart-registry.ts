import type { ThemeMode } from '../../../shared/charts/theme.js';
import { renderPng, type BuildOption } from './chart-export.js';

/** Charts on screen, so "Export board" can draw each at its place on one sheet. */
export interface ChartHandle {
  element: HTMLElement;
  build: BuildOption;
}

const charts = new Set<ChartHandle>();

export function registerChart(handle: ChartHandle): () => void {
  charts.add(handle);
  return () => charts.delete(handle);
}

export function chartsWithin(root: HTMLElement): ChartHandle[] {
  return [...charts].filter((c) => root.contains(c.element));
}

export function handlePng(handle: ChartHandle, mode: ThemeMode, print: boolean): Uint8Array | null {
  const { width, height } = handle.element.getBoundingClientRect();
  if (width < 4 || height < 4) return null;
  try {
    return renderPng(handle.build, mode, Math.round(width), Math.round(height), print);
  } catch {
    return null;
  }
}
