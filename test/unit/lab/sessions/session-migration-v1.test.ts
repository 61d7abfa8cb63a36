import { describe, expect, it } from 'vitest';
import { parseSession, serializeSession } from '../../../../electron/lab/sessions/session-file.js';
import { thinEvenly } from '../../../../electron/lab/sessions/thin-evenly.js';
import { MAX_SNAPSHOTS_PER_RUN } from '../../../../shared/limits.js';
import { SESSION_VERSION } from '../../../../shared/schemas/session.js';
import { stepsPerEpoch } from '../../../../shared/task-rule.js';
import { sampleSession } from '../fixtures/sample-session.js';

/**
 * Version 1 files come from builds that kept a snapshot every batch without a
 * bound: they still open, thinned evenly to the bound a run keeps now.
 */
describe('a version 1 session', () => {
  /** Run 0 with one snapshot per step of the whole run, as an old build saved it. */
  function oldFile(): { text: string; total: number } {
    const session = sampleSession();
    const run = session.runs[0];
    run.config.training.batchSize = 1; // one step per row: more steps than the bound
    const perEpoch = stepsPerEpoch(run.config);
    const total = perEpoch * run.config.training.epochs;
    run.snapshots = Array.from({ length: total + 1 }, (_, step) => {
      const epoch = step === 0 ? 0 : Math.ceil(step / perEpoch);
      return { epoch, batch: step === 0 ? 0 : step - (epoch - 1) * perEpoch, step, weights: run.weights! };
    });
    return { text: JSON.stringify({ ...JSON.parse(serializeSession(session)), version: 1 }), total };
  }

  it('with more snapshots than a run keeps now opens, thinned evenly from the first step to the last', () => {
    const { text, total } = oldFile();
    expect(total + 1).toBeGreaterThan(MAX_SNAPSHOTS_PER_RUN);
    const session = parseSession(text, 'old.rnnlab');
    expect(session.version).toBe(SESSION_VERSION);
    const steps = session.runs[0].snapshots.map((s) => s.step);
    expect(steps).toHaveLength(MAX_SNAPSHOTS_PER_RUN);
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBe(total);
    const gaps = steps.slice(1).map((step, i) => step - steps[i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1);
    // The other runs had a snapshot or none: untouched.
    expect(session.runs[1].snapshots).toEqual(JSON.parse(text).runs[1].snapshots);
  });

  it('saved again is a current-version file that opens to the same runs', () => {
    const session = parseSession(oldFile().text, 'old.rnnlab');
    const again = parseSession(serializeSession(session), 'again.rnnlab');
    expect(again).toEqual(session);
  });

  it('as version 2 with the same snapshots is refused: only old files are thinned', () => {
    const doc = JSON.parse(oldFile().text);
    doc.version = SESSION_VERSION;
    expect(() => parseSession(JSON.stringify(doc), 'new.rnnlab')).toThrow(
      `new.rnnlab is not a valid session: $.runs.0.snapshots: ${doc.runs[0].snapshots.length} snapshots, more than the limit of 500`,
    );
  });
});

describe('thinEvenly', () => {
  it('keeps short series whole and spreads a long one over its span', () => {
    expect(thinEvenly([1, 2, 3], 5)).toEqual([1, 2, 3]);
    expect(thinEvenly([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3)).toEqual([0, 5, 10]);
    expect(thinEvenly([0, 1, 2, 3, 4], 2)).toEqual([0, 4]);
    expect(
      thinEvenly(
        Array.from({ length: 1001 }, (_, i) => i),
        11,
      ),
    ).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
  });
});
