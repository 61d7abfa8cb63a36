/**
 * Version 2 → 3: cells, readouts and tasks entered the config. A version-2 run was a SimpleRNN on the
 * `contains` task, so it gets exactly the fields that say so, and its numbers stay as they were.
 *
 * One kind of version-2 run cannot be carried over: with more than one unit its probability was the
 * mean of the units' sigmoids, a readout that no longer exists and that the dense readout (Dense(1) +
 * sigmoid over the units) cannot reproduce from the same weights. Such a run keeps its name, config
 * and note, gets the dense readout, loses its results (it would be a record of a model the lab can no
 * longer evaluate) and its note says why, so the user knows to retrain it.
 */

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every result field a version-2 run could hold; an idle run holds none of them. Written out here, not taken
 * from RUN_RESULT_FIELDS: a migration describes its own version's format, which later fields must not change.
 */
const RESULT_FIELDS = [
  'backend',
  'history',
  'batchLoss',
  'summary',
  'weights',
  'digitScores',
  'predictions',
  'snapshots',
  'trainSeconds',
  'error',
] as const;

/** Appended to the note of a run whose results were cleared. One line: notes are shown as typed. */
export const RETIRED_READOUT_NOTE =
  "Results cleared when this file was opened by a newer RNN Lab: it was trained with the retired readout (the mean of the units' sigmoids), which the dense readout cannot reproduce. Retrain it.";

/** Notes longer than this are refused by the run schema; the cleared line is left out rather than break the file. */
const NOTE_LIMIT = 10_000;

/** The 2 → 3 migration; when it clears runs, `notices` gets one line that names them. */
export function migrateV2Cells(doc: Loose, notices: string[] = []): Loose {
  const cleared: string[] = [];
  const runs = Array.isArray(doc.runs) ? doc.runs.map((run) => migrateRun(run, cleared)) : doc.runs;
  if (cleared.length > 0) notices.push(clearedNotice(cleared));
  return { ...doc, version: 3, runs };
}

/** 'run "A" was trained with … retrain it' in one line, however many runs. */
export function clearedNotice(names: readonly string[]): string {
  const listed = names.map((n) => JSON.stringify(n)).join(', ');
  const [runs, was, it] = names.length === 1 ? ['run', 'was', 'it'] : [`${names.length} runs`, 'were', 'them'];
  return `${runs} ${listed} ${was} trained with the retired readout (the mean of the units' sigmoids), which the dense readout cannot reproduce: ${names.length === 1 ? 'its' : 'their'} results were cleared; retrain ${it}`;
}

function migrateRun(run: unknown, cleared: string[]): unknown {
  if (!isObject(run) || !isObject(run.config)) return run;
  const { task, model } = run.config;
  if (!isObject(task) || !isObject(model)) return run;
  const units = model.rnnUnits;
  const retired = typeof units === 'number' && units > 1;
  // The defaults of version 3's schema, written out: a migration states what an old file meant, even if defaults change.
  const config = {
    ...run.config,
    task: { ...task, kind: 'contains', otherDigit: 7, balanced: false },
    model: { ...model, cell: 'simple', readout: retired ? 'dense' : 'activation' },
  };
  if (!retired || !hasResults(run)) return { ...run, config };
  cleared.push(typeof run.name === 'string' ? run.name : String(run.id));
  const kept: Loose = { ...run, config, status: 'idle', note: noteWithReason(run.note) };
  for (const key of RESULT_FIELDS) delete kept[key];
  return kept;
}

/** Trained, or stopped while training: queued and training runs carry no results worth a notice. */
function hasResults(run: Loose): boolean {
  if (run.status === 'done' || run.status === 'cancelled' || run.status === 'failed') return true;
  return RESULT_FIELDS.some((key) => (Array.isArray(run[key]) ? run[key].length > 0 : run[key] !== undefined));
}

function noteWithReason(note: unknown): unknown {
  if (note === undefined || note === '') return RETIRED_READOUT_NOTE;
  if (typeof note !== 'string') return note; // the schema reports it
  const longer = `${note}\n${RETIRED_READOUT_NOTE}`;
  return longer.length <= NOTE_LIMIT ? longer : note;
}
