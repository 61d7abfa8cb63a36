import { jsonStringBytes } from '../../../shared/session-text-size.js';

/**
 * UTF-8 bytes of `JSON.stringify(value, null, indent)`, counted without
 * building the text: a session too large to save may be too large for one
 * JavaScript string, and the user should still learn how large it is.
 * Plain data only (what a zod-parsed session is): no toJSON, Maps or BigInts.
 * Like JSON.stringify, object members that are undefined or functions are left
 * out, array items that are become null, and non-finite numbers are null.
 */
export function jsonTextBytes(value: unknown, indent = 0): number {
  return measure(value, indent, 0) ?? 0;
}

/** Bytes of one value at nesting `depth`; undefined for what JSON.stringify leaves out. */
function measure(value: unknown, indent: number, depth: number): number | undefined {
  switch (typeof value) {
    case 'string':
      return jsonStringBytes(value);
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4;
    case 'boolean':
      return value ? 4 : 5;
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'bigint':
      throw new TypeError('a BigInt has no JSON form');
  }
  if (value === null) return 4;
  const inner = indent * (depth + 1);
  // Between items: "," plus, when indented, a line break and the next item's indentation.
  const separator = indent ? 2 + inner : 1;
  // Around the items: the brackets plus, when indented, a line break after the opening one and before the closing one.
  const around = (count: number) =>
    count === 0 ? 2 : 2 + (indent ? 1 + inner + 1 + indent * depth : 0) + separator * (count - 1);
  if (Array.isArray(value)) {
    if (value.length > 0 && allNumbers(value)) {
      // Weight rows are most of a session: let JSON.stringify write their numbers (fast, and exactly as it will), less "[", "]" and commas.
      return JSON.stringify(value).length - 2 - (value.length - 1) + around(value.length);
    }
    let bytes = 0;
    for (const item of value) bytes += measure(item, indent, depth + 1) ?? 4;
    return bytes + around(value.length);
  }
  let bytes = 0;
  let members = 0;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const size = measure(item, indent, depth + 1);
    if (size === undefined) continue;
    // "key": value — the colon is followed by a space when indented.
    bytes += jsonStringBytes(key) + (indent ? 2 : 1) + size;
    members++;
  }
  return bytes + around(members);
}

function allNumbers(items: readonly unknown[]): boolean {
  for (let i = 0; i < items.length; i++) if (typeof items[i] !== 'number') return false;
  return true;
}
