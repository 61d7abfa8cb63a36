import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labStateSchema } from '../../../shared/contract.js';
import { MAX_WS_MESSAGE_BYTES } from '../../../shared/session-text-size.js';
import type { LabService } from '../../../electron/lab/lab-service.js';
import { labBackend, type LabBackend } from '../../../electron/lab/lab-backend.js';
import { startWebServer, type WebServer } from '../../../electron/web/server.js';
import { call, connect, get, labServiceWithoutWorkers, makeStaticDir } from './helpers.js';
import { frame, rawConnect, rawWebSocket, textFrame, upgradeRequest } from './raw-websocket.js';

/**
 * A broken client must only ever lose its own connection: after each kind of
 * malformed frame or broken handshake, the same server (the real lab service
 * behind it) still answers a fresh page correctly.
 */
describe('browser-mode server under malformed traffic', () => {
  let server: WebServer;
  let service: LabService;
  let nextId = 100;

  beforeAll(async () => {
    service = labServiceWithoutWorkers();
    const real = labBackend(service);
    // One channel answers with an error whose message cannot even be read: the bridge must survive its own failure path.
    const backend: LabBackend = {
      call: (channel, payload) =>
        channel === 'app:info' ? Promise.reject(unreadableError()) : real.call(channel, payload),
      subscribe: real.subscribe,
    };
    server = await startWebServer({ staticDir: makeStaticDir(), backend });
    const ws = await page();
    expect(await call(ws, 1, 'runs:addPreset', { preset: 'seed', samples: 200 })).toMatchObject({ ok: true });
    ws.close();
  });
  afterAll(async () => {
    await server.close();
    await service.close();
  });

  async function page() {
    const ws = await connect(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, {
      Origin: `http://127.0.0.1:${server.port}`,
    });
    if (typeof ws === 'number') throw new Error(`refused with ${ws}`);
    return ws;
  }

  /** A fresh, authorised page still gets the lab's real state: the four seed runs. */
  async function expectServing(): Promise<void> {
    const ws = await page();
    const reply = await call(ws, nextId++, 'lab:state', {});
    expect(reply.ok).toBe(true);
    const state = labStateSchema.parse(reply.result);
    expect(state.runs.map((r) => r.name)).toHaveLength(4);
    expect(state.runs.every((r) => r.config.task.samples === 200)).toBe(true);
    ws.close();
    expect((await get(server.port, `/?token=${server.token}`)).status).toBe(200);
  }

  const closedWith = [
    [
      'a text frame of invalid UTF-8',
      () => frame({ opcode: 0x1, payload: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }),
      1007,
    ],
    ['an unmasked client frame', () => frame({ opcode: 0x1, payload: Buffer.from('{}'), masked: false }), 1002],
    ['a reserved data opcode', () => frame({ opcode: 0x3, payload: Buffer.from('x') }), 1002],
    ['a reserved control opcode', () => frame({ opcode: 0xb }), 1002],
    ['RSV2 and RSV3 set', () => frame({ opcode: 0x1, payload: Buffer.from('{}'), rsv: 0b011 }), 1002],
    [
      'RSV1 set without compression negotiated',
      () => frame({ opcode: 0x1, payload: Buffer.from('{}'), rsv: 0b100 }),
      1002,
    ],
    [
      'a length header just beyond the message limit',
      () => frame({ opcode: 0x1, declaredLength: BigInt(MAX_WS_MESSAGE_BYTES + 1) }),
      1009,
    ],
    ['a length header beyond 2^53', () => frame({ opcode: 0x1, declaredLength: 2n ** 63n }), 1009],
    ['a continuation frame with nothing to continue', () => frame({ opcode: 0x0, payload: Buffer.from('x') }), 1002],
    ['a fragmented ping', () => frame({ opcode: 0x9, fin: false }), 1002],
    ['a close frame with a one-byte body', () => frame({ opcode: 0x8, payload: Buffer.from([3]) }), 1002],
    ['a close frame with an invalid code', () => frame({ opcode: 0x8, payload: Buffer.from([0x03, 0xe6]) }), 1002],
  ] as const;

  for (const [what, bytes, code] of closedWith) {
    it(`closes only the socket that sent ${what}, with ${code}`, async () => {
      const bad = await rawWebSocket(server.port, server.token);
      bad.write(bytes());
      // The server ends the connection itself: no close reply from this client is needed.
      expect((await bad.outcome()).closeCode).toBe(code);
      await expectServing();
    });
  }

  it('ends a socket whose frame is cut short by the client going away, without a close frame', async () => {
    const bad = await rawWebSocket(server.port, server.token);
    // A header promising 1000 bytes, ten of them, then the client half-closes.
    bad.write(frame({ opcode: 0x1, payload: Buffer.from('{"type":"c'), declaredLength: 1000n }));
    bad.socket.end();
    const outcome = await bad.outcome();
    expect(outcome.closeCode).toBeNull();
    expect(outcome.opcodes).toEqual([]);
    await expectServing();
  });

  it('refuses a binary frame with 1003 and finishes the closing handshake', async () => {
    const bad = await rawWebSocket(server.port, server.token);
    bad.write(frame({ opcode: 0x2, payload: Buffer.from([1, 2, 3]) }));
    expect((await bad.outcome({ answerClose: true })).closeCode).toBe(1003);
    await expectServing();
  });

  it('still answers well-formed calls on a raw socket (the frame builder is right)', async () => {
    const good = await rawWebSocket(server.port, server.token);
    good.write(textFrame(JSON.stringify({ type: 'call', id: 5, channel: 'lab:state', payload: {} })));
    good.write(frame({ opcode: 0x8, payload: Buffer.from([0x03, 0xe8]) }));
    const outcome = await good.outcome();
    expect(outcome.closeCode).toBe(1000);
    expect(outcome.opcodes[0]).toBe(0x1);
  });

  it('answers garbage sent instead of an HTTP request with 400 and keeps serving', async () => {
    const bad = await rawConnect(
      server.port,
      Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x00, 0x0d, 0x0a, 0x0d, 0x0a]),
    );
    expect(await bad.statusLine()).toBe('HTTP/1.1 400 Bad Request');
    await bad.outcome();
    await expectServing();
  });

  it('closes with 1002 when garbage follows the upgrade request before the handshake completes', async () => {
    const bad = await rawWebSocket(server.port, server.token, Buffer.from([0xff, 0xff, 0x00, 0x67, 0x61, 0x72, 0x62]));
    expect((await bad.outcome()).closeCode).toBe(1002);
    await expectServing();
  });

  it('survives request targets that are not URLs, over HTTP and as an upgrade', async () => {
    for (const target of ['//', '//[', '/\\', '//:99999']) {
      const plain = await rawConnect(server.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n\r\n`);
      expect(await plain.statusLine()).toBe('HTTP/1.1 400 Bad Request');
      plain.socket.destroy();
      const upgrade = await rawConnect(server.port, upgradeRequest(server.port, server.token, target));
      expect(await upgrade.statusLine()).toBe('HTTP/1.1 400 Bad Request');
      upgrade.socket.destroy();
    }
    await expectServing();
  });

  it('survives clients that reset the connection mid-handshake or after a refusal', async () => {
    const request = upgradeRequest(server.port, server.token);
    const halfway = await rawConnect(server.port, request.slice(0, 40));
    halfway.socket.resetAndDestroy();
    const refused = await rawConnect(server.port, upgradeRequest(server.port, 'wrong-token'));
    refused.socket.resetAndDestroy();
    const accepted = await rawConnect(server.port, request);
    accepted.socket.resetAndDestroy();
    const upgraded = await rawWebSocket(server.port, server.token);
    upgraded.write(frame({ opcode: 0x1, payload: Buffer.from('{"type":'), declaredLength: 500n }).subarray(0, 14));
    upgraded.socket.resetAndDestroy();
    await expectServing();
  });

  it('answers a call whose failure cannot be described with a generic error, not a crash', async () => {
    const ws = await page();
    expect(await call(ws, 9, 'app:info', {})).toEqual({
      type: 'reply',
      id: 9,
      ok: false,
      error: { code: 'internal', message: 'the lab could not answer this call' },
    });
    ws.close();
    await expectServing();
  });
});

function unreadableError(): Error {
  const err = new Error('placeholder');
  Object.defineProperty(err, 'message', {
    get() {
      throw new Error('this message cannot be read');
    },
  });
  return err;
}
