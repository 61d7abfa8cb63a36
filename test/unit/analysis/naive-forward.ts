/**
 * An independent forward pass for the tests, written the plain way (index loops,
 * column-by-column sums, no shared helpers) so a bug in shared/analysis cannot hide here.
 */
export interface NaiveWeights {
  embedding: number[][];
  kernel: number[][];
  recurrentKernel: number[][];
  bias: number[];
  /** The dense readout's Dense(1), when the model has one. */
  readout?: { kernel: number[][]; bias: number[] };
}

export function naiveAct(kind: string, x: number): number {
  if (kind === 'linear') return x;
  if (kind === 'relu') return Math.max(0, x);
  if (kind === 'tanh') return (Math.exp(x) - Math.exp(-x)) / (Math.exp(x) + Math.exp(-x));
  return 1 / (1 + Math.exp(-x));
}

/** Returns every state h1..hT (each a list of units). */
export function naiveStates(w: NaiveWeights, act: string, seq: number[]): number[][] {
  const units = w.bias.length;
  const dim = w.kernel.length;
  let h: number[] = [];
  for (let j = 0; j < units; j++) h.push(0);
  const out: number[][] = [];
  for (let t = 0; t < seq.length; t++) {
    const next: number[] = [];
    for (let j = 0; j < units; j++) {
      let z = w.bias[j];
      for (let k = 0; k < dim; k++) z += w.embedding[seq[t]][k] * w.kernel[k][j];
      for (let i = 0; i < units; i++) z += h[i] * w.recurrentKernel[i][j];
      next.push(naiveAct(act, z));
    }
    h = next;
    out.push(h);
  }
  return out;
}

/**
 * The model's output: with a dense readout σ(Σ_j h_j·k_j + b) over the units; else the one unit,
 * through the output sigmoid or (a sigmoid RNN without one) as the probability itself.
 */
export function naiveProbability(w: NaiveWeights, act: string, outputSigmoid: boolean, seq: number[]): number {
  const states = naiveStates(w, act, seq);
  const last = states[states.length - 1];
  if (w.readout) {
    let z = w.readout.bias[0];
    for (let j = 0; j < last.length; j++) z += last[j] * w.readout.kernel[j][0];
    return 1 / (1 + Math.exp(-z));
  }
  if (last.length !== 1) throw new Error('more than one unit needs the dense readout');
  return outputSigmoid ? 1 / (1 + Math.exp(-last[0])) : last[0];
}
