import { describe, expect, it } from 'vitest';
import { windowTitle } from '../../../shared/window-title.js';

describe('window title (the page and the Electron window)', () => {
  it('names the file and the app; a leading bullet marks unsaved changes', () => {
    expect(windowTitle({ title: 'seed.rnnlab', dirty: false })).toBe('seed.rnnlab — RNN Lab');
    expect(windowTitle({ title: 'seed.rnnlab', dirty: true })).toBe('• seed.rnnlab — RNN Lab');
  });

  it('shows "Untitled" before the first save, marked once there is work to lose', () => {
    expect(windowTitle({ title: 'Untitled', dirty: false })).toBe('Untitled — RNN Lab');
    expect(windowTitle({ title: 'Untitled', dirty: true })).toBe('• Untitled — RNN Lab');
  });
});
