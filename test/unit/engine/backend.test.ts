import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { initBackend } from '../../../electron/engine/index.js';

describe('initBackend', () => {
  it('picks one backend per process, says why in one line, and is idempotent', async () => {
    const first = await initBackend();
    const second = await initBackend();
    expect(second).toBe(first);
    expect(['tensorflow', 'cpu']).toContain(first.name);
    expect(tf.getBackend()).toBe(first.name);
    expect(first.reason).not.toMatch(/\n/);
    expect(first.reason.length).toBeLessThan(200);
  });

  it('falls back to cpu exactly when tfjs-node cannot be loaded here', async () => {
    let loadable = true;
    try {
      createRequire(import.meta.url).resolve('@tensorflow/tfjs-node');
    } catch {
      loadable = false;
    }
    const info = await initBackend();
    if (process.env.RNN_LAB_BACKEND === 'cpu') {
      expect(info).toEqual({ name: 'cpu', reason: 'cpu requested (RNN_LAB_BACKEND=cpu)' });
    } else if (!loadable) {
      expect(info).toEqual({
        name: 'cpu',
        reason: expect.stringMatching(/^tfjs-node not installed \(Cannot find module/),
      });
    } else {
      // Installed: it either loaded or the reason names the load failure.
      expect(info.name === 'tensorflow' || /^tfjs-node failed to load/.test(info.reason)).toBe(true);
    }
  });
});
