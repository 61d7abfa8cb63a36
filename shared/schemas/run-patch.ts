import { z } from 'zod';
import { runConfigSchema } from './run-config.js';
import { runResultSchema, runStatusSchema } from './run-result.js';
import { runIdSchema, runNameSchema, runNoteSchema, type Run } from './run.js';
import { runSweepTagSchema } from './sweep.js';

/**
 * What changed in one run, as the host pushes it: the fields whose value changed (`set`) and the
 * optional result fields that went away (`unset`, e.g. when a new config clears the results).
 * Built from the result's schema rather than `runSchema.partial()`, which would fill absent arrays
 * with their defaults, turning "unchanged" into "emptied".
 */
const runFieldsSchema = runResultSchema
  .extend({
    name: runNameSchema,
    config: runConfigSchema,
    status: runStatusSchema,
    note: runNoteSchema,
    error: z.string(),
    sweep: runSweepTagSchema,
  })
  .partial();

/** The run fields that may be absent: only these can be unset. */
export const optionalRunFields = [
  'backend',
  'summary',
  'weights',
  'digitScores',
  'trainSeconds',
  'error',
  'sweep',
] as const;
export type OptionalRunField = (typeof optionalRunFields)[number];

export const runPatchSchema = z.object({
  id: runIdSchema,
  set: runFieldsSchema,
  unset: z.array(z.enum(optionalRunFields)),
});
export type RunPatch = z.infer<typeof runPatchSchema>;
type RunFields = Omit<Run, 'id'>;

/** Compile-time checks: the patch lists every run field, and `unset` exactly the optional ones. */
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : never;
type OptionalKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T];
const fieldsMatch: SameKeys<z.infer<typeof runFieldsSchema>, RunFields> = true;
const optionalMatch: [OptionalRunField, OptionalKeys<RunFields>] extends [OptionalKeys<RunFields>, OptionalRunField]
  ? true
  : never = true;
void fieldsMatch;
void optionalMatch;

/**
 * The patch that turns `prev` into `next` (same run), or null when nothing changed. Fields are
 * compared by value, so a result that repeats what earlier events already delivered (the history
 * built epoch by epoch) is not sent again.
 */
export function diffRun(prev: Run, next: Run): RunPatch | null {
  const set: Record<string, unknown> = {};
  const unset: OptionalRunField[] = [];
  for (const key of Object.keys(next) as (keyof Run)[]) {
    if (key === 'id' || next[key] === undefined) continue;
    if (next[key] !== prev[key] && JSON.stringify(next[key]) !== JSON.stringify(prev[key])) set[key] = next[key];
  }
  for (const key of optionalRunFields) if (prev[key] !== undefined && next[key] === undefined) unset.push(key);
  if (Object.keys(set).length === 0 && unset.length === 0) return null;
  return { id: next.id, set: set, unset };
}

/** The run after `patch`: a new object; fields the patch does not name keep their previous objects. */
export function applyRunPatch(run: Run, patch: Pick<RunPatch, 'set' | 'unset'>): Run {
  const next: Run = { ...run, ...patch.set };
  for (const key of patch.unset) delete next[key];
  return next;
}
