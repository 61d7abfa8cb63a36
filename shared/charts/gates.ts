import { CELL_GATES, type CellKind, type GateInfo } from '../cells.js';
import type { Weights } from '../schemas/run-result.js';

/**
 * A cell's weights cut along their last axis, one block per gate, as tfjs lays them out
 * (shared/cells.ts): gate g owns columns g·H … (g+1)·H − 1 of the kernel, the recurrent
 * kernel, the bias and the digit scores.
 */
export interface GateBlock extends GateInfo {
  /** Position along the last axis (0 = the first gate). */
  index: number;
  /** "input gate i": how charts, tables and tests name the gate. */
  name: string;
  /** This gate's columns of the kernel W: E × H. */
  kernel: number[][];
  /** This gate's columns of the recurrent kernel U: H × H. */
  recurrent: number[][];
  /** This gate's block of the bias: H. */
  bias: number[];
}

/** "input gate i", "update gate z", "candidate h". */
export function gateName(gate: GateInfo): string {
  return `${gate.label} ${gate.key}`;
}

/** Units per gate: the bias has G·H values. */
export function unitsOf(weights: Pick<Weights, 'bias'>, cell: CellKind): number {
  return Math.max(1, Math.floor(weights.bias.length / CELL_GATES[cell].length));
}

/** Columns from..to−1 of every row. */
const columns = (m: readonly (readonly number[])[], from: number, to: number) => m.map((row) => row.slice(from, to));

export function gateBlocks(weights: Weights, cell: CellKind): GateBlock[] {
  const H = unitsOf(weights, cell);
  return CELL_GATES[cell].map((gate, index) => ({
    ...gate,
    index,
    name: gateName(gate),
    kernel: columns(weights.kernel, index * H, (index + 1) * H),
    recurrent: columns(weights.recurrentKernel, index * H, (index + 1) * H),
    bias: weights.bias.slice(index * H, (index + 1) * H),
  }));
}

/** One gate's digit scores (Emb·W_g + b_g): vocab × H, from the run's digitScores (vocab × G·H). */
export function gateScores(digitScores: readonly (readonly number[])[], gateIndex: number, units: number): number[][] {
  return columns(digitScores, gateIndex * units, (gateIndex + 1) * units);
}

/**
 * The gate whose score is the cell's counterpart of the SimpleRNN's Emb·W + b: the candidate, the
 * content the input writes into the state (GRU ĥ, LSTM g(…_c); SimpleRNN: its one block). Charts that
 * show one score per run (the overlay, the timeline) draw this gate and say so.
 */
export function candidateGate(cell: CellKind): GateInfo & { index: number } {
  const gates = CELL_GATES[cell];
  const index = cell === 'lstm' ? 2 : gates.length - 1;
  return { ...gates[index], index };
}
