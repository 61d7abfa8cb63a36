import { LabError } from '../errors.js';

export const MAX_TRACE_LENGTH = 60;

/**
 * Reads a sequence typed by a user or passed on the command line: "5,8,4", "5 8 4",
 * or, for vocabularies up to 10, "584". One readable error for anything else.
 */
export function parseSequence(text: string, vocabularySize: number): number[] {
  const trimmed = text.trim();
  if (!trimmed) throw new LabError('bad-request', 'sequence is empty');
  const parts = /[\s,;]/.test(trimmed)
    ? trimmed.split(/[\s,;]+/).filter(Boolean)
    : vocabularySize <= 10
      ? [...trimmed]
      : [trimmed];
  const digits = parts.map((p) => {
    if (!/^\d+$/.test(p)) throw new LabError('bad-request', `sequence: "${p}" is not a digit`);
    const d = Number(p);
    if (d >= vocabularySize)
      throw new LabError('bad-request', `sequence: digit ${d} is outside the vocabulary 0…${vocabularySize - 1}`);
    return d;
  });
  if (digits.length > MAX_TRACE_LENGTH)
    throw new LabError('bad-request', `sequence is longer than ${MAX_TRACE_LENGTH} digits`);
  return digits;
}
