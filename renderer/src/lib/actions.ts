import {
  eventChannels,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
  type LabEvent,
  type LabEventChannel,
  type MenuCommand,
} from '../../../shared/contract.js';
import type { PresetName } from '../../../shared/presets.js';
import type { RunConfig } from '../../../shared/schemas/run-config.js';
import type { ViewState } from '../../../shared/schemas/session.js';
import type { SweepSpec } from '../../../shared/schemas/sweep.js';
import { LabError } from '../../../shared/errors.js';
import { uploadSizeProblem, uploadTextProblem } from '../../../shared/session-text-size.js';
import type { ExportKind, Host } from '../host/host.js';
import { isBrowserHost } from '../host/pick-host.js';
import { lab } from '../stores/lab.svelte.js';
import { recovery } from '../stores/recovery.svelte.js';
import { progress } from '../stores/progress.svelte.js';
import { notices } from '../stores/notices.svelte.js';
import { prefs } from '../stores/prefs.svelte.js';

/**
 * What the UI can do, as plain functions over the one host. Components call
 * these; errors become notices here so no click fails silently.
 */
let host: Host | null = null;

async function call<C extends InvokeChannel>(
  channel: C,
  request: InvokeRequest<C>,
): Promise<InvokeResponse<C> | undefined> {
  if (!host) throw new Error('host not started');
  try {
    return await host.invoke(channel, request);
  } catch (err) {
    // The user closing a dialog is not an error worth a message.
    if (!(err instanceof LabError && err.code === 'cancelled'))
      notices.push('error', err instanceof Error ? err.message : String(err));
    return undefined;
  }
}

/** The host's events, applied to the stores; live figures go to the progress store alone. */
function follow(event: LabEvent): void {
  if (event[0] === 'run:progress') return progress.set(event[1].id, event[1].progress);
  lab.handle(event);
  if (event[0] !== 'run:epoch' && event[0] !== 'view:changed') progress.prune(lab.runs);
}

const labEventChannels = eventChannels.filter((e): e is LabEventChannel => e !== 'menu:command');

export async function start(h: Host, onMenu: (command: MenuCommand) => void): Promise<void> {
  host = h;
  for (const channel of labEventChannels) h.on(channel, (payload) => follow([channel, payload] as LabEvent));
  h.on('menu:command', ({ command }) => onMenu(command));
  if (isBrowserHost(h)) h.onConnection((c) => (notices.connected = c));
  // The snapshot on connect; from here on the events keep the stores current.
  const state = await call('lab:state', {});
  if (state) lab.apply(state);
}

export const addPreset = (preset: PresetName, samples?: number) => call('runs:addPreset', { preset, samples });
export const addRun = (name: string, config: RunConfig) => call('runs:add', { name, config });
export const updateRun = (id: string, patch: { name?: string; config?: RunConfig; note?: string }) =>
  call('runs:update', { id, ...patch });
export const duplicateRun = (id: string) => call('runs:duplicate', { id });
export const removeRun = (id: string) => call('runs:remove', { id });
export const setView = (patch: Partial<ViewState>) => call('view:set', patch);

/** Resolves when the runs end; the board follows along through pushed state meanwhile. */
export function train(ids?: string[]): void {
  void call('runs:train', ids ? { ids } : {});
}
export const cancel = (ids?: string[]) => call('runs:cancel', ids ? { ids } : {});

/** Adds the sweep's runs and queues them; the reply comes before any trains (progress: `sweep:changed`). */
export const startSweep = (name: string, spec: SweepSpec) => call('sweeps:start', { name, spec });
export const pauseSweep = (id: string) => call('sweeps:pause', { id });
export const resumeSweep = (id: string) => call('sweeps:resume', { id });
export const cancelSweep = (id: string) => call('sweeps:cancel', { id });

export const newSession = () => call('session:new', {});
export const listSessions = () => call('session:list', {});
export const serializeSession = () => call('session:serialize', {});

/**
 * The session's one-file HTML report, in the page's theme: the given runs (a selection in the runs table),
 * or every run. Browser mode downloads it; Electron asks where to save it.
 */
export async function exportReport(ids?: readonly string[]): Promise<void> {
  const request = { theme: prefs.mode, ...(ids?.length ? { runIds: [...ids] } : {}) };
  const report = await call('report:build', request);
  if (report) await saveExport(report.fileName, 'html', report.html);
}

export async function openSession(path?: string): Promise<boolean> {
  // The new document arrives as a lab:state event; the reply only says it worked.
  const state = await call('session:open', path ? { path } : {});
  return !!state;
}

/**
 * Opens a file the user dropped or picked. One too large for the lab is refused
 * here, by its size before it is read: sent, it would cost the connection.
 */
export async function openSessionFile(file: File): Promise<boolean> {
  const tooLarge = uploadSizeProblem(file.name, file.size);
  if (tooLarge) {
    notices.push('error', tooLarge);
    return false;
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    notices.push('error', `${file.name} cannot be read`);
    return false;
  }
  return openSessionText(file.name, text);
}

export async function openSessionText(name: string, text: string): Promise<boolean> {
  const problem = uploadTextProblem(name, text);
  if (problem) {
    notices.push('error', problem);
    return false;
  }
  const state = await call('session:openText', { name, text });
  if (state) notices.push('info', `Opened ${name}`);
  return !!state;
}

export async function saveSession(path?: string, saveAs = false): Promise<boolean> {
  const state = await call('session:save', { ...(path ? { path } : {}), ...(saveAs ? { saveAs } : {}) });
  if (state) notices.push('info', `Saved ${state.session.title}`);
  return !!state;
}

/** Fetches the copies of unsaved work on offer: at start, and after each restore or discard. */
export async function refreshRecovery(): Promise<void> {
  const offer = await call('session:recovery', {});
  if (offer) recovery.offer = offer;
}

/** Restores one copy; unsaved work open now is not lost: the host keeps its copy, offered in turn. */
export async function restoreRecovery(id: string): Promise<boolean> {
  const setAside = lab.session.dirty;
  const state = await call('session:restoreRecovery', { id });
  if (state) {
    notices.push(
      'info',
      setAside
        ? 'Restored the unsaved work; the work open before is offered as a recovery copy'
        : 'Restored the unsaved work',
    );
  }
  await refreshRecovery();
  return !!state;
}

export async function discardRecovery(id: string): Promise<boolean> {
  const done = !!(await call('session:discardRecovery', { id }));
  await refreshRecovery();
  return done;
}

export async function saveExport(name: string, kind: ExportKind, data: string | Uint8Array): Promise<void> {
  if (!host) return;
  try {
    const where = await host.saveExport(name, kind, data);
    if (where) notices.push('info', `Exported ${name}`);
  } catch (err) {
    if (!(err instanceof LabError && err.code === 'cancelled'))
      notices.push('error', err instanceof Error ? err.message : String(err));
  }
}
