import { describe, expect, it } from 'vitest';
import { apiMethodName, eventContract, invokeChannels, invokeContract } from '../../../shared/contract.js';
import { serverMessageSchema, wireCallSchema } from '../../../shared/transport.js';
import { fromWireError, isWireError, LabError, toWireError } from '../../../shared/errors.js';
import { runConfigSchema } from '../../../shared/schemas/run-config.js';
import { DEFAULT_RUN } from '../../../shared/presets.js';

const config = runConfigSchema.parse(DEFAULT_RUN.config);

describe('invoke contract rejects bad payloads', () => {
  it('runs:add needs a name and a valid config', () => {
    const req = invokeContract['runs:add'].request;
    expect(req.safeParse({ name: 'ok', config }).success).toBe(true);
    expect(req.safeParse({ name: '', config }).success).toBe(false);
    expect(
      req.safeParse({ name: 'ok', config: { ...config, model: { ...config.model, embeddingDim: 0 } } }).success,
    ).toBe(false);
    expect(req.safeParse({ name: 'ok' }).success).toBe(false);
  });
  it('run ids are plain tokens', () => {
    const req = invokeContract['runs:remove'].request;
    expect(req.safeParse({ id: 'run_1-a' }).success).toBe(true);
    expect(req.safeParse({ id: '../etc/passwd' }).success).toBe(false);
    expect(req.safeParse({ id: 5 }).success).toBe(false);
  });
  it('the seed preset takes a bounded sample count', () => {
    const req = invokeContract['runs:addPreset'].request;
    expect(req.safeParse({ preset: 'seed', samples: 1000 }).success).toBe(true);
    expect(req.safeParse({ preset: 'seed', samples: 5 }).success).toBe(false);
    expect(req.safeParse({ preset: 'other' }).success).toBe(false);
  });
  it('exports name a known kind', () => {
    const req = invokeContract['export:save'].request;
    expect(req.safeParse({ defaultName: 'a.png', kind: 'png', data: 'AAAA' }).success).toBe(true);
    expect(req.safeParse({ defaultName: 'a.exe', kind: 'exe', data: '' }).success).toBe(false);
    expect(req.safeParse({ defaultName: '', kind: 'png', data: '' }).success).toBe(false);
  });
  it('view:set refuses an unknown layout', () => {
    expect(invokeContract['view:set'].request.safeParse({ layout: 'grid' }).success).toBe(false);
    expect(invokeContract['view:set'].request.safeParse({ layout: 'overlay' }).success).toBe(true);
  });
  it('progress events refuse NaN and fractions above 1', () => {
    const ev = eventContract['run:progress'];
    const p = {
      epoch: 1,
      epochs: 4,
      batch: 3,
      batchesPerEpoch: 10,
      loss: 0.5,
      acc: 0.8,
      fraction: 0.1,
      elapsedMs: 10,
      etaMs: 90,
    };
    expect(ev.safeParse({ id: 'a', progress: p }).success).toBe(true);
    expect(ev.safeParse({ id: 'a', progress: { ...p, loss: Number.NaN } }).success).toBe(false);
    expect(ev.safeParse({ id: 'a', progress: { ...p, fraction: 1.5 } }).success).toBe(false);
  });
});

describe('wire protocol', () => {
  it('calls need an integer id and a channel', () => {
    expect(wireCallSchema.safeParse({ type: 'call', id: 1, channel: 'lab:state', payload: {} }).success).toBe(true);
    expect(wireCallSchema.safeParse({ type: 'call', id: 'x', channel: 'lab:state' }).success).toBe(false);
  });
  it('error replies carry a known code', () => {
    expect(
      serverMessageSchema.safeParse({ type: 'reply', id: 1, ok: false, error: { code: 'not-found', message: 'x' } })
        .success,
    ).toBe(true);
    expect(
      serverMessageSchema.safeParse({ type: 'reply', id: 1, ok: false, error: { code: 'teapot', message: 'x' } })
        .success,
    ).toBe(false);
  });
  it('errors survive the round trip as LabError', () => {
    const wire = toWireError(new LabError('busy', 'run is training'));
    expect(isWireError(wire)).toBe(true);
    const back = fromWireError(wire);
    expect(back).toBeInstanceOf(LabError);
    expect(back.code).toBe('busy');
    expect(toWireError(new Error('boom')).error.code).toBe('internal');
  });
  it('every channel maps to a distinct preload method name', () => {
    const names = invokeChannels.map(apiMethodName);
    expect(new Set(names).size).toBe(names.length);
    expect(apiMethodName('runs:addPreset')).toBe('runsAddPreset');
  });
});
