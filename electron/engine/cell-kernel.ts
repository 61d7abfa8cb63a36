import type { CellKind } from '../../shared/cells.js';
import { GRU_STRIDE, gruBackward, gruForward } from './gru-kernel.js';
import { LSTM_STRIDE, lstmBackward, lstmForward } from './lstm-kernel.js';
import {
  rnnBackward,
  rnnForward,
  type CellBackward,
  type CellForward,
  type RnnDims,
  type RnnGradients,
} from './rnn-kernel.js';

/**
 * One cell's hand-written forward and backward, behind one shape so the fused ops serve every cell.
 * The forward fills a cache of `stride · H` values per row and step; the hidden state h of step t sits
 * at `(n·T + t)·stride·H + hAt·H`. The SimpleRNN's cache is its states (stride 1): its kernel is the
 * one the seed runs have always used.
 */
export interface CellKernel {
  /** Gates G: the weights are W [E,G·H], U [H,G·H], b [G·H]. */
  readonly gates: number;
  /** Cache values per row, step and unit. */
  readonly stride: number;
  /** Where h sits in a step's cache block, in units of H. */
  readonly hAt: number;
  /** Scratch numbers the backward pass needs per unit. */
  readonly scratchPerUnit: number;
  forward: CellForward;
  backward: CellBackward;
}

const KERNELS: Record<CellKind, CellKernel> = {
  simple: { gates: 1, stride: 1, hAt: 0, scratchPerUnit: 2, forward: rnnForward, backward: rnnBackward },
  gru: { gates: 3, stride: GRU_STRIDE, hAt: 3, scratchPerUnit: 5, forward: gruForward, backward: gruBackward },
  lstm: { gates: 4, stride: LSTM_STRIDE, hAt: 6, scratchPerUnit: 6, forward: lstmForward, backward: lstmBackward },
};

export function cellKernel(cell: CellKind): CellKernel {
  return KERNELS[cell];
}

/** Gradient buffers for one cell's weights and B·T·E inputs. */
export function cellGradients(kernel: CellKernel, dims: RnnDims): RnnGradients {
  const { B, T, E, H } = dims;
  const G = kernel.gates * H;
  return {
    dx: new Float64Array(B * T * E),
    dW: new Float64Array(E * G),
    dU: new Float64Array(H * G),
    db: new Float64Array(G),
  };
}

/** h_T of row n, unit j, from a forward pass's cache. */
export function lastState(kernel: CellKernel, cache: Float64Array, dims: RnnDims, n: number, j: number): number {
  const { T, H } = dims;
  return cache[(n * T + T - 1) * kernel.stride * H + kernel.hAt * H + j];
}
