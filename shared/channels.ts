/**
 * Channel names alone, with no schemas: the sandboxed preload imports this
 * file so its bundle stays small (shared/contract.ts pulls in zod and every
 * schema). contract.ts checks at compile time that its maps have exactly
 * these keys, so the two cannot drift apart.
 */
/** Channels the lab service answers, through dispatch.ts, whichever host runs it. */
export const labChannels = [
  'app:info',
  'lab:state',
  'runs:add',
  'runs:addPreset',
  'runs:update',
  'runs:duplicate',
  'runs:remove',
  'runs:train',
  'runs:cancel',
  'view:set',
  'session:new',
  'session:open',
  'session:save',
  'session:list',
  'session:openText',
  'session:serialize',
  'session:recovery',
  'session:restoreRecovery',
  'session:discardRecovery',
  'sweeps:start',
  'sweeps:pause',
  'sweeps:resume',
  'sweeps:cancel',
  'report:build',
] as const;

/**
 * Channels only the Electron main process answers, with a native dialog: dispatch.ts refuses them, so the
 * lab service never sees them, and the browser host never sends them (the page downloads its exports).
 */
export const electronOnlyChannels = ['export:save'] as const;

/** Every channel the renderer may invoke (the preload exposes each): the lab's and Electron's own. */
export const invokeChannels = [...labChannels, ...electronOnlyChannels] as const;

export type LabChannel = (typeof labChannels)[number];
export type ElectronOnlyChannel = (typeof electronOnlyChannels)[number];

/** Whether the lab service answers `channel` (false for Electron's own channels and for unknown names). */
export function isLabChannel(channel: string): channel is LabChannel {
  return (labChannels as readonly string[]).includes(channel);
}

/**
 * Pushed events: one `lab:state` snapshot when a whole document arrives (opened, new, restored),
 * otherwise small events that name what changed, so nothing resends what did not change.
 */
export const eventChannels = [
  'lab:state',
  'run:added',
  'run:changed',
  'run:progress',
  'run:epoch',
  'run:finished',
  'run:removed',
  'view:changed',
  'session:changed',
  'recovery:changed',
  'sweep:changed',
  'menu:command',
] as const;

export type InvokeChannel = (typeof invokeChannels)[number];
export type EventChannel = (typeof eventChannels)[number];

/** The preload's named function for a channel: 'runs:add' → 'runsAdd'. */
export function apiMethodName(channel: InvokeChannel): string {
  return channel.replace(/:(\w)/g, (_, c: string) => c.toUpperCase());
}

/** The preload's subscription for an event: 'run:added' → 'onRunAdded'. */
export function eventMethodName(event: EventChannel): string {
  const name = event.replace(/:(\w)/g, (_, c: string) => c.toUpperCase());
  return `on${name[0].toUpperCase()}${name.slice(1)}`;
}
