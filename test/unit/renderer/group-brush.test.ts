import { describe, expect, it } from 'vitest';
import {
  applyBrush,
  axisIntervals,
  roundOutward,
  sameFilter,
  type AxisFilter,
} from '../../../renderer/src/runs/group-brush.js';
import { withoutAxisFilters } from '../../../renderer/src/runs/group-params.js';
import type { ParallelAxis } from '../../../shared/charts/parallel.js';
import { EMPTY_TABLE_VIEW } from '../../../shared/schemas/session.js';

const valAcc: ParallelAxis = { column: 'valAcc', name: 'val\nacc' };
const activation: ParallelAxis = {
  column: 'model.rnnActivation',
  name: 'rnn\nActivation',
  categories: ['linear', 'relu', 'sigmoid', 'tanh'],
  values: ['linear', 'relu', 'sigmoid', 'tanh'],
};
const none: AxisFilter = { ranges: {}, oneOf: {} };

describe('parallel brushes ↔ the runs table filter', () => {
  it('a brush on a numeric axis becomes a range, rounded outwards to three digits of its span', () => {
    const f = applyBrush(none, valAcc, [[0.87341, 0.99213]]);
    expect(f).toEqual({ ranges: { valAcc: { min: 0.873, max: 0.993 } }, oneOf: {} });
    // Several intervals on one axis: the one range spanning them.
    expect(
      applyBrush(none, valAcc, [
        [0.95, 1],
        [0.5, 0.6],
      ]).ranges.valAcc,
    ).toEqual({ min: 0.5, max: 1 });
    expect(roundOutward(12.34, 98.76)).toEqual({ min: 12.3, max: 98.8 });
    expect(roundOutward(3, 3)).toEqual({ min: 3, max: 3 });
  });

  it('a brush on a category axis selects the categories whose index it covers (ECharts snaps to indices)', () => {
    expect(applyBrush(none, activation, [[1, 2]]).oneOf).toEqual({ 'model.rnnActivation': ['relu', 'sigmoid'] });
    expect(
      applyBrush(none, activation, [
        [0, 0],
        [3, 3],
      ]).oneOf,
    ).toEqual({ 'model.rnnActivation': ['linear', 'tanh'] });
    expect(applyBrush(none, activation, [[2, 1]]).oneOf['model.rnnActivation']).toEqual(['relu', 'sigmoid']);
  });

  it('replaces only its own column, and a cleared brush removes it', () => {
    const both: AxisFilter = {
      ranges: { valAcc: { min: 0.9, max: 1 }, trainSeconds: { max: 5 } },
      oneOf: { 'model.rnnActivation': ['linear'] },
    };
    expect(applyBrush(both, valAcc, [])).toEqual({
      ranges: { trainSeconds: { max: 5 } },
      oneOf: { 'model.rnnActivation': ['linear'] },
    });
    expect(applyBrush(both, activation, [])).toEqual({ ranges: both.ranges, oneOf: {} });
    expect(applyBrush(both, activation, [[3, 3]]).oneOf).toEqual({ 'model.rnnActivation': ['tanh'] });
  });

  it('draws the table filter back on the axes: ranges to the data extent, categories padded, none unfiltered', () => {
    const f: AxisFilter = {
      ranges: { valAcc: { min: 0.95 } },
      oneOf: { 'model.rnnActivation': ['relu', 'sigmoid', 'linear'] },
    };
    expect(axisIntervals(valAcc, f, [0.5, 1])).toEqual([[0.95, 1]]);
    expect(axisIntervals(valAcc, { ranges: { valAcc: { max: 0.8 } }, oneOf: {} }, [0.5, 1])).toEqual([[0.5, 0.8]]);
    expect(axisIntervals(activation, f, null)).toEqual([[-0.3, 2.3]]);
    expect(
      axisIntervals(activation, { ranges: {}, oneOf: { 'model.rnnActivation': ['linear', 'tanh'] } }, null),
    ).toEqual([
      [-0.3, 0.3],
      [2.7, 3.3],
    ]);
    expect(axisIntervals(valAcc, none, [0.5, 1])).toEqual([]);
  });

  it('round trip: drawn intervals brushed again give the same filter (no write-back loop)', () => {
    const f: AxisFilter = {
      ranges: { valAcc: { min: 0.95, max: 1 } },
      oneOf: { 'model.rnnActivation': ['relu', 'sigmoid'] },
    };
    // ECharts reports a category brush snapped to whole indices.
    const snapped = axisIntervals(activation, f, null).map(
      ([a, b]) => [Math.round(a), Math.round(b)] as [number, number],
    );
    const again = applyBrush(applyBrush(f, valAcc, axisIntervals(valAcc, f, [0.5, 1])), activation, snapped);
    expect(sameFilter(again, f)).toBe(true);
    expect(sameFilter(again, applyBrush(f, valAcc, [[0.9, 1]]))).toBe(false);
  });

  it('the parallel chart spans the rows of every filter but those its axes show', () => {
    const view = {
      ...EMPTY_TABLE_VIEW,
      text: 'seed',
      ranges: { valAcc: { min: 0.9 }, trainSeconds: { max: 5 }, 'training.seed': { max: 3 } },
      oneOf: { 'model.cell': ['gru'], name: ['x'] },
    };
    const spanned = withoutAxisFilters(view);
    expect(spanned.text).toBe('seed');
    expect(spanned.ranges).toEqual({ trainSeconds: { max: 5 }, 'training.seed': { max: 3 } });
    expect(spanned.oneOf).toEqual({ name: ['x'] });
  });
});
