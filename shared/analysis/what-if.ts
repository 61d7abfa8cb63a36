import { LabError } from '../errors.js';
import type { Weights } from '../schemas/run-result.js';
import { digitScoresOf } from './forward.js';
import { cloneMatrix, matMul, solve, transpose, vecMat } from './linalg.js';
import type { AnalysisModel } from './model.js';

export interface WhatIfEdits {
  /** New score for digit `digit`, unit `unit` (default 0). */
  scores?: { digit: number; unit?: number; value: number }[];
  /** New U entries. */
  u?: { row: number; col: number; value: number }[];
  /** New b entries (b shifts every digit's score, as in the model). */
  b?: { unit: number; value: number }[];
}

/**
 * A scratch copy of a run with edited weights; the trained run is never touched.
 *
 * Editing a digit's score: score_d = Emb[d]·W + b, so we change only the row Emb[d]
 * by the smallest Δ (least norm) with Δ·W = the wanted change r of that digit's scores
 * (r is zero on the units not edited): Δ = r·(WᵀW)⁻¹·Wᵀ. W, b and the other digits
 * stay as trained. One unit: Δ = r·Wᵀ/‖W‖². If W has no full column rank (e.g. embedding
 * dim < units, or W = 0) the edit cannot be made exactly and is refused.
 * Score edits are applied after U and b edits, so an edited score is the value shown.
 */
export function whatIf(model: AnalysisModel, edits: WhatIfEdits): AnalysisModel {
  const w: Weights = {
    embedding: cloneMatrix(model.weights.embedding),
    kernel: cloneMatrix(model.weights.kernel),
    recurrentKernel: cloneMatrix(model.weights.recurrentKernel),
    bias: model.weights.bias.slice(),
  };
  const units = model.model.rnnUnits;
  const unitOk = (j: number) => Number.isInteger(j) && j >= 0 && j < units;
  const finiteOk = (v: number) => Number.isFinite(v);
  for (const e of edits.u ?? []) {
    if (!unitOk(e.row) || !unitOk(e.col) || !finiteOk(e.value))
      throw new LabError('bad-request', 'U edit out of range');
    w.recurrentKernel[e.row][e.col] = e.value;
  }
  for (const e of edits.b ?? []) {
    if (!unitOk(e.unit) || !finiteOk(e.value)) throw new LabError('bad-request', 'b edit out of range');
    w.bias[e.unit] = e.value;
  }
  const scoreEdits = edits.scores ?? [];
  if (scoreEdits.length) {
    const current = digitScoresOf(w);
    const wanted = new Map<number, number[]>();
    for (const e of scoreEdits) {
      const unit = e.unit ?? 0;
      if (
        !Number.isInteger(e.digit) ||
        e.digit < 0 ||
        e.digit >= w.embedding.length ||
        !unitOk(unit) ||
        !finiteOk(e.value)
      ) {
        throw new LabError('bad-request', 'digit score edit out of range');
      }
      const row = wanted.get(e.digit) ?? new Array<number>(units).fill(0);
      row[unit] = e.value - current[e.digit][unit];
      wanted.set(e.digit, row);
    }
    const wt = transpose(w.kernel);
    const gram = matMul(wt, w.kernel); // WᵀW, units × units
    for (const [digit, r] of wanted) {
      const y = solve(gram, r); // y = r·(WᵀW)⁻¹ (gram is symmetric)
      if (!y) throw new LabError('bad-request', `cannot set digit ${digit}'s score exactly: W has no full column rank`);
      const delta = vecMat(y, wt);
      w.embedding[digit] = w.embedding[digit].map((x, i) => x + delta[i]);
    }
  }
  return { ...model, name: `${model.name} (what if)`, weights: w };
}
