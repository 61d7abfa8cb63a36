import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainRun } from '../../../../electron/engine/index.js';
import { parseSession, readSessionFile, serializeSession } from '../../../../electron/lab/sessions/session-file.js';
import { invokeContract } from '../../../../shared/contract.js';
import { formatZodError } from '../../../../shared/format-zod-error.js';
import { emptyView, type Session } from '../../../../shared/schemas/session.js';
import { smallConfig } from '../fixtures/fake-result.js';
import { trainedSession } from '../fixtures/trained-session.js';

/**
 * One test per sense rule of the loader, each with the exact one-line message
 * and JSON path. The base is the engine's own output (runs t0: seed preset 0 and
 * t1: preset 3, 200 rows, 4 epochs of 20 batches; "fresh": idle), which passes
 * every rule; each test breaks one thing in it.
 */
/** A JSON document as read from a file: any shape at all. */
type Doc = any;
let base: Session;
let dir: string;
beforeAll(async () => {
  base = await trainedSession();
  dir = await mkdtemp(join(tmpdir(), 'session-sense-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const NAME = 'sense.rnnlab';
const PREFIX = `${NAME} is not a valid session: `;
function refusal(change: (doc: Doc) => void): string {
  const doc: Doc = JSON.parse(serializeSession(base));
  change(doc);
  try {
    parseSession(JSON.stringify(doc), NAME);
  } catch (err) {
    const message = (err as Error).message;
    expect(message).not.toMatch(/\n/);
    return message.startsWith(PREFIX) ? message.slice(PREFIX.length) : message;
  }
  throw new Error('the session was accepted');
}
/** A cancelled run may stop short: the rules about rows and steps then speak, not "a done run has…". */
const cancelled = (doc: Doc, run = 0) => {
  doc.runs[run].status = 'cancelled';
};

describe("the engine's own output", () => {
  it('passes every rule: a trained seed session (done and idle runs) round-trips', () => {
    expect(parseSession(serializeSession(base), NAME)).toEqual(base);
  });

  it('passes every rule when cancelled after one epoch (fewer rows, steps and snapshots)', async () => {
    const controller = new AbortController();
    const config = smallConfig(0, 200);
    const { status, ...result } = await trainRun(
      { ...config, training: { ...config.training, snapshotEveryBatches: 3 } },
      { signal: controller.signal, onEpoch: () => controller.abort() },
    );
    expect(status).toBe('cancelled');
    expect(result.history).toHaveLength(1);
    const session: Session = {
      ...base,
      runs: [
        {
          id: 'c',
          name: 'Cancelled',
          note: '',
          status,
          config: { ...config, training: { ...config.training, snapshotEveryBatches: 3 } },
          ...result,
        },
      ],
      view: { ...emptyView(), order: ['c'], layout: 'columns', hiddenInOverlay: [] },
    };
    expect(parseSession(serializeSession(session), NAME).runs[0].snapshots.length).toBeGreaterThan(2);
  });
});

describe('numbers in their range', () => {
  it.each([
    [
      '$.runs.0.predictions.3.probability: 1.5 is not a probability (0…1)',
      (d: Doc) => {
        d.runs[0].predictions[3].probability = 1.5;
      },
    ],
    [
      '$.runs.1.predictions.0.probability: -0.2 is not a probability (0…1)',
      (d: Doc) => {
        d.runs[1].predictions[0].probability = -0.2;
      },
    ],
    [
      '$.runs.0.history.1.acc: 1.5 is not an accuracy (0…1)',
      (d: Doc) => {
        d.runs[0].history[1].acc = 1.5;
      },
    ],
    [
      '$.runs.0.history.0.valAcc: -1 is not an accuracy (0…1)',
      (d: Doc) => {
        d.runs[0].history[0].valAcc = -1;
      },
    ],
    [
      '$.runs.0.history.2.loss: -0.01 is not a loss (a loss is ≥ 0)',
      (d: Doc) => {
        d.runs[0].history[2].loss = -0.01;
      },
    ],
    [
      '$.runs.1.history.3.valLoss: -3 is not a loss (a loss is ≥ 0)',
      (d: Doc) => {
        d.runs[1].history[3].valLoss = -3;
      },
    ],
    [
      '$.runs.0.batchLoss.0.loss: -1e-9 is not a loss (a loss is ≥ 0)',
      (d: Doc) => {
        d.runs[0].batchLoss[0].loss = -1e-9;
      },
    ],
  ])('%s', (message, change) => {
    expect(refusal(change)).toBe(message);
  });
});

describe('history', () => {
  it('has at most one row per epoch', () => {
    expect(
      refusal((d) => {
        cancelled(d);
        d.runs[0].config.training.epochs = 2;
      }),
    ).toBe('$.runs.0.history: 4 rows for a 2-epoch run');
  });

  it('has strictly increasing epochs', () => {
    expect(
      refusal((d) => {
        [d.runs[0].history[0], d.runs[0].history[1]] = [d.runs[0].history[1], d.runs[0].history[0]];
      }),
    ).toBe('$.runs.0.history.1.epoch: epoch 1 after epoch 2 (epochs must increase)');
    expect(
      refusal((d) => {
        d.runs[1].history[2].epoch = 2;
      }),
    ).toBe('$.runs.1.history.2.epoch: epoch 2 after epoch 2 (epochs must increase)');
  });

  it('has epochs within the run', () => {
    expect(
      refusal((d) => {
        cancelled(d);
        d.runs[0].history = [d.runs[0].history[0], { ...d.runs[0].history[1], epoch: 5 }];
      }),
    ).toBe("$.runs.0.history.1.epoch: epoch 5 is beyond the run's 4 epochs");
  });
});

describe('what a status promises', () => {
  it.each([
    ['weights', '$.runs.0.weights: a done run must have weights'],
    ['summary', '$.runs.0.summary: a done run must have summary'],
    ['digitScores', '$.runs.0.digitScores: a done run must have digitScores'],
  ])('a done run without %s is refused', (key, message) => {
    expect(
      refusal((d) => {
        delete d.runs[0][key];
      }),
    ).toBe(message);
  });

  it('a done run has one history row per epoch; a cancelled one may have fewer', () => {
    expect(
      refusal((d) => {
        d.runs[1].history.pop();
      }),
    ).toBe('$.runs.1.history: a done run has one row per epoch (4), found 3');
    const doc: Doc = JSON.parse(serializeSession(base));
    cancelled(doc, 1);
    doc.runs[1].history.pop();
    doc.runs[1].status = 'failed';
    delete doc.runs[1].weights;
    delete doc.runs[1].digitScores;
    expect(parseSession(JSON.stringify(doc), NAME).runs[1].status).toBe('failed');
  });

  it.each([
    [
      '$.runs.2.backend: an idle run has no results',
      (d: Doc) => {
        d.runs[2].backend = { name: 'cpu', reason: 'x' };
      },
    ],
    [
      '$.runs.2.history: an idle run has no results',
      (d: Doc) => {
        d.runs[2].history = d.runs[0].history.slice(0, 1);
      },
    ],
    [
      '$.runs.2.summary: an idle run has no results',
      (d: Doc) => {
        d.runs[2].summary = d.runs[0].summary;
      },
    ],
    [
      '$.runs.2.trainSeconds: an idle run has no results',
      (d: Doc) => {
        d.runs[2].trainSeconds = 1;
      },
    ],
  ])('%s', (message, change) => {
    expect(refusal(change)).toBe(message);
  });
});

describe('steps inside the run (20 batches per epoch, 80 in all)', () => {
  it('batch-loss steps strictly increase', () => {
    expect(
      refusal((d) => {
        d.runs[0].batchLoss[1].step = d.runs[0].batchLoss[0].step;
      }),
    ).toBe(
      `$.runs.0.batchLoss.1.step: step ${base.runs[0].batchLoss[0].step} after step ${base.runs[0].batchLoss[0].step} (steps must increase)`,
    );
  });

  it('batch-loss steps stay inside the run', () => {
    expect(
      refusal((d) => {
        d.runs[0].batchLoss.push({ step: 81, loss: 0.1 });
      }),
    ).toBe(`$.runs.0.batchLoss.${base.runs[0].batchLoss.length}.step: step 81 is beyond the run's 80 steps`);
    const doc: Doc = JSON.parse(serializeSession(base));
    doc.runs[0].batchLoss = [{ step: 80, loss: 0.1 }];
    expect(parseSession(JSON.stringify(doc), NAME).runs[0].batchLoss).toEqual([{ step: 80, loss: 0.1 }]);
  });

  it.each([
    [
      "$.runs.0.snapshots.1.epoch: epoch 5 is beyond the run's 4 epochs",
      (d: Doc) => {
        d.runs[0].snapshots[1].epoch = 5;
      },
    ],
    [
      '$.runs.0.snapshots.1.batch: batch 21 is beyond the 20 batches of an epoch',
      (d: Doc) => {
        d.runs[0].snapshots[1].batch = 21;
      },
    ],
    [
      `$.runs.1.snapshots.4.step: step 81 is beyond the run's 80 steps`,
      (d: Doc) => {
        d.runs[1].snapshots.at(-1).step = 81;
      },
    ],
  ])('%s', (message, change) => {
    expect(refusal(change)).toBe(message);
  });

  it('snapshot steps never go back (they may repeat: thinning keeps irregular steps)', () => {
    expect(
      refusal((d) => {
        d.runs[0].snapshots[2].step = 3;
      }),
    ).toBe('$.runs.0.snapshots.2.step: step 3 after step 20 (steps must not go back)');
    const doc: Doc = JSON.parse(serializeSession(base));
    doc.runs[0].snapshots[2] = { ...doc.runs[0].snapshots[1] };
    expect(parseSession(JSON.stringify(doc), NAME).runs[0].snapshots[2].step).toBe(20);
  });

  it("a snapshot's step agrees with its epoch and batch (epoch 0 is the initial weights at step 0)", () => {
    expect(
      refusal((d) => {
        d.runs[0].snapshots[2].step = 39;
      }),
    ).toBe('$.runs.0.snapshots.2.step: step 39 does not match epoch 2, batch 20 (expected step 40)');
    expect(
      refusal((d) => {
        d.runs[0].snapshots[0].batch = 1;
      }),
    ).toBe('$.runs.0.snapshots.0.step: step 0 does not match epoch 0, batch 1 (expected step 0)');
  });

  it('a model with many weights keeps fewer snapshots (the values budget)', () => {
    // Run 0 turned into a vocabulary-100, embedding-64 model with zero weights: 6,466 values a snapshot, 30 snapshots at most.
    const widen = (d: Doc) => {
      const run = d.runs[0];
      run.config.task.vocabularySize = 100;
      run.config.model.embeddingDim = 64;
      const zeros = (rows: number, cols: number) => Array.from({ length: rows }, () => Array(cols).fill(0));
      const weights = { embedding: zeros(100, 64), kernel: zeros(64, 1), recurrentKernel: [[0]], bias: [0] };
      run.weights = weights;
      run.digitScores = zeros(100, 1);
      run.snapshots = run.snapshots.map((snap: Doc) => ({ ...snap, weights }));
    };
    const doc: Doc = JSON.parse(serializeSession(base));
    widen(doc);
    const kept = doc.runs[0].snapshots.length;
    expect(kept).toBeLessThanOrEqual(30);
    expect(parseSession(JSON.stringify(doc), NAME).runs[0].snapshots).toHaveLength(kept);
    expect(
      refusal((d) => {
        widen(d);
        d.runs[0].snapshots = Array(31).fill(d.runs[0].snapshots[0]);
      }),
    ).toBe('$.runs.0.snapshots: 31 snapshots of 6466 weights each, more than the limit of 30 for this model');
  });
});

describe('what the weights and the task determine', () => {
  it('digit scores equal embedding · kernel + bias', () => {
    const stored = base.runs[0].digitScores![4][0];
    expect(
      refusal((d) => {
        d.runs[0].digitScores[4][0] = stored + 0.01;
      }),
    ).toBe(
      `$.runs.0.digitScores.4.0: ${stored + 0.01} is not embedding·kernel + bias (the weights give ${Number(stored.toPrecision(6))})`,
    );
  });

  it('digit scores without the bias are refused (the first digit already shows it)', () => {
    const bias = base.runs[1].weights!.bias[0];
    expect(
      refusal((d) => {
        d.runs[1].digitScores = d.runs[1].digitScores.map((row: number[]) => row.map((v) => v - bias));
      }),
    ).toMatch(/^\$\.runs\.1\.digitScores\.0\.0: .+ is not embedding·kernel \+ bias \(the weights give .+\)$/);
  });

  it('digit scores need the weights they come from', () => {
    expect(
      refusal((d) => {
        cancelled(d);
        delete d.runs[0].weights;
      }),
    ).toBe('$.runs.0.digitScores: digit scores without weights cannot be checked');
  });

  it("a prediction's label is the task's rule on its input (1 iff it holds the target digit 4)", () => {
    const row = base.runs[0].predictions.findIndex((p) => p.label === 1);
    const other = base.runs[0].predictions.findIndex((p) => p.label === 0);
    expect(
      refusal((d) => {
        d.runs[0].predictions[row].label = 0;
      }),
    ).toBe(
      `$.runs.0.predictions.${row}.label: 0 contradicts the input (the contains task: 1 iff the sequence contains a 4)`,
    );
    expect(
      refusal((d) => {
        d.runs[0].predictions[other].label = 1;
      }),
    ).toBe(
      `$.runs.0.predictions.${other}.label: 1 contradicts the input (the contains task: 1 iff the sequence contains a 4)`,
    );
  });
});

describe('the view', () => {
  it.each([
    [
      '$.view.order.3: "ghost" is not a run of this session',
      (d: Doc) => {
        d.view.order.push('ghost');
      },
    ],
    [
      '$.view.order.3: "t1" appears twice',
      (d: Doc) => {
        d.view.order.push('t1');
      },
    ],
    [
      '$.view.hiddenInOverlay.1: "nobody" is not a run of this session',
      (d: Doc) => {
        d.view.hiddenInOverlay = ['t0', 'nobody'];
      },
    ],
    [
      '$.view.hiddenInOverlay.1: "t0" appears twice',
      (d: Doc) => {
        d.view.hiddenInOverlay = ['t0', 't0'];
      },
    ],
  ])('%s', (message, change) => {
    expect(refusal(change)).toBe(message);
  });
});

describe('bounds (schema)', () => {
  it.each([
    [
      '$.runs.0.predictions: 1001 predictions, more than the limit of 1000',
      (d: Doc) => {
        d.runs[0].predictions = Array(1001).fill(d.runs[0].predictions[0]);
      },
    ],
    [
      '$.runs.0.snapshots: 501 snapshots, more than the limit of 500',
      (d: Doc) => {
        d.runs[0].snapshots = Array(501).fill(d.runs[0].snapshots[0]);
      },
    ],
    [
      '$.runs.0.batchLoss: 10001 batch-loss points, more than the limit of 10000',
      (d: Doc) => {
        d.runs[0].batchLoss = Array.from({ length: 10_001 }, (_, step) => ({ step, loss: 1 }));
      },
    ],
    [
      '$.runs: 1001 runs, more than the limit of 1000',
      (d: Doc) => {
        d.runs = Array.from({ length: 1001 }, (_, i) => ({ ...d.runs[2], id: `r${i}` }));
      },
    ],
  ])('%s', (message, change) => {
    expect(refusal(change)).toBe(message);
  });
});

describe('text', () => {
  it.each([
    ['ESC (a terminal escape)', 'Run \u001b[2J', '$.runs.0.name: name holds a control character (U+001B)'],
    ['a newline', 'two\nlines', '$.runs.0.name: name holds a control character (U+000A)'],
    ['a tab', 'a\tb', '$.runs.0.name: name holds a control character (U+0009)'],
    ['a C1 control (CSI)', 'a\u009b2J', '$.runs.0.name: name holds a control character (U+009B)'],
    ['DEL', 'a\u007f', '$.runs.0.name: name holds a control character (U+007F)'],
    [
      'a right-to-left override',
      'evil\u202Etxt.exe',
      '$.runs.0.name: name holds a bidirectional-text control (U+202E)',
    ],
    ['a bidi isolate', 'a\u2066b', '$.runs.0.name: name holds a bidirectional-text control (U+2066)'],
    ['a right-to-left mark', 'a\u200fb', '$.runs.0.name: name holds a bidirectional-text control (U+200F)'],
    ['a line separator', 'a\u2028b', '$.runs.0.name: name holds a line break (U+2028)'],
  ])('a name with %s is refused', (_what, name, message) => {
    expect(
      refusal((d) => {
        d.runs[0].name = name;
      }),
    ).toBe(message);
  });

  it('notes may hold tabs and newlines, not other controls or bidi characters', () => {
    const doc: Doc = JSON.parse(serializeSession(base));
    doc.runs[0].note = 'first line\n\tindented\nthird';
    expect(parseSession(JSON.stringify(doc), NAME).runs[0].note).toBe('first line\n\tindented\nthird');
    expect(
      refusal((d) => {
        d.runs[1].note = 'ok\r\nwindows';
      }),
    ).toBe('$.runs.1.note: note holds a control character (U+000D)');
    expect(
      refusal((d) => {
        d.runs[1].note = 'title \u001b]0;pwned\u0007';
      }),
    ).toBe('$.runs.1.note: note holds a control character (U+001B)');
    expect(
      refusal((d) => {
        d.runs[1].note = 'abc\u202Dxyz';
      }),
    ).toBe('$.runs.1.note: note holds a bidirectional-text control (U+202D)');
  });

  it("the app's add and rename give the same one-line message", () => {
    const add = invokeContract['runs:add'].request.safeParse({ name: 'evil\u202Etxt', config: smallConfig(0) });
    const rename = invokeContract['runs:update'].request.safeParse({ id: 't0', note: 'x\u001b[2J' });
    expect(add.success || formatZodError(add.error, 'runs:add request')).toBe(
      'runs:add request is invalid at $.name: name holds a bidirectional-text control (U+202E)',
    );
    expect(rename.success || formatZodError(rename.error, 'runs:update request')).toBe(
      'runs:update request is invalid at $.note: note holds a control character (U+001B)',
    );
  });
});

describe('UTF-8', () => {
  const write = async (file: string, bytes: Uint8Array) => {
    await writeFile(join(dir, file), bytes);
    return readSessionFile(join(dir, file));
  };
  const text = () => Buffer.from(serializeSession(base), 'utf8');

  it.each([
    ['a stray continuation byte', [0x80], 0],
    ['an overlong slash', [0xc0, 0xaf], 0],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80], 0],
    ['a cut-off sequence', [0xe2, 0x82], 0],
    ['a byte that is never UTF-8', [0xff], 0],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
  ])('refuses %s, naming its byte offset', async (_what, bad, at) => {
    const good = text();
    const offset = good.indexOf('"Trained 0"') + 2 + at;
    const bytes = Buffer.concat([good.subarray(0, offset), Buffer.from(bad), good.subarray(offset)]);
    await expect(write('bad.rnnlab', bytes)).rejects.toMatchObject({
      code: 'bad-file',
      message: `bad.rnnlab is not a valid session: it is not UTF-8 text (byte ${offset})`,
    });
  });

  it('accepts a leading BOM and multi-byte names', async () => {
    const doc: Doc = JSON.parse(serializeSession(base));
    doc.runs[0].name = 'Größe ✓ 𝛼';
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(doc), 'utf8')]);
    expect((await write('bom.rnnlab', bytes)).runs[0].name).toBe('Größe ✓ 𝛼');
  });
});

describe('order', () => {
  it('reports the first problem: runs in file order, then the view', () => {
    expect(
      refusal((d) => {
        d.view.order.push('ghost');
        d.runs[1].predictions[0].label = 1 - d.runs[1].predictions[0].label;
        d.runs[0].history[0].epoch = 9;
      }),
    ).toBe("$.runs.0.history.0.epoch: epoch 9 is beyond the run's 4 epochs");
  });
});
