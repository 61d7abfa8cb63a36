/**
 * A chart option as a string, to skip setOption when a rebuilt option draws the
 * same thing. Functions (formatters) count by their source: the values they close
 * over come from the same data the option carries.
 */
export function optionKey(option: unknown): string {
  return JSON.stringify(option, (_key, value: unknown) => (typeof value === 'function' ? `ƒ${String(value)}` : value));
}
