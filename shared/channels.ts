/**
 * Channel names alone, with no schemas: the sandboxed preload imports this
 * file so its bundle stays small (shared/contract.ts pulls in zod and every
 * schema). contract.ts checks at compile time that its maps have exactly
 * these keys, so the two cannot drift apart.
 */
export const invokeChannels = [
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
  'export:save',
] as const;

export const eventChannels = ['lab:state', 'run:progress', 'menu:command'] as const;

export type InvokeChannel = (typeof invokeChannels)[number];
export type EventChannel = (typeof eventChannels)[number];

/** The preload's named function for a channel: 'runs:add' → 'runsAdd'. */
export function apiMethodName(channel: InvokeChannel): string {
  return channel.replace(/:(\w)/g, (_, c: string) => c.toUpperCase());
}
