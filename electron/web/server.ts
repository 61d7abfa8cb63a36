import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_WS_MESSAGE_BYTES } from '../../shared/session-text-size.js';
import { TOKEN_PARAM, WS_PATH } from '../../shared/transport.js';
import { contentSecurityPolicy } from '../page/csp.js';
import {
  allowedHosts,
  hostAllowed,
  isLoopbackHost,
  originAllowed,
  readCookie,
  requestUrl,
  tokenMatches,
} from './guards.js';
import type { LabBackend } from '../lab/lab-backend.js';
import { readStaticFile } from '../page/static-files.js';
import { broadcast, handleFrame } from './ws-bridge.js';

export interface WebServerOptions {
  /** Must be a loopback address; the server is for this machine only. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Defaults to 32 random bytes as hex. */
  token?: string;
  /** The built renderer (out/renderer). */
  staticDir: string;
  backend: LabBackend;
}

export interface WebServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  // The token is in the page URL: never send it anywhere as a Referer.
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function refuse(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...securityHeaders,
  });
  res.end(`${text}\n`);
}

/** Answers a raw socket with a bodiless status and ends it; a socket already gone is left alone. */
function refuseRaw(socket: Duplex, status: string): void {
  if (!socket.writable) return void socket.destroy();
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Node's own answers to a request it could not parse, given explicitly so that answering can never throw. */
function clientErrorStatus(err: NodeJS.ErrnoException): string {
  if (err.code === 'HPE_HEADER_OVERFLOW') return '431 Request Header Fields Too Large';
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') return '408 Request Timeout';
  return '400 Bad Request';
}

/** What the handlers read: the port, and so the allowed Host names and the cookie's name, are known once listening. */
interface ServerState {
  host: string;
  token: string;
  staticDir: string;
  port: number;
  hosts: Set<string>;
}

const cookieName = (state: ServerState) => `rnnlab_token_${state.port}`;

function authorised(state: ServerState, req: IncomingMessage, url: URL): boolean {
  const cookie = readCookie(req.headers.cookie, cookieName(state));
  return tokenMatches(url.searchParams.get(TOKEN_PARAM), state.token) || tokenMatches(cookie, state.token);
}

async function serveHttp(state: ServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = requestUrl(req.url);
  if (!url) return refuse(res, 400, 'Bad request: the request target is not a path');
  if (!hostAllowed(req.headers.host, state.hosts)) return refuse(res, 403, 'Forbidden: unexpected Host header');
  if (!authorised(state, req, url))
    return refuse(res, 403, 'Forbidden: open the URL with the token that `npm run web` printed');
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
  const file = await readStaticFile(state.staticDir, url.pathname);
  if (!file) return refuse(res, 404, 'Not found');
  const headers: Record<string, string> = {
    'Content-Type': file.contentType,
    'Content-Length': String(file.body.length),
    ...securityHeaders,
  };
  if (file.isHtml) {
    headers['Content-Security-Policy'] = contentSecurityPolicy([`ws://${state.host}:${state.port}`]);
    headers['Cache-Control'] = 'no-store';
    // Lets the page's assets through without the token in every URL; Strict keeps other sites from using it.
    headers['Set-Cookie'] = `${cookieName(state)}=${state.token}; HttpOnly; SameSite=Strict; Path=/`;
  }
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

function acceptSocket(ws: WebSocket, sockets: Set<WebSocket>, backend: LabBackend): void {
  sockets.add(ws);
  ws.on('close', () => sockets.delete(ws));
  // A malformed frame (bad UTF-8, no mask, reserved opcode or RSV bit, a length past the limit) is reported
  // here after ws has already sent the close frame its fault calls for (1007, 1002, 1009) and begun to end
  // the connection. Without this listener the event would throw and stop the whole server.
  ws.on('error', () => {
    sockets.delete(ws);
    if (ws.readyState === ws.OPEN) ws.terminate();
  });
  ws.on('message', (data, isBinary) => {
    if (isBinary) return ws.close(1003, 'text frames only');
    handleFrame(ws, data.toString(), backend).catch(() => ws.close(1011, 'internal error'));
  });
}

/** The status an upgrade request is refused with, or null when it may become a WebSocket. */
function upgradeRefusal(state: ServerState, req: IncomingMessage): string | null {
  const url = requestUrl(req.url);
  if (!url) return '400 Bad Request';
  if (url.pathname !== WS_PATH) return '404 Not Found';
  if (!originAllowed(req.headers.origin, req.headers.host, state.hosts)) return '403 Forbidden';
  // The query token, not the cookie: the page that holds it proves it was opened from the printed URL.
  if (!tokenMatches(url.searchParams.get(TOKEN_PARAM), state.token)) return '403 Forbidden';
  return null;
}

function createHttpServer(state: ServerState, wss: WebSocketServer, accept: (ws: WebSocket) => void): Server {
  const server = createServer((req, res) => {
    serveHttp(state, req, res).catch(() => {
      if (!res.headersSent) refuse(res, 500, 'Internal error');
      else res.destroy();
    });
  });
  // A request Node cannot parse (garbage, a reset mid-request) ends that connection only.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET') return void socket.destroy();
    refuseRaw(socket, clientErrorStatus(err));
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node hands the socket over with no error listener of its own: a client that resets now must not throw.
    socket.on('error', () => socket.destroy());
    const refusal = upgradeRefusal(state, req);
    if (refusal) return refuseRaw(socket, refusal);
    wss.handleUpgrade(req, socket, head, accept);
  });
  return server;
}

async function listen(server: Server, port: number, host: string): Promise<void> {
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  // After listening, an error is about one connection (accept failing with EMFILE): log it, keep serving.
  server.on('error', (err) => process.stderr.write(`rnn-lab web: ${err.message}\n`));
}

/**
 * Browser mode: serves the built renderer and the lab service over one
 * WebSocket, on loopback only. Every request must carry the token (query, or
 * the cookie the first page load sets) and name this server in its Host
 * header; a WebSocket must also come from this server's origin.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host))
    throw new Error(`--host must be a loopback address (127.x.x.x or localhost), got "${host}"`);
  const token = options.token ?? randomBytes(32).toString('hex');
  const { staticDir, backend } = options;
  const state: ServerState = { host, token, staticDir, port: 0, hosts: new Set<string>() };
  const sockets = new Set<WebSocket>();

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_MESSAGE_BYTES });
  const server = createHttpServer(state, wss, (ws) => acceptSocket(ws, sockets, backend));
  const unsubscribe = backend.subscribe((event, payload) => broadcast(sockets, event, payload));

  await listen(server, options.port ?? 0, host);
  const port = (server.address() as AddressInfo).port;
  state.port = port;
  state.hosts = allowedHosts(host, port);

  return {
    url: `http://${host}:${port}/?${TOKEN_PARAM}=${token}`,
    token,
    port,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
