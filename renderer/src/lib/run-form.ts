import type { z } from 'zod';
import { runConfigSchema, type RunConfig, type RunConfigInput } from '../../../shared/schemas/run-config.js';
import { runNameSchema } from '../../../shared/schemas/run.js';
import { readAt, withValueAt, type ConfigLike } from '../../../shared/config-fields/config-path.js';
import { FORM_GROUPS } from '../../../shared/config-fields/descriptors.js';
import { CONFIG_FIELDS, type ConfigField, type FormFieldKey } from '../../../shared/config-fields/fields.js';
import { rangeText } from '../../../shared/config-fields/range-text.js';

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
  kind: 'int' | 'number' | 'choice';
  choices: readonly string[];
  hint?: string;
  /** Where the value lives in RunConfig (`section.field`). */
  path: string;
}

function hintOf(field: ConfigField): string | undefined {
  if (field.kind === 'enum') return undefined;
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

/** The form's strings as a config to check; a number that cannot be read gets its message and a stand-in. */
function readValues(values: FormValues, errors: FormErrors): ConfigLike {
  let config = fallback;
  for (const f of allFields) {
    const n = f.kind === 'choice' ? values[f.key] : readNumber(values[f.key], f.kind);
    // The stand-in (the default) lets the schema still check every other field in the same pass.
    if (f.kind !== 'choice' && typeof n === 'string') errors[f.key] = n;
    else config = withValueAt(config, f.path, n);
  }
  return config;
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
