import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventChannel } from '../../../shared/contract.js';
import { startWebServer, type WebServer } from '../../../electron/web/server.js';
import type { LabBackend } from '../../../electron/lab/lab-backend.js';
import { call, connect, get, makeStaticDir, nextEvent } from './helpers.js';

/**
 * The server's own rules (token, Host, Origin, framing) against a small
 * backend that records calls; the real lab service is exercised in
 * lab-roundtrip.test.ts.
 */
function recordingBackend() {
  const calls: { channel: string; payload: unknown }[] = [];
  let listener: ((event: EventChannel, payload: unknown) => void) | null = null;
  const backend: LabBackend = {
    call(channel, payload) {
      calls.push({ channel, payload });
      if (channel === 'runs:remove') return { ok: false, error: { code: 'not-found', message: 'no run "x"' } };
      return { ok: true, result: { echoed: channel } };
    },
    subscribe(l) {
      listener = l;
      return () => (listener = null);
    },
  };
  return { backend, calls, emit: (event: EventChannel, payload: unknown) => listener?.(event, payload) };
}

describe('browser-mode server', () => {
  let server: WebServer;
  const lab = recordingBackend();
  const origin = () => `http://127.0.0.1:${server.port}`;
  const wsUrl = (token: string) => `ws://127.0.0.1:${server.port}/ws?token=${token}`;

  beforeAll(async () => {
    server = await startWebServer({ port: 0, staticDir: makeStaticDir(), backend: lab.backend });
  });
  afterAll(() => server.close());

  it('prints a loopback URL with a 64-hex-digit token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses the page and assets without the right token', async () => {
    expect((await get(server.port, '/')).status).toBe(403);
    expect((await get(server.port, '/?token=wrong')).status).toBe(403);
    expect((await get(server.port, '/assets/app.js')).status).toBe(403);
    expect((await get(server.port, '/assets/app.js', { Cookie: `rnnlab_token_${server.port}=wrong` })).status).toBe(
      403,
    );
  });

  it('serves the page with the token, sets a strict cookie and a CSP', async () => {
    const page = await get(server.port, `/?token=${server.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>RNN Lab</title>');
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toContain(`rnnlab_token_${server.port}=${server.token}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(page.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const asset = await get(server.port, '/assets/app.js', { Cookie: `rnnlab_token_${server.port}=${server.token}` });
    expect(asset.status).toBe(200);
    expect(asset.body).toContain('console.log');
  });

  it('refuses a foreign Host header even with the token (DNS rebinding)', async () => {
    const res = await get(server.port, `/?token=${server.token}`, { Host: `evil.example:${server.port}` });
    expect(res.status).toBe(403);
  });

  it('refuses WebSockets without the token, with a wrong token, or from another origin', async () => {
    expect(await connect(wsUrl(''), { Origin: origin() })).toBe(403);
    expect(await connect(wsUrl('nope'), { Origin: origin() })).toBe(403);
    expect(await connect(wsUrl(server.token), { Origin: 'http://evil.example' })).toBe(403);
    expect(await connect(wsUrl(server.token), {})).toBe(403);
    expect(await connect(wsUrl(server.token), { Origin: origin(), Host: `evil.example:${server.port}` })).toBe(403);
    expect(lab.calls).toHaveLength(0);
  });

  it('routes a call over the WebSocket and answers it', async () => {
    const ws = await connect(wsUrl(server.token), { Origin: origin() });
    if (typeof ws === 'number') throw new Error(`refused with ${ws}`);
    expect(await call(ws, 7, 'lab:state', {})).toEqual({
      type: 'reply',
      id: 7,
      ok: true,
      result: { echoed: 'lab:state' },
    });
    expect(await call(ws, 8, 'runs:remove', { id: 'x' })).toMatchObject({
      id: 8,
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await call(ws, 9, 'shell:exec', {})).toMatchObject({ id: 9, ok: false, error: { code: 'bad-request' } });
    expect(lab.calls.map((c) => c.channel)).toEqual(['lab:state', 'runs:remove']);
    ws.close();
  });

  it('answers malformed messages with bad-request and keeps the socket open', async () => {
    const ws = await connect(wsUrl(server.token), { Origin: origin() });
    if (typeof ws === 'number') throw new Error(`refused with ${ws}`);
    const reply = new Promise<Record<string, unknown>>((r) => ws.once('message', (d) => r(JSON.parse(d.toString()))));
    ws.send('{not json');
    expect(await reply).toMatchObject({ id: -1, ok: false, error: { code: 'bad-request' } });
    expect(await call(ws, 3, 'app:info', {})).toMatchObject({ ok: true });
    ws.close();
  });

  it('pushes service events to connected pages', async () => {
    const ws = await connect(wsUrl(server.token), { Origin: origin() });
    if (typeof ws === 'number') throw new Error(`refused with ${ws}`);
    const event = nextEvent(ws);
    lab.emit('run:progress', { id: 'r1' });
    expect(await event).toEqual({ type: 'event', event: 'run:progress', payload: { id: 'r1' } });
    ws.close();
  });

  it('will not bind to a non-loopback address', async () => {
    await expect(startWebServer({ host: '0.0.0.0', staticDir: makeStaticDir(), backend: lab.backend })).rejects.toThrow(
      /loopback/,
    );
  });
});
