import { UsageError, type OptionValues } from './command.js';

/** Typed readers over parseArgs values; every failure is a UsageError naming the flag. */
export function stringOpt(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function flagOpt(values: OptionValues, name: string): boolean {
  return values[name] === true;
}

export function numberOpt(values: OptionValues, name: string, kind: 'int' | 'float'): number | undefined {
  const raw = stringOpt(values, name);
  if (raw === undefined) return undefined;
  return parseNumber(raw, `--${name}`, kind);
}

export function listOpt<T>(values: OptionValues, name: string, parse: (item: string) => T): T[] | undefined {
  const raw = stringOpt(values, name);
  if (raw === undefined) return undefined;
  const items = raw.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) throw new UsageError(`--${name}: expected a comma-separated list, got "${raw}"`);
  return items.map(parse);
}

export function parseNumber(raw: string, what: string, kind: 'int' | 'float'): number {
  const pattern = kind === 'int' ? /^-?\d+$/ : /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
  const value = Number(raw);
  if (!pattern.test(raw.trim()) || !Number.isFinite(value)) {
    throw new UsageError(`${what}: expected ${kind === 'int' ? 'a whole number' : 'a number'}, got "${raw}"`);
  }
  return value;
}
