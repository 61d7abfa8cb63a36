import type { RnnActivation } from '../schemas/run-config.js';

/** Logistic sigmoid written so that large |x| neither overflows nor loses the tail. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

export function activation(kind: RnnActivation): (x: number) => number {
  switch (kind) {
    case 'linear':
      return (x) => x;
    case 'sigmoid':
      return sigmoid;
    case 'tanh':
      return Math.tanh;
    case 'relu':
      return (x) => (x > 0 ? x : 0);
  }
}

/** The range h can take, when bounded; linear and relu are unbounded. */
export function activationRange(kind: RnnActivation): [number, number] | null {
  if (kind === 'sigmoid') return [0, 1];
  if (kind === 'tanh') return [-1, 1];
  return null;
}
