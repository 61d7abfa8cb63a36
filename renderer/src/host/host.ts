import type {
  EventChannel,
  EventPayload,
  InvokeChannel,
  InvokeRequest,
  InvokeResponse,
} from '../../../shared/contract.js';

export type ExportKind = 'png' | 'svg' | 'csv' | 'json' | 'html';

/**
 * Everything the renderer asks of whatever runs it (Electron or the browser-mode
 * server). Components see stores; only the stores and actions see a Host.
 */
export interface Host {
  readonly kind: 'electron' | 'browser';
  invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<InvokeResponse<C>>;
  /** Subscribe to a pushed event; returns the unsubscribe function. */
  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Save exported bytes (PNG as bytes, the others as text). Resolves to where it went, or null when dismissed. */
  saveExport(name: string, kind: ExportKind, data: string | Uint8Array): Promise<string | null>;
}
