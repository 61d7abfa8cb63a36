import type {
  EventChannel,
  EventPayload,
  InvokeChannel,
  InvokeRequest,
  InvokeResponse,
} from '../../../shared/contract.js';
import { eventChannels } from '../../../shared/contract.js';
import { isLabChannel } from '../../../shared/channels.js';
import { fromWireError, LabError } from '../../../shared/errors.js';
import { serverMessageSchema, TOKEN_PARAM, WS_PATH } from '../../../shared/transport.js';
import type { ServerMessage, WireReply } from '../../../shared/transport.js';
import type { ExportKind, Host } from './host.js';
import { parseEvent, parseResponse } from './validate.js';
import { downloadFile } from './download.js';

interface Pending {
  channel: InvokeChannel;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

type Listener = (payload: unknown) => void;

/** The socket address for this page: same host, `/ws`, the token the server printed. */
export function socketUrl(location: Pick<Location, 'protocol' | 'host' | 'search'>): string {
  const token = new URLSearchParams(location.search).get(TOKEN_PARAM) ?? '';
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${WS_PATH}?${TOKEN_PARAM}=${encodeURIComponent(token)}`;
}

export interface BrowserHost extends Host {
  onConnection(listener: (connected: boolean) => void): () => void;
}

/** The frame as one of the server's messages, or null (with a warning) when it is not one. */
function readServerMessage(text: string): ServerMessage | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    console.warn('RNN Lab: ignored a frame that is not JSON');
    return null;
  }
  const msg = serverMessageSchema.safeParse(raw);
  if (!msg.success) {
    console.warn('RNN Lab: ignored a malformed frame');
    return null;
  }
  return msg.data;
}

/** Settles the call a reply answers; a reply to no call we are waiting on is dropped. */
function settleReply(pending: Map<number, Pending>, m: WireReply): void {
  const p = pending.get(m.id);
  if (!p) return;
  pending.delete(m.id);
  if (!m.ok) {
    p.reject(fromWireError({ error: m.error }));
    return;
  }
  try {
    p.resolve(parseResponse(p.channel, m.result));
  } catch (err) {
    p.reject(err as Error);
  }
}

function failPending(pending: Map<number, Pending>): void {
  for (const [id, p] of pending) {
    pending.delete(id);
    p.reject(new LabError('internal', `connection to RNN Lab lost during ${p.channel}`));
  }
}

type LabCall = (channel: InvokeChannel, request: unknown) => Promise<unknown>;

/** The Host face of the socket: lab calls go through `call`, listeners are kept in the given sets. */
function hostFace(
  call: LabCall,
  listeners: Map<string, Set<Listener>>,
  connectionListeners: Set<(connected: boolean) => void>,
): BrowserHost {
  return {
    kind: 'browser',
    invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<InvokeResponse<C>> {
      // Electron's own channels (a native save dialog) have no answer here: saveExport downloads instead.
      if (!isLabChannel(channel)) {
        return Promise.reject(new LabError('bad-request', `${channel} is answered by the Electron window only`));
      }
      return call(channel, request) as Promise<InvokeResponse<C>>;
    },
    on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      const set = listeners.get(event)!;
      const l = listener as Listener;
      set.add(l);
      return () => set.delete(l);
    },
    async saveExport(name: string, _kind: ExportKind, data: string | Uint8Array): Promise<string | null> {
      downloadFile(name, data);
      return name;
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}

/**
 * Browser mode: one WebSocket speaking shared/transport.ts. Calls made while the
 * socket is down wait for it; calls in flight when it drops fail with a LabError;
 * it reconnects with backoff and then re-announces the lab state.
 */
export function createBrowserHost(url: string): BrowserHost {
  let socket: WebSocket | null = null;
  let nextId = 1;
  let retryMs = 300;
  let everOpened = false;
  const pending = new Map<number, Pending>();
  const outbox: string[] = [];
  const listeners = new Map<string, Set<Listener>>(eventChannels.map((e) => [e, new Set<Listener>()]));
  const connectionListeners = new Set<(connected: boolean) => void>();

  const emit = (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload));

  function connect(): void {
    const ws = new WebSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      retryMs = 300;
      const reconnect = everOpened;
      everOpened = true;
      connectionListeners.forEach((l) => l(true));
      for (const frame of outbox.splice(0)) ws.send(frame);
      // Events pushed while we were away are lost: fetch the whole state once.
      if (reconnect)
        void host.invoke('lab:state', {}).then(
          (s) => emit('lab:state', s),
          () => undefined,
        );
    });
    ws.addEventListener('message', (e) => onMessage(typeof e.data === 'string' ? e.data : ''));
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = null;
      connectionListeners.forEach((l) => l(false));
      failPending(pending);
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    });
  }

  function onMessage(text: string): void {
    const m = readServerMessage(text);
    if (!m) return;
    if (m.type !== 'event') return settleReply(pending, m);
    if (!listeners.has(m.event)) return;
    const payload = parseEvent(m.event as EventChannel, m.payload);
    if (payload) emit(m.event, payload);
  }

  const call: LabCall = (channel, request) => {
    const id = nextId++;
    const frame = JSON.stringify({ type: 'call', id, channel, payload: request });
    return new Promise<unknown>((resolve, reject) => {
      pending.set(id, { channel, resolve, reject });
      if (socket && socket.readyState === WebSocket.OPEN) socket.send(frame);
      else outbox.push(frame);
    });
  };
  const host = hostFace(call, listeners, connectionListeners);
  connect();
  return host;
}
