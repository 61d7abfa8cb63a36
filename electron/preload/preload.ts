import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
// Names from channels.ts (no zod); the contract is imported for types only, so the bundle stays small.
import {
  apiMethodName,
  eventChannels,
  eventMethodName,
  invokeChannels,
  type EventChannel,
  type InvokeChannel,
} from '../../shared/channels.js';
import type { EventPayload, InvokeRequest, InvokeResponse } from '../../shared/contract.js';
import type { WireError } from '../../shared/errors.js';

/**
 * The renderer's only door to the main process: one named function per
 * contract channel and one named subscription per event. No ipcRenderer, no generic
 * invoke. Bundled to CommonJS because sandboxed preloads cannot load ESM.
 */

/** 'runs:addPreset' → 'runsAddPreset', the same rule as apiMethodName at run time. */
type MethodName<C extends string> = C extends `${infer Area}:${infer Method}` ? `${Area}${Capitalize<Method>}` : C;

/**
 * Resolves with the response, or with `{ error: { code, message } }`: the
 * renderer's Electron host rethrows that as a LabError. (Errors thrown through
 * contextBridge lose their `code`, so they travel as data.)
 */
type InvokeApi = {
  [C in InvokeChannel as MethodName<C>]: (request: InvokeRequest<C>) => Promise<InvokeResponse<C> | WireError>;
};

/** 'run:added' → 'onRunAdded', the same rule as eventMethodName at run time. */
type EventApi = {
  [E in EventChannel as `on${Capitalize<MethodName<E>>}`]: (listener: (payload: EventPayload<E>) => void) => () => void;
};

function subscribe<E extends EventChannel>(event: E) {
  return (listener: (payload: EventPayload<E>) => void): (() => void) => {
    // The IPC event object (with its sender) never reaches the page.
    const wrapped = (_event: IpcRendererEvent, payload: EventPayload<E>) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => void ipcRenderer.removeListener(event, wrapped);
  };
}

const invokers = Object.fromEntries(
  invokeChannels.map((channel) => [
    apiMethodName(channel),
    (request: unknown) => ipcRenderer.invoke(channel, request ?? {}),
  ]),
) as InvokeApi;

const subscriptions = Object.fromEntries(
  eventChannels.map((event) => [eventMethodName(event), subscribe(event)]),
) as EventApi;

const api = { ...invokers, ...subscriptions };

export type Api = typeof api;

contextBridge.exposeInMainWorld('api', api);
