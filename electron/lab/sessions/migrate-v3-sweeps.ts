/**
 * Version 3 → 4: sweeps entered the session (`sweeps`, and a run's `sweep` tag). A version-3 file holds
 * no sweep, so it gets an empty list and its runs stay exactly as they were. Keys a version-3 loader
 * ignored are dropped rather than read as sweeps: such a file meant no sweep when it was written.
 */

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function migrateV3Sweeps(doc: Loose): Loose {
  const runs = Array.isArray(doc.runs) ? doc.runs.map(withoutTag) : doc.runs;
  return { ...doc, version: 4, runs, sweeps: [] };
}

function withoutTag(run: unknown): unknown {
  if (!isObject(run) || !('sweep' in run)) return run;
  const { sweep: _ignored, ...rest } = run;
  return rest;
}
