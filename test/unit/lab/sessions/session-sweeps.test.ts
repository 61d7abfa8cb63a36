import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  parseSession,
  parseSessionWithNotices,
  serializeSession,
} from '../../../../electron/lab/sessions/session-file.js';
import type { Run } from '../../../../shared/schemas/run.js';
import { emptyView, SESSION_VERSION, type Session } from '../../../../shared/schemas/session.js';
import { damagedCorpus } from '../fixtures/damaged-corpus.js';
import { addSweep } from '../fixtures/sweep-session.js';
import { trainedSession } from '../fixtures/trained-session.js';

/**
 * Version 4 stores sweeps: the session's `sweeps` and each sweep run's `sweep` tag. The version-3 fixture
 * is a real file, trained and saved by the version-3 CLI (commit 7f6b19d: `train --preset seed --samples 200
 * --epochs 2`), never edited by hand.
 */
const v3Text = readFileSync(join(__dirname, '..', 'fixtures', 'v3-seed.rnnlab'), 'utf8');
const v3 = JSON.parse(v3Text) as { version: number; runs: Run[]; view: object; sweeps?: unknown };

describe('a version-3 session', () => {
  it('is a real version-3 file of the seed preset, without sweeps', () => {
    expect([v3.version, v3.runs.length, v3.sweeps]).toEqual([3, 4, undefined]);
    expect(v3.runs.every((run) => run.status === 'done' && run.sweep === undefined)).toBe(true);
  });

  it('opens as the current version with no sweeps, every run and the view exactly as stored, and no notice', () => {
    const { session, notices } = parseSessionWithNotices(v3Text, 'v3-seed.rnnlab');
    expect([SESSION_VERSION, session.version, notices]).toEqual([4, 4, []]);
    expect(session.sweeps).toEqual([]);
    expect(session.runs).toEqual(v3.runs);
    expect(session.view).toEqual({ ...emptyView(), ...v3.view });
  });

  it('saved again is a version-4 file that opens to the same session', () => {
    const session = parseSession(v3Text, 'v3-seed.rnnlab');
    const text = serializeSession(session);
    expect((JSON.parse(text) as { version: number; sweeps: unknown }).sweeps).toEqual([]);
    expect(parseSession(text, 'again.rnnlab')).toEqual(session);
  });

  it('drops sweep keys a version-3 loader ignored: such a file meant no sweep', () => {
    const doc = JSON.parse(v3Text) as Record<string, unknown> & { runs: Record<string, unknown>[] };
    doc.sweeps = [{ id: 'x' }];
    doc.runs[0].sweep = { id: 'x', values: {} };
    const session = parseSession(JSON.stringify(doc), 'stray.rnnlab');
    expect(session.sweeps).toEqual([]);
    expect(session.runs[0].sweep).toBeUndefined();
    expect(session.runs[0]).toEqual(v3.runs[0]);
  });
});

describe('a version-4 session with a sweep', () => {
  let base: Session;
  beforeAll(async () => {
    base = await trainedSession();
  });

  it('keeps the sweep and its runs’ tags through a save and a load', () => {
    const session = structuredClone(base);
    const sweep = addSweep(session);
    const loaded = parseSession(serializeSession(session), 'sweep.rnnlab');
    expect(loaded.sweeps).toEqual([sweep]);
    expect(loaded.runs[0].sweep?.values).toEqual({
      'task.dataSeed': 1,
      'model.embeddingDim': 10,
      'model.rnnActivation': 'linear',
      'model.outputActivation': 'sigmoid',
      'training.learningRate': 0.02,
      'training.seed': 7,
    });
    expect(loaded.runs[1].sweep?.values['model.rnnActivation']).toBe('sigmoid');
    expect(loaded.runs[2].sweep).toBeUndefined();
  });

  it('opens light runs: a done run of a sweep that keeps no series may hold none', () => {
    const session = structuredClone(base);
    addSweep(session);
    for (const run of session.runs.slice(0, 2)) Object.assign(run, { batchLoss: [], predictions: [], snapshots: [] });
    const loaded = parseSession(serializeSession(session), 'light.rnnlab');
    expect(loaded.runs.slice(0, 2).map((r) => [r.status, r.batchLoss.length, r.predictions.length])).toEqual([
      ['done', 0, 0],
      ['done', 0, 0],
    ]);
  });

  it('refuses each broken sweep rule with its one line', () => {
    const broken = damagedCorpus(base).filter((entry) => entry.label.startsWith('sweep: '));
    expect(broken.length).toBe(10);
    for (const entry of broken) {
      let message = '';
      try {
        parseSession(entry.bytes.toString('utf8'), 'bad.rnnlab');
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message.startsWith(`bad.rnnlab ${entry.at}`), `${entry.label}: ${message}`).toBe(true);
      expect(message).not.toContain('\n');
    }
  });
});
