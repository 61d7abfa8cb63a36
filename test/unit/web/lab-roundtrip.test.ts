import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventContract, labStateSchema } from '../../../shared/contract.js';
import type { LabService } from '../../../electron/lab/lab-service.js';
import { labBackend } from '../../../electron/lab/lab-backend.js';
import { startWebServer, type WebServer } from '../../../electron/web/server.js';
import { call, connect, labServiceWithoutWorkers, makeStaticDir, nextEvent } from './helpers.js';

/** The real lab service behind the real server; no call here trains, so no worker starts. */
describe('browser mode with the lab service', () => {
  let server: WebServer;
  let service: LabService;

  beforeAll(async () => {
    service = labServiceWithoutWorkers();
    server = await startWebServer({ staticDir: makeStaticDir(), backend: labBackend(service) });
  });
  afterAll(async () => {
    await server.close();
    await service.close();
  });

  it('adds the seed preset over the WebSocket, pushes the new state and validates payloads', async () => {
    const ws = await connect(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, {
      Origin: `http://127.0.0.1:${server.port}`,
    });
    if (typeof ws === 'number') throw new Error(`refused with ${ws}`);
    const pushed = nextEvent(ws);
    const reply = await call(ws, 1, 'runs:addPreset', { preset: 'seed', samples: 200 });
    expect(reply.ok).toBe(true);
    expect((reply.result as unknown[]).length).toBe(4);

    const event = await pushed;
    expect(event.event).toBe('run:added');
    const added = eventContract['run:added'].parse(event.payload);
    expect([added.index, added.run.config.task.samples]).toEqual([0, 200]);
    const state = labStateSchema.parse((await call(ws, 4, 'lab:state', {})).result);
    expect(state.runs.map((r) => r.config.task.samples)).toEqual([200, 200, 200, 200]);
    expect(state.session.dirty).toBe(true);

    const bad = await call(ws, 2, 'runs:addPreset', { preset: 'nope' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const saved = await call(ws, 3, 'session:save', { path: '../escape' });
    expect(saved).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    ws.close();
  });
});
