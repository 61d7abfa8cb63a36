/** Numbers as the board prints them under its charts and in its tables (the HTML report prints the same). */

/** A digit score: signed with a real minus, 3 decimals, an exponent when tiny or huge. */
export function formatScore(v: number): string {
  const sign = v > 0 ? '+' : v < 0 ? '−' : '';
  const a = Math.abs(v);
  return sign + (a !== 0 && (a < 1e-3 || a >= 1e4) ? a.toExponential(2) : a.toFixed(3));
}

/** A probability: 4 decimals, an exponent when it is within 1e-4 of 0 or 1. */
export function formatProbability(p: number): string {
  if (p !== 0 && (p < 1e-4 || p > 1 - 1e-4)) return p.toExponential(2);
  return p.toFixed(4);
}
