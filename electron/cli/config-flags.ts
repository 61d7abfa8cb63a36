import type { ParseArgsConfig } from 'node:util';
import { CLI_FIELDS, type CliField } from '../../shared/config-fields/fields.js';
import { choicesText, rangeText } from '../../shared/config-fields/range-text.js';
import { flagOpt, listOpt, parseNumber, stringOpt } from './args.js';
import { UsageError, type OptionValues } from './command.js';

/**
 * `rnn-lab train`'s config flags, generated from the config-field descriptors:
 * their parseArgs options, their `--help` lines and their readers.
 */
export type FieldValue = number | string | boolean;

export const LIST_FIELDS = CLI_FIELDS.filter((f) => f.cli.list);

export function flagName(field: CliField): string {
  return `--${field.cli.flag}`;
}

export function configFlagOptions(): NonNullable<ParseArgsConfig['options']> {
  // A boolean field's flag takes no value: `--balanced`, not `--balanced true`.
  return Object.fromEntries(
    CLI_FIELDS.map((f) => [f.cli.flag, { type: f.kind === 'boolean' ? ('boolean' as const) : ('string' as const) }]),
  );
}

function placeholder(field: CliField): string {
  if (field.kind === 'boolean') return '';
  if (field.cli.arg) return field.cli.arg;
  if (field.cli.list) return 'LIST';
  if (field.kind === 'enum') return field.choices.join('|');
  return field.kind === 'int' ? 'N' : 'X';
}

function valuesText(field: CliField): string {
  if (field.kind === 'boolean') return 'a flag without a value';
  if (field.kind === 'enum') return field.cli.list ? `any of ${field.choices.join(', ')}` : choicesText(field.choices);
  const numbers = `${field.kind === 'int' ? 'whole numbers' : 'numbers'} ${rangeText(field)}`;
  return field.cli.list ? `a list of ${numbers}` : rangeText(field);
}

/** One line per flag: the flag, what it sets, its range and, unless custom runs need it, its default. */
export function configFlagHelp(): string[] {
  return CLI_FIELDS.map((f) => {
    const unit = f.unit ? ` ${f.unit}` : '';
    // The default as it would be typed (10000, not 10,000: a comma separates list items).
    const value =
      f.cli.defaultText ?? (f.kind === 'boolean' ? (f.defaultValue ? 'on' : 'off') : String(f.defaultValue));
    const fallback = f.cli.required ? '' : `, default ${value}`;
    const flag = `${flagName(f)} ${placeholder(f)}`.trimEnd();
    return `${flag.padEnd(23)} ${f.help}; ${valuesText(f)}${unit}${fallback}`;
  });
}

/** One raw flag value as the field's kind; a UsageError names the flag. */
function readValue(field: CliField, raw: string): FieldValue {
  if (field.kind !== 'enum') return parseNumber(raw, flagName(field), field.kind === 'int' ? 'int' : 'float');
  if (field.choices.includes(raw)) return raw;
  throw new UsageError(`${flagName(field)}: unknown ${field.cli.flag} "${raw}" (use ${choicesText(field.choices)})`);
}

/** The list flags given, by config path: custom runs are their cross product. */
export function readListFlags(values: OptionValues): Map<string, FieldValue[]> {
  const lists = new Map<string, FieldValue[]>();
  for (const field of LIST_FIELDS) {
    const items = listOpt(values, field.cli.flag, (raw) => readValue(field, raw));
    if (items) lists.set(field.path, items);
  }
  return lists;
}

/** The single-value flags given, as [config path, value], in the descriptors' order. */
export function readOverrideFlags(values: OptionValues): (readonly [path: string, value: FieldValue])[] {
  return CLI_FIELDS.filter((f) => !f.cli.list).flatMap((field) => {
    if (field.kind === 'boolean') return flagOpt(values, field.cli.flag) ? [[field.path, true] as const] : [];
    const raw = stringOpt(values, field.cli.flag);
    return raw === undefined ? [] : [[field.path, readValue(field, raw)] as const];
  });
}
