/**
 * What a value is, never what it says: error messages about a file name the kind of a wrong value,
 * so an error about any file (a renamed /etc/passwd, a key file) never quotes its content.
 */
export function valueKind(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length ? 'another text' : 'an empty text';
  if (typeof value === 'number') return 'another number';
  if (typeof value === 'boolean') return `a boolean`;
  return 'an object';
}
