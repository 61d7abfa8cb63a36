import { LabError } from '../errors.js';
import type { Weights } from '../schemas/run-result.js';
import { gateKeys } from './cell-step.js';
import { digitScoresOf } from './forward.js';
import { cloneMatrix, matMul, solve, transpose, vecMat } from './linalg.js';
import type { AnalysisModel } from './model.js';

/**
 * Edits name a unit and, for gated cells, a gate (its key, e.g. "z"; default the first gate, which for
 * SimpleRNN is its only one): the column gate·H + unit of the G·H columns kernels, scores and bias hold.
 */
export interface WhatIfEdits {
  /** New score for digit `digit`, unit `unit` (default 0) of gate `gate`. */
  scores?: { digit: number; unit?: number; gate?: string; value: number }[];
  /** New U entries: row = a unit of h(t−1), col = a unit of gate `gate`. */
  u?: { row: number; col: number; gate?: string; value: number }[];
  /** New b entries (b shifts every digit's score, as in the model). */
  b?: { unit: number; gate?: string; value: number }[];
}

/**
 * A scratch copy of a run with edited weights; the trained run is never touched.
 *
 * Editing a digit's score: score_d = Emb[d]·W + b, so we change only the row Emb[d]
 * by the smallest Δ (least norm) with Δ·W = the wanted change r of that digit's scores
 * (r is zero on the units not edited): Δ = r·(WᵀW)⁻¹·Wᵀ. W, b and the other digits
 * stay as trained. One unit: Δ = r·Wᵀ/‖W‖². If W has no full column rank (e.g. embedding
 * dim < units, or W = 0) the edit cannot be made exactly and is refused.
 * Score edits are applied after U and b edits, so an edited score is the value shown. Every cell: for
 * gated cells W has G·H columns and an edit leaves the other gates' scores as trained too.
 */
export function whatIf(model: AnalysisModel, edits: WhatIfEdits): AnalysisModel {
  const w: Weights = {
    embedding: cloneMatrix(model.weights.embedding),
    kernel: cloneMatrix(model.weights.kernel),
    recurrentKernel: cloneMatrix(model.weights.recurrentKernel),
    bias: model.weights.bias.slice(),
    ...(model.weights.readout ? { readout: model.weights.readout } : {}),
  };
  const units = model.model.rnnUnits;
  const gates = gateKeys(model.model.cell);
  const unitOk = (j: number) => Number.isInteger(j) && j >= 0 && j < units;
  const finiteOk = (v: number) => Number.isFinite(v);
  /** The column of (gate, unit), or -1 when either is out of range. */
  const column = (unit: number, gate = gates[0]) =>
    unitOk(unit) && gates.includes(gate) ? gates.indexOf(gate) * units + unit : -1;
  for (const e of edits.u ?? []) {
    const col = column(e.col, e.gate);
    if (!unitOk(e.row) || col < 0 || !finiteOk(e.value)) throw new LabError('bad-request', 'U edit out of range');
    w.recurrentKernel[e.row][col] = e.value;
  }
  for (const e of edits.b ?? []) {
    const col = column(e.unit, e.gate);
    if (col < 0 || !finiteOk(e.value)) throw new LabError('bad-request', 'b edit out of range');
    w.bias[col] = e.value;
  }
  const scoreEdits = edits.scores ?? [];
  if (scoreEdits.length) {
    const current = digitScoresOf(w);
    const wanted = new Map<number, number[]>();
    for (const e of scoreEdits) {
      const col = column(e.unit ?? 0, e.gate);
      const digitOk = Number.isInteger(e.digit) && e.digit >= 0 && e.digit < w.embedding.length;
      if (!digitOk || col < 0 || !finiteOk(e.value)) throw new LabError('bad-request', 'digit score edit out of range');
      const row = wanted.get(e.digit) ?? new Array<number>(w.bias.length).fill(0);
      row[col] = e.value - current[e.digit][col];
      wanted.set(e.digit, row);
    }
    const wt = transpose(w.kernel);
    const gram = matMul(wt, w.kernel); // WᵀW, G·units × G·units
    for (const [digit, r] of wanted) {
      const y = solve(gram, r); // y = r·(WᵀW)⁻¹ (gram is symmetric)
      if (!y) throw new LabError('bad-request', `cannot set digit ${digit}'s score exactly: W has no full column rank`);
      const delta = vecMat(y, wt);
      w.embedding[digit] = w.embedding[digit].map((x, i) => x + delta[i]);
    }
  }
  return { ...model, name: `${model.name} (what if)`, weights: w };
}
