import { z } from 'zod';
import { runConfigSchema } from './schemas/run-config.js';
import { PRESET_NAMES, type PresetName } from './presets.js';

/** The menu's "Presets" items, one command per preset (a preset added to PRESET_NAMES must be added here). */
export const PRESET_COMMANDS = { seed: 'preset-seed', long: 'preset-long', cells: 'preset-cells' } as const satisfies {
  [K in PresetName]: `preset-${K}`;
};

/** The preset a menu command loads, or null for any other command. */
export function presetOfCommand(command: string): PresetName | null {
  return PRESET_NAMES.find((name) => PRESET_COMMANDS[name] === command) ?? null;
}
import { backendInfoSchema } from './schemas/run-result.js';
import { progressSchema } from './schemas/progress.js';
import { runIdSchema, runNameSchema, runNoteSchema, runSchema } from './schemas/run.js';
import { epochRecordSchema } from './schemas/run-result.js';
import { runPatchSchema } from './schemas/run-patch.js';
import { SESSION_MAX_BYTES, viewPatchSchema, viewStateSchema } from './schemas/session.js';
import { recoveryIdSchema, recoveryOfferSchema } from './schemas/recovery.js';
import { MAX_LOAD_NOTICES } from './limits.js';
import { sweepIdSchema, sweepSchema, sweepSpecSchema } from './schemas/sweep.js';
import { sweepProgressSchema } from './sweeps/progress.js';
import { REPORT_THEMES } from './report/report-data.js';
import {
  apiMethodName,
  eventChannels,
  eventMethodName,
  invokeChannels,
  type EventChannel,
  type InvokeChannel,
} from './channels.js';

/**
 * The one contract between the renderer and its host (Electron IPC or the
 * browser-mode transport). Adding a call means adding one entry here; the
 * preload, the IPC handlers, the web server and the renderer's hosts derive
 * their types and validation from these maps.
 */

export const sessionSummarySchema = z.object({
  /** Full path (Electron) or file name in the sessions folder (browser mode); null before the first save. */
  path: z.string().nullable(),
  /** What the title bar shows: the file name, or "Untitled". */
  title: z.string(),
  dirty: z.boolean(),
  /** What opening this file changed, one line each (runs a format migration had to clear); empty once saved. */
  notices: z.array(z.string().max(1000)).max(MAX_LOAD_NOTICES).default([]),
});

/** What the renderer sees of the lab service: everything but live progress. */
export const labStateSchema = z.object({
  runs: z.array(runSchema),
  view: viewStateSchema,
  session: sessionSummarySchema,
  /**
   * Why unsaved work is NOT being copied to disk (the last recovery write failed), in one line;
   * absent while copies succeed or there is nothing unsaved to copy.
   */
  recoveryError: z.string().optional(),
  /** The sweeps whose runs this session holds (a run names its sweep in its `sweep` tag). */
  sweeps: z.array(sweepSchema).default([]),
});
export type LabState = z.infer<typeof labStateSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** Who runs the lab service: the desktop app, the browser-mode server or the command line. */
  host: z.enum(['electron', 'browser', 'cli']),
  backend: backendInfoSchema,
  versions: z.record(z.string(), z.string()),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

const ids = z.object({ ids: z.array(runIdSchema).optional() });
const exportKinds = ['png', 'svg', 'csv', 'json', 'html'] as const;
/** Exports the renderer asks the host to save; bytes are checked again on arrival. */
export const EXPORT_MAX_BYTES = 32 * 1024 * 1024;

export const invokeContract = {
  'app:info': { request: z.object({}), response: appInfoSchema },
  'lab:state': { request: z.object({}), response: labStateSchema },
  'runs:add': { request: z.object({ name: runNameSchema, config: runConfigSchema }), response: runSchema },
  'runs:addPreset': {
    request: z.object({ preset: z.enum(PRESET_NAMES), samples: z.number().int().min(20).max(200_000).optional() }),
    response: z.array(runSchema),
  },
  'runs:update': {
    request: z.object({
      id: runIdSchema,
      name: runNameSchema.optional(),
      config: runConfigSchema.optional(),
      note: runNoteSchema.optional(),
    }),
    response: runSchema,
  },
  'runs:duplicate': { request: z.object({ id: runIdSchema }), response: runSchema },
  'runs:remove': { request: z.object({ id: runIdSchema }), response: z.object({ ok: z.literal(true) }) },
  /**
   * Resolves when every started run has ended; progress arrives as `run:progress` events. Without ids: every
   * run not made by a sweep (a sweep's runs train through `sweeps:resume`).
   */
  'runs:train': { request: ids, response: z.array(runSchema) },
  'runs:cancel': { request: ids, response: z.object({ cancelled: z.number().int().min(0) }) },
  'view:set': { request: viewPatchSchema, response: viewStateSchema },
  'session:new': { request: z.object({}), response: labStateSchema },
  /** Electron: no path → the main process shows a dialog. Browser mode: a name in the sessions folder. */
  'session:open': { request: z.object({ path: z.string().min(1).optional() }), response: labStateSchema },
  'session:save': {
    request: z.object({ path: z.string().min(1).optional(), saveAs: z.boolean().optional() }),
    response: labStateSchema,
  },
  /** Browser mode: the sessions folder's files, newest first. */
  'session:list': {
    request: z.object({}),
    response: z.array(z.object({ name: z.string(), bytes: z.number().int(), modifiedAt: z.string() })),
  },
  /** Opens a session from text the user picked in the page (upload or drag and drop). */
  'session:openText': {
    // Characters, not bytes: a looser bound than the file limit, which the service checks in bytes.
    request: z.object({ name: z.string().min(1).max(255), text: z.string().max(SESSION_MAX_BYTES) }),
    response: labStateSchema,
  },
  /** The current session as file text (download in the page). */
  'session:serialize': { request: z.object({}), response: z.object({ name: z.string(), text: z.string() }) },
  /**
   * Unsaved work earlier runs of the app left (they ended without saving), newest first; each copy
   * is offered until restored or discarded. Electron asks about the newest before the window opens.
   */
  'session:recovery': { request: z.object({}), response: recoveryOfferSchema },
  /** Loads an offered copy as an unsaved, untitled session; unsaved work open now keeps a copy of its own, offered in turn. */
  'session:restoreRecovery': { request: z.object({ id: recoveryIdSchema }), response: labStateSchema },
  /** Deletes one offered copy (a damaged one too); the others stay offered. */
  'session:discardRecovery': {
    request: z.object({ id: recoveryIdSchema }),
    response: z.object({ ok: z.literal(true) }),
  },
  /**
   * Expands the spec into runs (added to the board, each tagged with the sweep and its values) and queues
   * them; answers at once, before any trains. Progress arrives as `sweep:changed` events.
   */
  'sweeps:start': {
    request: z.object({ name: sweepSchema.shape.name, spec: sweepSpecSchema }),
    response: z.object({ sweep: sweepSchema, runIds: z.array(runIdSchema) }),
  },
  /** No new run of the sweep starts; those training finish, the rest wait for a resume. */
  'sweeps:pause': { request: z.object({ id: sweepIdSchema }), response: sweepSchema },
  /** Queues every run of the sweep that has not finished (done or failed runs are never trained again). */
  'sweeps:resume': { request: z.object({ id: sweepIdSchema }), response: sweepSchema },
  /** Cancels the sweep's training runs and starts no more. */
  'sweeps:cancel': { request: z.object({ id: sweepIdSchema }), response: sweepSchema },
  /**
   * Electron only (see electronOnlyChannels): the main process shows a save dialog, then checks and writes
   * the bytes. The lab service never sees it; the browser host downloads instead.
   */
  /**
   * The open session's one-file HTML report (rnn-lab report): the given runs, one sweep's runs, or every run.
   * The page downloads it (browser mode) or hands it to export:save (Electron).
   */
  'report:build': {
    request: z.object({
      runIds: z.array(runIdSchema).min(1).optional(),
      sweepId: sweepIdSchema.optional(),
      theme: z.enum(REPORT_THEMES).default('light'),
    }),
    response: z.object({ fileName: z.string(), html: z.string() }),
  },
  'export:save': {
    request: z.object({
      defaultName: z.string().min(1).max(255),
      kind: z.enum(exportKinds),
      /** base64 for png, text for the others. */
      data: z.string().max(Math.ceil((EXPORT_MAX_BYTES * 4) / 3)),
    }),
    response: z.object({ path: z.string().nullable() }),
  },
} as const;

export const eventContract = {
  /** The whole state: a new document (opened, new, restored); pages also ask it once when they connect. */
  'lab:state': labStateSchema,
  /** A new run, and where its id goes in the board order. */
  'run:added': z.object({ run: runSchema, index: z.number().int().min(0) }),
  /** Only the fields that changed (status, name, note, a new config with its results cleared…). */
  'run:changed': runPatchSchema,
  'run:progress': z.object({ id: runIdSchema, progress: progressSchema }),
  /** One more row of the run's history while it trains. */
  'run:epoch': z.object({ id: runIdSchema, record: epochRecordSchema }),
  /** Once per training: the final status and the result fields not yet sent. */
  'run:finished': runPatchSchema,
  /** The run is gone; so is its id from the view's order and overlay list. */
  'run:removed': z.object({ id: runIdSchema }),
  'view:changed': viewStateSchema,
  'session:changed': sessionSummarySchema,
  /** Why unsaved work is not being copied to disk, or null once copies succeed again. */
  'recovery:changed': z.object({ error: z.string().nullable() }),
  /** A sweep's state or progress changed (a few times per second at most while it trains). */
  'sweep:changed': z.object({ sweep: sweepSchema, progress: sweepProgressSchema }),
  /** Menu items and accelerators the renderer acts on (Electron only). */
  'menu:command': z.object({
    command: z.union([
      z.enum(['train-all', 'cancel-all', 'add-run', 'new-sweep', 'export-board', 'export-report', 'toggle-overlay']),
      z.enum(PRESET_COMMANDS),
    ]),
  }),
} as const;

/** Compile-time check: the maps have exactly the channels listed in shared/channels.ts. */
type SameKeys<A, B> = [Exclude<keyof A, B>, Exclude<B, keyof A>] extends [never, never] ? true : never;
const invokeKeysMatch: SameKeys<typeof invokeContract, InvokeChannel> = true;
const eventKeysMatch: SameKeys<typeof eventContract, EventChannel> = true;
void invokeKeysMatch;
void eventKeysMatch;

export type InvokeRequest<C extends InvokeChannel> = z.input<(typeof invokeContract)[C]['request']>;
export type InvokeResponse<C extends InvokeChannel> = z.infer<(typeof invokeContract)[C]['response']>;
export type EventPayload<E extends EventChannel> = z.infer<(typeof eventContract)[E]>;
export type MenuCommand = EventPayload<'menu:command'>['command'];
/** The events the lab service pushes (all but the menu's), as (event, payload) pairs. */
export type LabEventChannel = Exclude<EventChannel, 'menu:command'>;
export type LabEvent = { [E in LabEventChannel]: [event: E, payload: EventPayload<E>] }[LabEventChannel];
export { invokeChannels, eventChannels, apiMethodName, eventMethodName, type InvokeChannel, type EventChannel };
