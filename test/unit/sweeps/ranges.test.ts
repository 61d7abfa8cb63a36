import { describe, expect, it } from 'vitest';
import { formatValues, parseFieldValues, parseSeeds } from '../../../shared/sweeps/ranges.js';

describe('parseFieldValues', () => {
  it.each([
    ['training.learningRate', '0.001,0.01,0.1', [0.001, 0.01, 0.1]],
    ['training.learningRate', ' 0.03 , 2e-2 ', [0.03, 0.02]],
    ['model.embeddingDim', '1-10', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
    ['model.embeddingDim', '1-10:3', [1, 4, 7, 10]],
    ['model.embeddingDim', '1-9:4,16', [1, 5, 9, 16]],
    ['model.embeddingDim', '1..64:log7', [1, 2, 4, 8, 16, 32, 64]],
    ['training.learningRate', '1e-3..1e-1:log5', [0.001, 0.00316, 0.01, 0.0316, 0.1]],
    ['training.learningRate', '0.1..0.5:5', [0.1, 0.2, 0.3, 0.4, 0.5]],
    ['task.validationSplit', '0.1..0.2:3', [0.1, 0.15, 0.2]],
    ['model.rnnActivation', 'linear,tanh', ['linear', 'tanh']],
    ['model.cell', 'simple, gru,lstm', ['simple', 'gru', 'lstm']],
    ['task.balanced', 'true,false', [true, false]],
    ['task.sequenceLength', '3,5,10,20,40', [3, 5, 10, 20, 40]],
  ])('%s "%s"', (path, text, expected) => {
    expect(parseFieldValues(path, text)).toEqual(expected);
  });

  it.each([
    ['model.embeddingDim', '0', 'model.embeddingDim: 0 is outside 1–64'],
    ['model.embeddingDim', '0-4', 'model.embeddingDim: 0 is outside 1–64 (in "0-4")'],
    ['model.embeddingDim', '60-70', 'model.embeddingDim: 65 is outside 1–64 (in "60-70")'],
    ['model.embeddingDim', '2.5', 'model.embeddingDim: 2.5 is not an integer'],
    ['model.embeddingDim', '4,4', 'model.embeddingDim: 4 is listed twice in "4,4"'],
    ['model.embeddingDim', '1-4,3', 'model.embeddingDim: 3 is listed twice in "1-4,3"'],
    [
      'model.embeddingDim',
      '5-1',
      'model.embeddingDim: "5-1" is not a range (write from-to or from-to:step, from ≤ to)',
    ],
    ['model.embeddingDim', '1,,2', 'model.embeddingDim: "1,,2" has an empty item (values are separated by commas)'],
    [
      'model.embeddingDim',
      'ten',
      'model.embeddingDim: "ten" is not a number or a range (N, from-to, from-to:step or a..b:N)',
    ],
    ['training.learningRate', '0', 'training.learningRate: 0 is outside > 0, ≤ 1'],
    [
      'training.learningRate',
      '0.1-0.3',
      'training.learningRate: "0.1-0.3" is not a number or a range (X, a..b:N or a..b:logN)',
    ],
    [
      'training.learningRate',
      '0..0.1:log3',
      'training.learningRate: "0..0.1:log3" is a log range: both ends must be above 0',
    ],
    ['training.learningRate', '0.1..0.2:1', 'training.learningRate: "0.1..0.2:1" asks for 1 values (2 to 1000)'],
    [
      'model.rnnActivation',
      'linear,tanhh',
      'model.rnnActivation: tanhh is not one of linear, sigmoid, tanh, relu (in "linear,tanhh")',
    ],
    ['task.balanced', 'yes', 'task.balanced: yes is not true or false'],
    ['model.size', '1', 'model.size is not a config field'],
    ['task.samples', '20-200000', 'task.samples: "20-200000" gives 199981 values, more than 1000'],
  ])('%s "%s" is refused in one line', (path, text, message) => {
    expect(() => parseFieldValues(path, text)).toThrow(message);
    try {
      parseFieldValues(path, text);
    } catch (err) {
      expect((err as Error).message).toBe(message);
    }
  });
});

describe('parseSeeds', () => {
  it('reads ranges and lists of training seeds', () => {
    expect(parseSeeds('0-19')).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(parseSeeds('7,42')).toEqual([7, 42]);
  });

  it('refuses a negative seed naming the field', () => {
    expect(() => parseSeeds('-1')).toThrow('training.seed: -1 is outside 0–2,147,483,647');
  });
});

describe('formatValues', () => {
  it.each([
    ['model.embeddingDim', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], '1-10'],
    ['model.embeddingDim', [1, 4, 7, 10], '1-10:3'],
    ['model.embeddingDim', [1, 2, 3, 4, 8, 16], '1-4,8,16'],
    ['model.embeddingDim', [1, 2], '1,2'],
    ['model.embeddingDim', [10, 4, 1], '10,4,1'],
    ['training.learningRate', [0.001, 0.00316, 0.01, 0.0316, 0.1], '0.001..0.1:log5'],
    ['training.learningRate', [0.001, 0.01, 0.1], '0.001,0.01,0.1'],
    ['training.learningRate', [0.1, 0.2, 0.3, 0.4, 0.5], '0.1..0.5:5'],
    ['model.rnnActivation', ['linear', 'tanh'], 'linear,tanh'],
    ['task.balanced', [true, false], 'true,false'],
    ['training.seed', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19], '0-19'],
  ])('%s %j → "%s", which reads back as the same values', (path, values, text) => {
    expect(formatValues(path, values)).toBe(text);
    expect(parseFieldValues(path, text)).toEqual(values);
  });
});
