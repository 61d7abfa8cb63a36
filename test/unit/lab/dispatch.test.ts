import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/lab/dispatch.js';
import { LabService } from '../../../electron/lab/lab-service.js';
import { electronOnlyChannels, invokeChannels, labChannels, type LabChannel } from '../../../shared/channels.js';
import { invokeContract } from '../../../shared/contract.js';
import { SEED_PRESET } from '../../../shared/presets.js';
import { channelCases, harness, type ChannelCase, type Harness } from './fixtures/channel-cases.js';
import { fakeFactory, finishAfter } from './fixtures/fake-workers.js';

const lab = () =>
  new LabService({
    workerFactory: fakeFactory(() => finishAfter(5)).factory,
    host: 'electron',
    paths: { kind: 'absolute' },
  });

describe('dispatch', () => {
  it('rejects unknown channels, including prototype names', async () => {
    for (const channel of ['runs:explode', 'toString', '__proto__', 'constructor']) {
      const reply = await dispatch(lab(), channel, {});
      expect(reply).toEqual({ ok: false, error: { code: 'bad-request', message: `unknown channel "${channel}"` } });
    }
  });

  it.each([
    [
      'runs:add',
      { name: 'x', config: { ...SEED_PRESET[0].config, model: { ...SEED_PRESET[0].config.model, embeddingDim: 0 } } },
      '$.config.model.embeddingDim',
    ],
    ['runs:add', { name: '   ', config: SEED_PRESET[0].config }, '$.name'],
    ['runs:update', { id: '../etc' }, '$.id'],
    ['runs:addPreset', { preset: 'nope' }, '$.preset'],
    ['view:set', { layout: 3 }, '$.layout'],
    ['session:open', { path: 42 }, '$.path'],
    ['runs:train', 'not an object', '$'],
  ])('rejects a bad %s payload with one line naming the path', async (channel, payload, path) => {
    const reply = await dispatch(lab(), channel, payload);
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('bad-request');
    expect(reply.error.message).toContain(`${channel} request is invalid at ${path}`);
    expect(reply.error.message).not.toMatch(/\n/);
  });

  it('passes valid calls through and maps service errors to wire errors', async () => {
    const service = lab();
    const added = await dispatch(service, 'runs:add', { name: 'A', config: SEED_PRESET[3].config });
    expect(added.ok).toBe(true);
    const missing = await dispatch(service, 'runs:remove', { id: 'ghost' });
    expect(missing).toEqual({ ok: false, error: { code: 'not-found', message: 'no run with id ghost' } });
    const noPath = await dispatch(service, 'session:save', {});
    expect(noPath).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const relative = await dispatch(service, 'session:save', { path: 'relative.rnnlab' });
    expect(relative).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: 'session path must be absolute: relative.rnnlab' },
    });
  });

  it('has one case per lab channel (a new channel needs a valid request here)', () => {
    expect(Object.keys(channelCases).sort()).toEqual([...labChannels].sort());
    // Every channel of the contract is either the lab's or Electron's own, never both.
    expect([...invokeChannels].sort()).toEqual([...labChannels, ...electronOnlyChannels].sort());
    expect(electronOnlyChannels).toEqual(['export:save']);
  });

  it.each([...electronOnlyChannels])(
    '%s never reaches the service: refused, valid or not, before validation',
    async (channel) => {
      const h = await harness();
      try {
        const before = h.lab.state();
        const message = `${channel} is answered by the Electron window only`;
        const valid = { defaultName: 'chart.png', kind: 'png', data: 'iVBORw0KGgo=' };
        for (const payload of [valid, { kind: 'gif' }, 'junk']) {
          expect(await dispatch(h.lab, channel, payload)).toEqual({
            ok: false,
            error: { code: 'bad-request', message },
          });
        }
        expect(h.lab.state()).toEqual(before);
      } finally {
        await h.dispose();
      }
    },
  );

  it.each([...labChannels])('%s: a valid request gets an answer its response schema accepts', async (channel) => {
    const h = await harness();
    try {
      const kase = channelCases[channel] as ChannelCase<LabChannel>;
      const reply = await dispatch(h.lab, channel, await kase.valid(h));
      if (!reply.ok) throw new Error(`${channel} refused a valid request: ${reply.error.message}`);
      // What crosses the wire must be what the contract promises the renderer.
      const answer = invokeContract[channel].response.parse(reply.result);
      await (kase.check as (a: unknown, h: Harness) => void | Promise<void>)(answer, h);
    } finally {
      await h.dispose();
    }
  });

  it.each([...labChannels])(
    '%s: an invalid request is refused as bad-request in one line naming the path',
    async (channel) => {
      const h = await harness();
      try {
        const [payload, path] = channelCases[channel].invalid;
        const before = h.lab.state();
        const reply = await dispatch(h.lab, channel, payload);
        expect(reply.ok).toBe(false);
        if (reply.ok) return;
        expect(reply.error.code).toBe('bad-request');
        expect(reply.error.message).toMatch(
          new RegExp(`^${channel} request is invalid at ${path.replace(/[.$]/g, '\\$&')}: \\S`),
        );
        expect(reply.error.message).not.toMatch(/\n/);
        // A refused request changes nothing.
        expect(h.lab.state()).toEqual(before);
      } finally {
        await h.dispose();
      }
    },
  );
});
