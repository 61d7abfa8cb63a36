import type { LabEvent } from '../../shared/contract.js';

/** (event, payload) pairs the service pushes; hosts forward them to the page. */
export type { LabEvent };
export type LabListener = (...event: LabEvent) => void;

/** The service's subscribers: windows, sockets and the CLI's progress line. */
export class LabEvents {
  private readonly listeners = new Set<LabListener>();

  subscribe(listener: LabListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(...event: LabEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(...event);
      } catch {
        // A broken subscriber (closed window, dropped socket) must not stop the lab.
      }
    }
  }
}
