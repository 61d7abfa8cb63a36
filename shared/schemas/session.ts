import { z } from 'zod';
import { MAX_RUNS_PER_SESSION } from '../limits.js';
import { capped } from './run-result.js';
import { runIdSchema, runSchema } from './run.js';
import { sweepSchema, sweepValueSchema } from './sweep.js';
import { DEFAULT_SUCCESS_THRESHOLD } from '../sweeps/metrics.js';

export const SESSION_FORMAT = 'rnn-lab-session';
export const SESSION_VERSION = 4;
export const SESSION_EXTENSION = '.rnnlab';

/** A session file by its name, in any letter case (x.RNNLAB too: Windows and macOS users type either). */
export function hasSessionExtension(name: string): boolean {
  return name.toLowerCase().endsWith(SESSION_EXTENSION);
}
/** Files larger than this are refused before parsing. */
export const SESSION_MAX_BYTES = 64 * 1024 * 1024;

const sortSchema = z.object({ column: z.string().min(1).max(64), direction: z.enum(['asc', 'desc']) });
const rangeSchema = z
  .object({ min: z.number().finite().optional(), max: z.number().finite().optional() })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, "a range's min is above its max");

/** How the runs table was left: sort, filter, grouping and the success threshold (saved with the session). */
export const tableViewSchema = z.object({
  sort: sortSchema.nullable().default(null),
  /** Config paths, one or two. */
  groupBy: z.array(z.string().min(1).max(64)).max(2).default([]),
  text: z.string().max(200).default(''),
  /** Inclusive numeric bounds per column (typed in the table or brushed on the parallel chart). */
  ranges: z.record(z.string().max(64), rangeSchema).default({}),
  /** Allowed values per column (a categorical axis brushed on the parallel chart). */
  oneOf: z.record(z.string().max(64), z.array(sweepValueSchema).max(MAX_RUNS_PER_SESSION)).default({}),
  threshold: z
    .number()
    .finite()
    .refine((t) => t > 0 && t <= 1, 'the success threshold must be above 0 and at most 1')
    .default(DEFAULT_SUCCESS_THRESHOLD),
});

const viewShape = {
  /** Run ids, left to right on the board. */
  order: z.array(runIdSchema),
  /** 'columns' = one column per run; 'overlay' = every run on one chart per kind. */
  layout: z.enum(['columns', 'overlay']),
  /** Run ids hidden in overlay charts (legend toggles). */
  hiddenInOverlay: z.array(runIdSchema),
  /** The runs the board, overlay and analysis compare, in board order; empty = the first four. */
  compare: z.array(runIdSchema),
  /** 'compare' = the board and analysis; 'runs' = the runs table, sweeps and group views. */
  tab: z.enum(['compare', 'runs']),
  table: tableViewSchema,
};

export const EMPTY_TABLE_VIEW: TableView = {
  sort: null,
  groupBy: [],
  text: '',
  ranges: {},
  oneOf: {},
  threshold: DEFAULT_SUCCESS_THRESHOLD,
};
export const emptyView = (): ViewState => ({
  order: [],
  layout: 'columns',
  hiddenInOverlay: [],
  compare: [],
  tab: 'compare',
  table: { ...EMPTY_TABLE_VIEW },
});

/** Fields a session file written before them lacks take their empty values. */
export const viewStateSchema = z.object({
  order: viewShape.order.default([]),
  layout: viewShape.layout.default('columns'),
  hiddenInOverlay: viewShape.hiddenInOverlay.default([]),
  compare: viewShape.compare.default([]),
  tab: viewShape.tab.default('compare'),
  table: viewShape.table.default(EMPTY_TABLE_VIEW),
});
/** A change to the view: only the fields it names (no defaults, so an absent field is left as it is). */
export const viewPatchSchema = z.object(viewShape).partial();

export const sessionSchema = z
  .object({
    format: z.literal(SESSION_FORMAT),
    version: z.literal(SESSION_VERSION),
    appVersion: z.string(),
    createdAt: z.iso.datetime(),
    modifiedAt: z.iso.datetime(),
    runs: capped(runSchema, MAX_RUNS_PER_SESSION, 'runs'),
    view: viewStateSchema.default(emptyView),
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
export type TableView = z.infer<typeof tableViewSchema>;
export type ViewPatch = z.infer<typeof viewPatchSchema>;
export type Session = z.infer<typeof sessionSchema>;
