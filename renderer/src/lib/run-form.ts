import type { z } from 'zod';
import { runConfigSchema, type RunConfig, type RunConfigInput } from '../../../shared/schemas/run-config.js';
import { runNameSchema } from '../../../shared/schemas/run.js';
import { readAt, withValueAt, type ConfigLike } from '../../../shared/config-fields/config-path.js';
import { FORM_GROUPS } from '../../../shared/config-fields/descriptors.js';
import { CONFIG_FIELDS, type ConfigField, type FormFieldKey } from '../../../shared/config-fields/fields.js';
import { rangeText } from '../../../shared/config-fields/range-text.js';
import { CELLS, CELL_LABELS } from '../../../shared/cells.js';
import { TASKS, TASK_KINDS } from '../../../shared/tasks.js';

/**
 * The "Add run" form as flat string fields (what inputs hold), mapped to and
 * from RunConfig. The fields are the config-field descriptors that name a form
 * section; validation is the shared schema's, with its messages placed on the
 * field they are about.
 */
export type FieldKey = FormFieldKey;

export interface FieldSpec {
  key: FieldKey;
  label: string;
  kind: 'int' | 'number' | 'choice' | 'boolean';
  choices: readonly string[];
  hint?: string;
  /** Where the value lives in RunConfig (`section.field`). */
  path: string;
}

function hintOf(field: ConfigField): string | undefined {
  if (field.kind === 'enum' || field.kind === 'boolean') return field.formNote;
  return field.formNote ? `${rangeText(field)}; ${field.formNote}` : rangeText(field);
}

function specOf(field: ConfigField): FieldSpec {
  const kind = field.kind === 'enum' ? 'choice' : field.kind;
  const { label, choices, path } = field;
  return { key: field.key as FieldKey, label, kind, choices, hint: hintOf(field), path };
}

export const fieldGroups: { title: string; fields: FieldSpec[] }[] = FORM_GROUPS.map((title) => ({
  title,
  fields: CONFIG_FIELDS.filter((f) => f.form === title).map(specOf),
}));

export const allFields: FieldSpec[] = fieldGroups.flatMap((g) => g.fields);

export type FormValues = Record<FieldKey | 'name', string>;
export type FormErrors = Partial<Record<FieldKey | 'name', string>>;

export function valuesFromConfig(name: string, config: RunConfigInput): FormValues {
  const values = { name } as FormValues;
  const parsed = runConfigSchema.parse(config);
  for (const f of allFields) values[f.key] = String(readAt(parsed, f.path));
  return values;
}

function readNumber(raw: string, kind: FieldSpec['kind']): number | string {
  const text = raw.trim();
  if (text === '') return 'Enter a value';
  const n = Number(text);
  if (!Number.isFinite(n)) return 'Enter a number';
  if (kind === 'int' && !Number.isInteger(n)) return 'Enter a whole number';
  return n;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small' && issue.origin === 'number') {
    return `Must be at least ${String(issue.minimum)}${issue.inclusive === false ? ' (exclusive)' : ''}`;
  }
  if (issue.code === 'too_big' && issue.origin === 'number') return `Must be at most ${String(issue.maximum)}`;
  if (issue.code === 'invalid_value') return `Choose one of ${issue.values.map(String).join(', ')}`;
  const m = issue.message;
  return m.charAt(0).toUpperCase() + m.slice(1);
}

export type FormResult = { ok: true; name: string; config: RunConfig } | { ok: false; errors: FormErrors };

/** Every field at its default: what fields outside the form keep, and the stand-in for an unreadable number. */
const fallback: ConfigLike = CONFIG_FIELDS.reduce<ConfigLike>((c, f) => withValueAt(c, f.path, f.defaultValue), {});

/** One field's string as its kind's value; a number that cannot be read is its message. */
function readField(f: FieldSpec, raw: string): { value: unknown } | { error: string } {
  if (f.kind === 'choice') return { value: raw };
  // A checkbox holds "true" or "false".
  if (f.kind === 'boolean') return { value: raw === 'true' };
  const n = readNumber(raw, f.kind);
  return typeof n === 'string' ? { error: n } : { value: n };
}

/** The form's strings as a config to check; a number that cannot be read gets its message and a stand-in. */
function readValues(values: FormValues, errors: FormErrors): ConfigLike {
  let config = fallback;
  for (const f of allFields) {
    const read = readField(f, values[f.key]);
    // The stand-in (the default) lets the schema still check every other field in the same pass.
    if ('error' in read) errors[f.key] = read.error;
    else config = withValueAt(config, f.path, read.value);
  }
  return config;
}

/**
 * GRU, LSTM and more than 1 unit can only be read out by the dense readout: choosing one of them switches
 * the readout to dense, with a note saying why. Called when the cell or the units change, not the readout,
 * so a readout chosen by hand stays and the schema's message says what is wrong with it.
 */
export function withNeededReadout(values: FormValues): { values: FormValues; note?: string } {
  if (values.readout === 'dense') return { values };
  const cell = CELLS.find((c) => c === values.cell) ?? 'simple';
  const units = Number(values.rnnUnits.trim());
  const reason = cell !== 'simple' ? `${CELL_LABELS[cell]} needs it` : units > 1 ? 'more than 1 unit needs it' : '';
  if (!reason) return { values };
  return { values: { ...values, readout: 'dense' }, note: `Switched to dense: ${reason}` };
}

/** The chosen task in one sentence ("1 iff the sequence contains a 4"), or nothing while a digit is unreadable. */
export function taskSentence(values: FormValues): string {
  const kind = TASK_KINDS.find((k) => k === values.kind);
  const targetDigit = Number(values.targetDigit);
  const otherDigit = Number(values.otherDigit);
  if (!kind || !Number.isInteger(targetDigit) || !Number.isInteger(otherDigit)) return '';
  return TASKS[kind].describe({ kind, targetDigit, otherDigit });
}

/** Reads every field; returns the config or one message per bad field. */
export function validateForm(values: FormValues): FormResult {
  const errors: FormErrors = {};
  const name = runNameSchema.safeParse(values.name);
  if (!name.success) errors.name = issueMessage(name.error.issues[0]);
  const parsed = runConfigSchema.safeParse(readValues(values, errors));
  if (!parsed.success || Object.keys(errors).length) {
    for (const issue of parsed.error?.issues ?? []) {
      const field = allFields.find((f) => f.path === issue.path.join('.'));
      const key = field?.key ?? 'name';
      errors[key] ??= issueMessage(issue);
    }
    return { ok: false, errors };
  }
  if (!name.success) return { ok: false, errors };
  return { ok: true, name: name.data, config: parsed.data };
}
