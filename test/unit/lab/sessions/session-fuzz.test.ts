import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findInconsistency } from '../../../../electron/lab/sessions/session-consistency.js';
import { parseSession, serializeSession } from '../../../../electron/lab/sessions/session-file.js';
import { LabError } from '../../../../shared/errors.js';
import { SESSION_VERSION, sessionSchema } from '../../../../shared/schemas/session.js';
import { sampleSession } from '../fixtures/sample-session.js';

/**
 * Property-based fuzzing of the loader: hundreds of mutated files. The loader
 * must never crash (only LabError 'bad-file' with one sentence), must refuse
 * every mutation that is invalid by construction, and anything it accepts
 * must pass independent checks (schema again, finite numbers, shapes).
 */
const NAME = 'fuzz.rnnlab';
const base = serializeSession(sampleSession(2));
const baseDoc: unknown = JSON.parse(base);

type Path = (string | number)[];
function paths(value: unknown, at: Path = []): Path[] {
  const here = at.length ? [at] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => paths(v, [...at, i]))];
  if (value && typeof value === 'object')
    return [...here, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))];
  return here;
}
const allPaths = paths(baseDoc);
const numberPaths = allPaths.filter((p) => typeof get(baseDoc, p) === 'number');

function get(doc: unknown, path: Path): unknown {
  return path.reduce<any>((node, key) => node?.[key], doc);
}
function withValue(path: Path, value: unknown): any {
  const doc = structuredClone(baseDoc) as any;
  const parent = get(doc, path.slice(0, -1)) as any;
  parent[path[path.length - 1]] = value;
  return doc;
}
function jsonType(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}
const swaps: Record<string, unknown[]> = {
  number: ['1', null, true, {}, [], 'NaN'],
  string: [1, null, false, {}, []],
  boolean: [1, null, 'true', {}],
  array: [{}, 'x', 1, null],
  object: [[], 'x', 1, null],
  null: [0, 'null', {}],
};

function numbers(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbers);
  return [];
}

/** Either a LabError refusal (one line, names the file) or a session that passes independent checks. */
function load(text: string): 'refused' | 'accepted' {
  let session;
  try {
    session = parseSession(text, NAME);
  } catch (err) {
    expect(err).toBeInstanceOf(LabError);
    expect((err as LabError).code).toBe('bad-file');
    expect((err as LabError).message).toMatch(/^fuzz\.rnnlab (is|was) /);
    expect((err as LabError).message).not.toMatch(/\n/);
    return 'refused';
  }
  expect(sessionSchema.safeParse(JSON.parse(JSON.stringify(session))).success).toBe(true);
  expect(findInconsistency(session)).toBeNull();
  expect(numbers(session).every(Number.isFinite)).toBe(true);
  return 'accepted';
}

const runs = { numRuns: 150 };

describe('session loader fuzzing', () => {
  it('refuses every truncation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: base.length - 3 }), (k) => {
        expect(load(base.slice(0, k))).toBe('refused');
      }),
      runs,
    );
  });

  it('refuses every JSON type swap', () => {
    const swap = fc
      .constantFrom(...allPaths)
      .chain((path) => fc.constantFrom(...swaps[jsonType(get(baseDoc, path))]).map((value) => ({ path, value })));
    fc.assert(
      fc.property(swap, ({ path, value }) => {
        expect(load(JSON.stringify(withValue(path, value)))).toBe('refused');
      }),
      runs,
    );
  });

  it('refuses NaN/Infinity strings and out-of-range numbers in number fields', () => {
    const bad = fc.constantFrom('"NaN"', '"Infinity"', '"-Infinity"', '1e400', '-1e400', 'null');
    fc.assert(
      fc.property(fc.constantFrom(...numberPaths), bad, (path, token) => {
        const text = JSON.stringify(withValue(path, '__HOLE__')).replace('"__HOLE__"', token);
        expect(load(text)).toBe('refused');
      }),
      runs,
    );
  });

  it('refuses wrong versions and formats', () => {
    // Every version from 1 to the current one opens (older ones migrate forward); anything else is refused.
    const known = (v: number) => Number.isInteger(v) && v >= 1 && v <= SESSION_VERSION;
    const version = fc.oneof(
      fc.integer().filter((v) => !known(v)),
      fc.double({ noDefaultInfinity: true }).filter((v) => !known(v)),
      fc.string(),
    );
    fc.assert(
      fc.property(version, (v) => {
        expect(load(JSON.stringify(withValue(['version'], v)))).toBe('refused');
      }),
      runs,
    );
  });

  it('never crashes on deleted keys, byte flips or arbitrary JSON', () => {
    const deletion = fc.constantFrom(...allPaths).map((path) => {
      const doc = structuredClone(baseDoc) as any;
      const parent = get(doc, path.slice(0, -1)) as any;
      if (Array.isArray(parent)) parent.splice(Number(path[path.length - 1]), 1);
      else delete parent[path[path.length - 1]];
      return JSON.stringify(doc);
    });
    const flip = fc
      .tuple(fc.integer({ min: 0, max: base.length - 1 }), fc.integer({ min: 32, max: 126 }))
      .map(([i, c]) => base.slice(0, i) + String.fromCharCode(c) + base.slice(i + 1));
    const anything = fc.jsonValue().map((v) => JSON.stringify(v));
    const outcomes = { refused: 0, accepted: 0 };
    fc.assert(
      fc.property(fc.oneof(deletion, flip, anything), (text) => {
        outcomes[load(text)]++;
      }),
      { numRuns: 300 },
    );
    expect(outcomes.refused).toBeGreaterThan(100);
  });
});
