/**
 * The recurrent cells, as tfjs (and Keras) define them. One place says which gates a cell has and in
 * which order they sit along the last axis of its kernel [E, G·H], recurrent kernel [H, G·H] and bias [G·H]:
 *
 *   simple  h = f(x·W + h₋₁·U + b)
 *   gru     z = σ(x·W_z + h₋₁·U_z + b_z), r = σ(x·W_r + h₋₁·U_r + b_r),
 *           ĥ = f(x·W_h + (r ⊙ h₋₁)·U_h + b_h), h = z ⊙ h₋₁ + (1 − z) ⊙ ĥ
 *   lstm    i = σ(…_i), f = σ(…_f), c = f ⊙ c₋₁ + i ⊙ g(…_c), o = σ(…_o), h = o ⊙ g(c)
 *
 * σ is the logistic sigmoid (tfjs defaults its gates to the hard sigmoid; the engines set it explicitly),
 * f/g is the run's activation (Keras's default for GRU and LSTM is tanh).
 */
export const CELLS = ['simple', 'gru', 'lstm'] as const;
export type CellKind = (typeof CELLS)[number];

/** `activation`: the seed's Activation layer on the single unit; `dense`: Dense(1) + sigmoid over the units. */
export const READOUTS = ['activation', 'dense'] as const;
export type ReadoutKind = (typeof READOUTS)[number];

export interface GateInfo {
  /** Short name used in charts and files: z, r, h, i, f, c, o. */
  key: string;
  label: string;
}

export const CELL_GATES: Readonly<Record<CellKind, readonly GateInfo[]>> = {
  simple: [{ key: 'h', label: 'state' }],
  gru: [
    { key: 'z', label: 'update gate' },
    { key: 'r', label: 'reset gate' },
    { key: 'h', label: 'candidate' },
  ],
  lstm: [
    { key: 'i', label: 'input gate' },
    { key: 'f', label: 'forget gate' },
    { key: 'c', label: 'cell candidate' },
    { key: 'o', label: 'output gate' },
  ],
};

export const CELL_LABELS: Readonly<Record<CellKind, string>> = { simple: 'SimpleRNN', gru: 'GRU', lstm: 'LSTM' };

/** Gates per cell: the factor G in the kernel's G·H columns. */
export function gateCount(cell: CellKind): number {
  return CELL_GATES[cell].length;
}
