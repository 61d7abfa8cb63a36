import { mulberry32, randomInt } from '../rng.js';

/**
 * The inputs `exhaustive` evaluates, packed one row of T digits after another and sorted
 * lexicographically, so a walk over them can reuse the state of the prefix it shares with the row
 * before (for every input that is the depth-first walk: vocab^T + vocab^(T−1) + … steps, not T·vocab^T).
 */
export interface InputSet {
  rows: Uint8Array;
  length: number;
  count: number;
}

/** Every one of the vocab^T inputs, in lexicographic order. */
export function everyInput(vocab: number, length: number): InputSet {
  const count = vocab ** length;
  const rows = new Uint8Array(count * length);
  for (let i = 0; i < count; i++) writeIndex(rows, i, length, vocab, i);
  return { rows, length, count };
}

/** Row `row` := the base-vocab digits of `index` (most significant first). */
function writeIndex(rows: Uint8Array, row: number, length: number, vocab: number, index: number): void {
  let rest = index;
  for (let t = length - 1; t >= 0; t--) {
    rows[row * length + t] = rest % vocab;
    rest = Math.floor(rest / vocab);
  }
}

/**
 * `count` distinct inputs drawn uniformly from the vocab^T (> count) possible ones, seeded: a uniform
 * sample without replacement (each digit drawn uniformly, a repeat drawn again). An input is keyed by
 * its index in lexicographic order while that is an exact integer, else by a string of char codes
 * 0…vocab−1, whose default sort is the same order.
 */
export function sampledInputs(vocab: number, length: number, count: number, seed: number): InputSet {
  const rand = mulberry32(seed);
  const rows = new Uint8Array(count * length);
  if (vocab ** length <= Number.MAX_SAFE_INTEGER) {
    const seen = new Set<number>();
    while (seen.size < count) {
      let index = 0;
      for (let t = 0; t < length; t++) index = index * vocab + randomInt(rand, vocab);
      seen.add(index);
    }
    Float64Array.from(seen)
      .sort()
      .forEach((index, i) => writeIndex(rows, i, length, vocab, index));
    return { rows, length, count };
  }
  const seen = new Set<string>();
  const codes = new Array<number>(length);
  while (seen.size < count) {
    for (let t = 0; t < length; t++) codes[t] = randomInt(rand, vocab);
    seen.add(String.fromCharCode(...codes));
  }
  [...seen].sort().forEach((key, i) => {
    for (let t = 0; t < length; t++) rows[i * length + t] = key.charCodeAt(t);
  });
  return { rows, length, count };
}

/** Row i of a set, as a view (copy it before keeping it). */
export function rowOf(set: InputSet, i: number): Uint8Array {
  return set.rows.subarray(i * set.length, (i + 1) * set.length);
}
