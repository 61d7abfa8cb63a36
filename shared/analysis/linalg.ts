/**
 * The few dense-matrix helpers the analysis needs, over plain arrays.
 * Row-vector convention throughout, as in Keras: h_t = f(x_t·W + h_{t−1}·U + b).
 */
export type Vector = number[];
export type Matrix = number[][];

/** v (1×n) · M (n×m) → 1×m */
export function vecMat(v: readonly number[], m: Matrix): Vector {
  const cols = m[0]?.length ?? 0;
  const out = new Array<number>(cols).fill(0);
  for (let i = 0; i < v.length; i++) {
    const vi = v[i];
    const row = m[i];
    for (let j = 0; j < cols; j++) out[j] += vi * row[j];
  }
  return out;
}

/** v (1×n) · the columns from…to−1 of M (n×m) → 1×(to−from), without copying M. */
export function vecMatColumns(v: readonly number[], m: Matrix, from: number, to: number): Vector {
  const out = new Array<number>(to - from).fill(0);
  for (let i = 0; i < v.length; i++) {
    const vi = v[i];
    const row = m[i];
    for (let j = from; j < to; j++) out[j - from] += vi * row[j];
  }
  return out;
}

export function matMul(a: Matrix, b: Matrix): Matrix {
  return a.map((row) => vecMat(row, b));
}

export function identity(n: number): Matrix {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

/** M^k by repeated squaring (k ≥ 0). */
export function matPow(m: Matrix, k: number): Matrix {
  let result = identity(m.length);
  let base = m;
  let e = k;
  while (e > 0) {
    if (e & 1) result = matMul(result, base);
    base = matMul(base, base);
    e >>= 1;
  }
  return result;
}

export function addVec(a: readonly number[], b: readonly number[]): Vector {
  return a.map((x, i) => x + b[i]);
}

export function transpose(m: Matrix): Matrix {
  const cols = m[0]?.length ?? 0;
  return Array.from({ length: cols }, (_, j) => m.map((row) => row[j]));
}

export function cloneMatrix(m: Matrix): Matrix {
  return m.map((row) => row.slice());
}

/**
 * Solves A·x = y for square A by Gaussian elimination with partial pivoting.
 * Returns null when A is (numerically) singular.
 */
export function solve(a: Matrix, y: readonly number[]): Vector | null {
  const n = a.length;
  const m = a.map((row, i) => [...row, y[i]]);
  const scale = Math.max(1e-300, ...a.flat().map(Math.abs));
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    if (Math.abs(m[pivot][col]) <= 1e-12 * scale) return null;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r][col] / m[col][col];
      for (let c = col; c <= n; c++) m[r][c] -= f * m[col][c];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}
