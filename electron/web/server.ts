import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { SESSION_MAX_BYTES } from '../../shared/schemas/session.js';
import { TOKEN_PARAM, WS_PATH } from '../../shared/transport.js';
import { contentSecurityPolicy } from './csp.js';
import { allowedHosts, hostAllowed, isLoopbackHost, originAllowed, readCookie, tokenMatches } from './guards.js';
import type { LabBackend } from './lab-backend.js';
import { readStaticFile } from './static-files.js';
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

/** A session file travels as text inside JSON: allow for escaping on top of the file limit. */
const MAX_FRAME_BYTES = Math.ceil(SESSION_MAX_BYTES * 1.5);

const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  // The token is in the page URL: never send it anywhere as a Referer.
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function refuse(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...securityHeaders });
  res.end(`${text}\n`);
}

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Browser mode: serves the built renderer and the lab service over one
 * WebSocket, on loopback only. Every request must carry the token (query, or
 * the cookie the first page load sets) and name this server in its Host
 * header; a WebSocket must also come from this server's origin.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) throw new Error(`--host must be a loopback address (127.x.x.x or localhost), got "${host}"`);
  const token = options.token ?? randomBytes(32).toString('hex');
  const { staticDir, backend } = options;

  let port = 0;
  let hosts = new Set<string>();
  const cookieName = () => `rnnlab_token_${port}`;
  const sockets = new Set<WebSocket>();

  const authorised = (req: IncomingMessage, url: URL) =>
    tokenMatches(url.searchParams.get(TOKEN_PARAM), token) || tokenMatches(readCookie(req.headers.cookie, cookieName()), token);

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    if (!hostAllowed(req.headers.host, hosts)) return refuse(res, 403, 'Forbidden: unexpected Host header');
    if (!authorised(req, url)) return refuse(res, 403, 'Forbidden: open the URL with the token that `npm run web` printed');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
    const file = await readStaticFile(staticDir, url.pathname);
    if (!file) return refuse(res, 404, 'Not found');
    const headers: Record<string, string> = {
      'Content-Type': file.contentType,
      'Content-Length': String(file.body.length),
      ...securityHeaders,
    };
    if (file.isHtml) {
      headers['Content-Security-Policy'] = contentSecurityPolicy([`ws://${host}:${port}`]);
      headers['Cache-Control'] = 'no-store';
      // Lets the page's assets through without the token in every URL; Strict keeps other sites from using it.
      headers['Set-Cookie'] = `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : file.body);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    if (url.pathname !== WS_PATH) return refuseUpgrade(socket, '404 Not Found');
    if (!originAllowed(req.headers.origin, req.headers.host, hosts)) return refuseUpgrade(socket, '403 Forbidden');
    // The query token, not the cookie: the page that holds it proves it was opened from the printed URL.
    if (!tokenMatches(url.searchParams.get(TOKEN_PARAM), token)) return refuseUpgrade(socket, '403 Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data, isBinary) => {
        if (isBinary) return ws.close(1003, 'text frames only');
        void handleFrame(ws, data.toString(), backend);
      });
    });
  });

  const unsubscribe = backend.subscribe((event, payload) => broadcast(sockets, event, payload));

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(host, port);

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
