import { describe, expect, it, vi } from 'vitest';
import { createElectronHost, type ElectronApi } from '../../../renderer/src/host/electron-host.js';

/** A stand-in for window.api holding only the subscriptions this test drives. */
function fakeApi() {
  const listeners = new Map<string, (payload: unknown) => void>();
  const subscription = (name: string) => (listener: (payload: unknown) => void) => {
    listeners.set(name, listener);
    return () => listeners.delete(name);
  };
  const api = { onRunRemoved: subscription('onRunRemoved'), onRecoveryChanged: subscription('onRecoveryChanged') };
  const push = (name: string, payload: unknown) => listeners.get(name)?.(payload);
  return { api: api as unknown as ElectronApi, push };
}

describe('Electron host events', () => {
  it('subscribes through the preload method named after the event, passing only payloads the contract accepts', () => {
    const { api, push } = fakeApi();
    const host = createElectronHost(api);
    const removed: unknown[] = [];
    const stop = host.on('run:removed', (payload) => removed.push(payload));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    push('onRunRemoved', { id: 'a1' });
    push('onRunRemoved', { id: 'not an id!' });
    expect(removed).toEqual([{ id: 'a1' }]);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    stop();
    push('onRunRemoved', { id: 'b2' });
    expect(removed).toHaveLength(1);

    const errors: unknown[] = [];
    host.on('recovery:changed', ({ error }) => errors.push(error));
    push('onRecoveryChanged', { error: null });
    expect(errors).toEqual([null]);
    expect(() => host.on('run:added', () => undefined)).toThrow(/the preload has no onRunAdded\(\)/);
  });
});
