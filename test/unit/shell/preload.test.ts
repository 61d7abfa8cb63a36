import { describe, expect, it, vi } from 'vitest';
import { apiMethodName, eventChannels, eventMethodName, invokeChannels } from '../../../shared/contract.js';
import * as fake from './fake-electron.js';

/** The preload run against a fake contextBridge/ipcRenderer: exactly what the page gets as window.api. */
vi.mock('electron', async () => await import('./fake-electron.js'));
await import('../../../electron/preload/preload.js');

const api = fake.contextBridge.exposed.get('api') as Record<string, unknown>;
const call = (name: string, ...args: unknown[]) => (api[name] as (...a: unknown[]) => unknown)(...args);

describe('preload (window.api)', () => {
  it('exposes one object with one named function per channel and one subscription per event, nothing else', () => {
    expect([...fake.contextBridge.exposed.keys()]).toEqual(['api']);
    const expected = [...invokeChannels.map(apiMethodName), ...eventChannels.map(eventMethodName)];
    expect(expected).toContain('onRunAdded');
    expect(expected).toContain('onRecoveryChanged');
    expect(new Set(expected).size).toBe(expected.length);
    expect(Object.keys(api).sort()).toEqual(expected.sort());
    for (const value of Object.values(api)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(fake.ipcRenderer);
    }
    for (const name of ['invoke', 'send', 'sendSync', 'ipcRenderer', 'on', 'require'])
      expect(api).not.toHaveProperty(name);
  });

  it('invokes each method on its own channel only', async () => {
    for (const channel of invokeChannels) {
      fake.ipcRenderer.invoked.length = 0;
      await call(apiMethodName(channel), { probe: channel });
      expect(fake.ipcRenderer.invoked).toEqual([[channel, { probe: channel }]]);
    }
    fake.ipcRenderer.invoked.length = 0;
    await call('labState');
    expect(fake.ipcRenderer.invoked).toEqual([['lab:state', {}]]);
  });

  it('subscriptions pass the payload only (never the IPC event) and return their unsubscribe', () => {
    for (const [method, event] of eventChannels.map((e) => [eventMethodName(e), e] as const)) {
      const got: unknown[][] = [];
      const unsubscribe = call(method, (...args: unknown[]) => got.push(args));
      expect(typeof unsubscribe).toBe('function');
      const ipcEvent = { sender: fake.ipcRenderer, ports: [] };
      fake.ipcRenderer.emit(event, ipcEvent, { n: 1 });
      expect(got).toEqual([[{ n: 1 }]]);
      (unsubscribe as () => void)();
      fake.ipcRenderer.emit(event, ipcEvent, { n: 2 });
      expect(got).toHaveLength(1);
      expect(fake.ipcRenderer.listenerCount(event)).toBe(0);
    }
  });
});
