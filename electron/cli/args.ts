import type { ParseArgsConfig } from 'node:util';
import { UsageError, type OptionValues } from './command.js';

const NEGATIVE_NUMBER = /^-(\d|\.\d)/;

/**
 * `--lr -1` as `--lr=-1`: parseArgs reads an argument that starts with a dash
 * as an option, so a negative value would be "missing". Joined, it reaches the
 * option's reader and its range check, which say what is wrong with it.
 */
export function joinNegativeValues(
  args: readonly string[],
  options: NonNullable<ParseArgsConfig['options']>,
): string[] {
  const takesValue = (arg: string) => {
    const long = /^--([^=]+)$/.exec(arg)?.[1];
    const name = long ?? Object.keys(options).find((key) => arg.length === 2 && options[key].short === arg[1]);
    return name !== undefined && Object.hasOwn(options, name) && options[name].type === 'string' ? name : undefined;
  };
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') return [...out, ...args.slice(i)];
    const name = takesValue(arg);
    const next = args[i + 1];
    if (name !== undefined && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      out.push(`--${name}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

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
