/**
 * Deterministic randomness of our own, the one generator of the project: the engine's data sets,
 * initialiser seeds and shuffles, and shared/analysis's generated sequence sets. The same seed gives
 * the same stream on every machine, backend and host (Math.random and tfjs's own shuffles are not seeded).
 */

/** mulberry32: a tiny 32-bit generator, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Independent seeds for the streams of one run (initialisers, shuffling), derived from one user seed. */
export function deriveSeed(seed: number, stream: number): number {
  const next = mulberry32((seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0);
  next();
  return Math.floor(next() * 2 ** 31);
}

/** Fisher–Yates shuffle of 0..n-1 into `out`, drawing from `random`. */
export function shuffledIndices(out: Int32Array, random: () => number): Int32Array {
  for (let i = 0; i < out.length; i++) out[i] = i;
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = out[i];
    out[i] = out[j];
    out[j] = tmp;
  }
  return out;
}

/** A whole number in 0..n-1. */
export function randomInt(random: () => number, n: number): number {
  return Math.floor(random() * n);
}
