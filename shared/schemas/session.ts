import { z } from 'zod';
import { MAX_RUNS_PER_SESSION } from '../limits.js';
import { capped } from './run-result.js';
import { runIdSchema, runSchema } from './run.js';
import { sweepSchema } from './sweep.js';

export const SESSION_FORMAT = 'rnn-lab-session';
export const SESSION_VERSION = 4;
export const SESSION_EXTENSION = '.rnnlab';

/** A session file by its name, in any letter case (x.RNNLAB too: Windows and macOS users type either). */
export function hasSessionExtension(name: string): boolean {
  return name.toLowerCase().endsWith(SESSION_EXTENSION);
}
/** Files larger than this are refused before parsing. */
export const SESSION_MAX_BYTES = 64 * 1024 * 1024;

export const viewStateSchema = z.object({
  /** Run ids, left to right on the board. */
  order: z.array(runIdSchema).default([]),
  /** 'columns' = one column per run; 'overlay' = every run on one chart per kind. */
  layout: z.enum(['columns', 'overlay']).default('columns'),
  /** Run ids hidden in overlay charts (legend toggles). */
  hiddenInOverlay: z.array(runIdSchema).default([]),
});

export const sessionSchema = z
  .object({
    format: z.literal(SESSION_FORMAT),
    version: z.literal(SESSION_VERSION),
    appVersion: z.string(),
    createdAt: z.iso.datetime(),
    modifiedAt: z.iso.datetime(),
    runs: capped(runSchema, MAX_RUNS_PER_SESSION, 'runs'),
    view: viewStateSchema.default({ order: [], layout: 'columns', hiddenInOverlay: [] }),
    /** The sweeps whose runs this session holds (each run names its sweep in its `sweep` tag); since version 4. */
    sweeps: capped(sweepSchema, MAX_RUNS_PER_SESSION, 'sweeps').default([]),
  })
  .refine((s) => new Set(s.runs.map((r) => r.id)).size === s.runs.length, {
    message: 'two runs share one id',
    path: ['runs'],
  })
  .refine((s) => new Set(s.sweeps.map((w) => w.id)).size === s.sweeps.length, {
    message: 'two sweeps share one id',
    path: ['sweeps'],
  });

export type ViewState = z.infer<typeof viewStateSchema>;
export type Session = z.infer<typeof sessionSchema>;
