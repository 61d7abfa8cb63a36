import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandRegistry } from '../../../../electron/cli/run-cli.js';
import { RETIRED_READOUT_NOTE } from '../../../../electron/lab/sessions/migrate-v2-cells.js';
import {
  parseSession,
  parseSessionWithNotices,
  serializeSession,
} from '../../../../electron/lab/sessions/session-file.js';
import { cellStep, initialState, readoutOf } from '../../../../shared/analysis/cell-step.js';
import { digitScoresOf } from '../../../../shared/analysis/forward.js';
import type { Run } from '../../../../shared/schemas/run.js';
import { emptyView, SESSION_VERSION } from '../../../../shared/schemas/session.js';
import { showOutputSchema } from '../../../../shared/schemas/session-export.js';
import { runInProcess } from '../../cli/in-process.js';

/**
 * Version-2 files were written by the builds before cells, readouts and tasks: SimpleRNN only, the
 * `contains` task, and with more than one unit the retired "mean of the units' sigmoids" readout.
 * The fixtures are real files, trained and saved by that build's CLI (commit 0c91829:
 * `train --preset seed --samples 200 --epochs 2` and `train --embedding 2 --units 2 --activation tanh
 * --samples 200 --epochs 2`), never edited by hand.
 */
const FIXTURES = join(__dirname, '..', 'fixtures');
const seedText = readFileSync(join(FIXTURES, 'v2-seed.rnnlab'), 'utf8');
const unitsText = readFileSync(join(FIXTURES, 'v2-units.rnnlab'), 'utf8');
/** What the tests read of a version-2 file: a run's config has no cell, readout or task kind. */
type Loose = Record<string, unknown>;
interface OldRun extends Omit<Run, 'config'> {
  config: { task: Loose; model: Loose; training: Loose };
}
interface OldFile {
  version: number;
  runs: OldRun[];
  view: Loose;
}
const readOld = (text: string): OldFile => JSON.parse(text) as OldFile;
const RESULT_KEYS = ['weights', 'digitScores', 'predictions', 'history', 'batchLoss', 'snapshots', 'summary'] as const;

describe('a version-2 session of one-unit SimpleRNN runs', () => {
  const file = readOld(seedText);
  const { session, notices } = parseSessionWithNotices(seedText, 'v2-seed.rnnlab');

  it('is a real version-2 file without cells, readouts or task kinds', () => {
    expect(file.version).toBe(2);
    expect(file.runs).toHaveLength(4);
    for (const run of file.runs) {
      expect(run.config.model.cell).toBeUndefined();
      expect(run.config.model.readout).toBeUndefined();
      expect(run.config.task.kind).toBeUndefined();
    }
  });

  it('opens as the current version with every number unchanged and nothing to report', () => {
    expect(session.version).toBe(SESSION_VERSION);
    expect(notices).toEqual([]);
    for (const [i, run] of session.runs.entries()) {
      const old = file.runs[i];
      expect(run.config.model).toEqual({ ...old.config.model, cell: 'simple', readout: 'activation' });
      expect(run.config.task).toEqual({ ...old.config.task, kind: 'contains', otherDigit: 7, balanced: false });
      expect(run.config.training).toEqual(old.config.training);
      expect([run.id, run.name, run.status, run.note]).toEqual([old.id, old.name, 'done', old.note]);
      for (const key of RESULT_KEYS) expect(run[key], key).toEqual(old[key]);
    }
  });

  it("its stored predictions are still what the migrated config's equations give from its weights", () => {
    for (const run of session.runs) {
      expect(run.predictions).toHaveLength(10);
      for (const p of run.predictions) expect(Math.abs(probabilityOf(run, p.input) - p.probability)).toBeLessThan(1e-5);
    }
  });

  it('saved again is a current-version file that opens to the same runs', () => {
    const again = parseSessionWithNotices(serializeSession(session), 'again.rnnlab');
    expect(readOld(serializeSession(session)).version).toBe(SESSION_VERSION);
    expect(again.session).toEqual(session);
    expect(again.notices).toEqual([]);
  });
});

/** The analyses' one implementation of the cell and the readout, read with the run's (migrated) config. */
function probabilityOf(run: Run, input: readonly number[]): number {
  const weights = run.weights!;
  const scores = digitScoresOf(weights);
  let state = initialState(run.config.model.cell, run.config.model.rnnUnits);
  for (const digit of input) state = cellStep(run.config.model, scores[digit], weights.recurrentKernel, state).state;
  return readoutOf(run.config.model, weights, state.h).probability;
}

describe('a version-2 session of a run with 2 units (the retired mean readout)', () => {
  const file = readOld(unitsText);
  const old = file.runs[0];

  it('is a real trained version-2 run with 2 units', () => {
    expect([file.version, old.status, old.config.model.rnnUnits]).toEqual([2, 'done', 2]);
    expect(old.weights?.kernel[0]).toHaveLength(2);
    expect(old.predictions).toHaveLength(10);
  });

  it('opens with the dense readout, its results cleared, its note saying why, and one notice', () => {
    const { session, notices } = parseSessionWithNotices(unitsText, 'v2-units.rnnlab');
    const run = session.runs[0];
    expect(run.config.model).toEqual({ ...old.config.model, cell: 'simple', readout: 'dense' });
    expect(run.config.task).toEqual({ ...old.config.task, kind: 'contains', otherDigit: 7, balanced: false });
    expect(run.config.training).toEqual(old.config.training);
    expect([run.id, run.name, run.status]).toEqual([old.id, old.name, 'idle']);
    expect(run.note).toBe(RETIRED_READOUT_NOTE);
    expect(run.note).not.toContain('\n');
    for (const key of ['weights', 'digitScores', 'summary', 'backend', 'trainSeconds'] as const)
      expect(run[key], key).toBeUndefined();
    for (const key of ['predictions', 'history', 'batchLoss', 'snapshots'] as const) expect(run[key], key).toEqual([]);
    expect(notices).toEqual([
      `v2-units.rnnlab: run "${old.name}" was trained with the retired readout (the mean of the units' sigmoids), which the dense readout cannot reproduce: its results were cleared; retrain it`,
    ]);
    expect(session.view).toEqual({ ...emptyView(), ...file.view });
  });

  it("keeps the user's note and adds the reason as its last line", () => {
    const doc = readOld(unitsText);
    doc.runs[0].note = 'tried 2 units\nsecond line';
    const run = parseSession(JSON.stringify(doc), 'noted.rnnlab').runs[0];
    expect(run.note).toBe(`tried 2 units\nsecond line\n${RETIRED_READOUT_NOTE}`);
  });

  it('names every cleared run in one line; an untrained one is not cleared and not reported', () => {
    const doc = readOld(unitsText);
    const second = { ...structuredClone(doc.runs[0]), id: 'second', name: 'Second' };
    const fresh: OldRun = { ...structuredClone(doc.runs[0]), id: 'fresh', name: 'Fresh', status: 'idle' };
    for (const key of RESULT_KEYS) delete fresh[key];
    delete fresh.backend;
    delete fresh.trainSeconds;
    doc.runs.push(second, fresh);
    const { session, notices } = parseSessionWithNotices(JSON.stringify(doc), 'three.rnnlab');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(
      /^three\.rnnlab: 2 runs "Embedding 2 · tanh", "Second" were trained with .*retrain them$/,
    );
    expect(session.runs.map((r) => r.status)).toEqual(['idle', 'idle', 'idle']);
    expect(session.runs[2].note).toBe('');
    expect(session.runs[2].config.model.readout).toBe('dense');
  });

  it('saved again opens without a notice: the clearing happens once', () => {
    const { session } = parseSessionWithNotices(unitsText, 'v2-units.rnnlab');
    expect(parseSessionWithNotices(serializeSession(session), 'again.rnnlab').notices).toEqual([]);
  });
});

describe('the CLI on a version-2 file', () => {
  const registry: CommandRegistry = {
    validate: () => import('../../../../electron/cli/commands/validate.js'),
    show: () => import('../../../../electron/cli/commands/show.js'),
  };
  const path = join(FIXTURES, 'v2-units.rnnlab');

  it('validate accepts it and says once, on stderr, what was cleared', async () => {
    const r = await runInProcess(['validate', path], registry);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${path}: valid RNN Lab session (version ${SESSION_VERSION}, 1 runs, 0 trained)\n`);
    expect(r.stderr.split('\n')).toEqual([expect.stringMatching(/^note: .*v2-units\.rnnlab: run ".*retrain it$/), '']);
  });

  it('show --json still prints exactly one object on stdout', async () => {
    const r = await runInProcess(['show', path, '--json'], registry);
    expect(r.code).toBe(0);
    expect(showOutputSchema.parse(JSON.parse(r.stdout)).runs[0]).toMatchObject({
      status: 'idle',
      weights: null,
      predictions: [],
    });
    expect(r.stderr).toMatch(/^note: .*retrain it\n$/);
  });

  it('a one-unit version-2 file prints no note', async () => {
    const r = await runInProcess(['validate', join(FIXTURES, 'v2-seed.rnnlab')], registry);
    expect([r.code, r.stderr]).toEqual([0, '']);
  });
});
