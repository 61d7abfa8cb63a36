import { fmt } from '../charts/common.js';
import type { ModelConfig, RnnActivation } from '../schemas/run-config.js';
import type { CellState, CellStep } from './cell-step.js';

/**
 * The exact equation of one step for unit 0, one line per gate and state, with the step's numbers
 * filled in: what the trace shows when a step is hovered. The terms are the ones `cellStep` computed
 * (score = x·W + b, the recurrent part, the activated value), so the text cannot drift from the maths.
 */
export function stepEquation(
  model: Pick<ModelConfig, 'cell' | 'rnnActivation' | 'rnnUnits'>,
  score: readonly number[],
  step: CellStep,
  prev: CellState,
): string {
  const H = model.rnnUnits;
  const g = model.rnnActivation;
  // Unit 0 of gate k sits at column k·H.
  const gate = (k: number, name: string, act: RnnActivation | 'σ', terms: string, value: number): string =>
    applied(`${name} = `, act, terms, score[k * H], step.recurrent[k * H], value);
  if (model.cell === 'gru') {
    const { z, r, h: cand } = step.gates;
    return [
      gate(0, 'z', 'σ', 'x·W_z + b_z + h₋₁·U_z', z[0]),
      gate(1, 'r', 'σ', 'x·W_r + b_r + h₋₁·U_r', r[0]),
      gate(2, 'ĥ', g, 'x·W_h + b_h + (r·h₋₁)·U_h', cand[0]),
      `h = z·h₋₁ + (1−z)·ĥ = ${n(z[0])}·${p(prev.h[0])} + ${n(1 - z[0])}·${p(cand[0])} = ${n(step.state.h[0])}`,
    ].join('\n');
  }
  if (model.cell === 'lstm') {
    const { i, f, c: cand, o } = step.gates;
    const c = step.state.c ?? [];
    const cPrev = prev.c?.[0] ?? 0;
    return [
      gate(0, 'i', 'σ', 'x·W_i + b_i + h₋₁·U_i', i[0]),
      gate(1, 'f', 'σ', 'x·W_f + b_f + h₋₁·U_f', f[0]),
      gate(2, 'c̃', g, 'x·W_c + b_c + h₋₁·U_c', cand[0]),
      gate(3, 'o', 'σ', 'x·W_o + b_o + h₋₁·U_o', o[0]),
      `c = f·c₋₁ + i·c̃ = ${n(f[0])}·${p(cPrev)} + ${n(i[0])}·${p(cand[0])} = ${n(c[0])}`,
      `h = o·${name(g, 'c')} = ${n(o[0])}·${name(g, n(c[0]))} = ${n(step.state.h[0])}`,
    ].join('\n');
  }
  return gate(0, 'h', g, 'x·W + b + h₋₁·U', step.state.h[0]);
}

/** "name = act(terms) = act(score + recurrent) = value"; a linear activation is written without a wrapper. */
function applied(
  lhs: string,
  act: RnnActivation | 'σ',
  terms: string,
  score: number,
  recurrent: number,
  value: number,
): string {
  return `${lhs}${name(act, terms)} = ${name(act, `${n(score)} + ${n(recurrent)}`)} = ${n(value)}`;
}

function name(act: RnnActivation | 'σ', inner: string): string {
  if (act === 'linear') return inner;
  return `${act === 'sigmoid' ? 'σ' : act}(${inner})`;
}

/** Three significant digits with a typographic minus, as the rest of the app writes numbers. */
export function equationNumber(x: number): string {
  return fmt(x, 3).replace(/^-/, '−');
}
const n = equationNumber;
/** A factor of a product: negative numbers in parentheses, so "0.5·(−0.3)" reads as one product. */
const p = (x: number): string => (x < 0 ? `(${n(x)})` : n(x));
