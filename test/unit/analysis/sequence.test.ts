import { describe, expect, it } from 'vitest';
import { parseSequence } from '../../../shared/analysis/index.js';

describe('parseSequence', () => {
  it('reads commas, spaces and plain digit strings', () => {
    expect(parseSequence('5,8,4', 10)).toEqual([5, 8, 4]);
    expect(parseSequence(' 5 8  4 ', 10)).toEqual([5, 8, 4]);
    expect(parseSequence('584', 10)).toEqual([5, 8, 4]);
    expect(parseSequence('12,3', 20)).toEqual([12, 3]);
  });
  it('refuses bad input with one line', () => {
    expect(() => parseSequence('', 10)).toThrow('sequence is empty');
    expect(() => parseSequence('5,a', 10)).toThrow(/"a" is not a digit/);
    expect(() => parseSequence('5,10', 10)).toThrow(/outside the vocabulary/);
    expect(() => parseSequence('1'.repeat(61), 10)).toThrow(/longer than 60/);
  });
});
