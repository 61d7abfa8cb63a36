import type { z } from 'zod';
import { runConfigSchema, rnnActivations, outputActivations, engines, type RunConfig, type RunConfigInput } from '../../../shared/schemas/run-config.js';
import { runNameSchema } from '../../../shared/schemas/run.js';
import { DEFAULT_RUN } from '../../../shared/presets.js';

/**
 * The "Add run" form as flat string fields (what inputs hold), mapped to and
 * from RunConfig. Validation is the shared schema's, with its messages placed
 * on the field they are about.
 */
export interface FieldSpec {
  key: FieldKey;
  label: string;
  kind: 'int' | 'number' | 'choice';
  choices?: readonly string[];
  hint?: string;
  /** Where the value lives in RunConfig. */
  path: readonly [keyof RunConfig, string];
}

export const numberFields = [
  'embeddingDim', 'rnnUnits', 'learningRate', 'batchSize', 'epochs', 'seed', 'dataSeed', 'samples',
  'targetDigit', 'sequenceLength', 'vocabularySize', 'validationSplit', 'snapshotEveryBatches',
] as const;
export type FieldKey =
  | (typeof numberFields)[number]
  | 'rnnActivation'
  | 'outputActivation'
  | 'engine';

export const fieldGroups: { title: string; fields: FieldSpec[] }[] = [
  {
    title: 'Model',
    fields: [
      { key: 'embeddingDim', label: 'Embedding size', kind: 'int', path: ['model', 'embeddingDim'], hint: '1–64' },
      { key: 'rnnUnits', label: 'RNN units', kind: 'int', path: ['model', 'rnnUnits'], hint: '1–16' },
      { key: 'rnnActivation', label: 'RNN activation', kind: 'choice', choices: rnnActivations, path: ['model', 'rnnActivation'] },
      { key: 'outputActivation', label: 'Output activation', kind: 'choice', choices: outputActivations, path: ['model', 'outputActivation'] },
    ],
  },
  {
    title: 'Training',
    fields: [
      { key: 'learningRate', label: 'Learning rate', kind: 'number', path: ['training', 'learningRate'], hint: 'Adam, > 0' },
      { key: 'batchSize', label: 'Batch size', kind: 'int', path: ['training', 'batchSize'] },
      { key: 'epochs', label: 'Epochs', kind: 'int', path: ['training', 'epochs'], hint: '1–200' },
      { key: 'seed', label: 'Training seed', kind: 'int', path: ['training', 'seed'] },
      { key: 'engine', label: 'Engine', kind: 'choice', choices: engines, path: ['training', 'engine'] },
      { key: 'snapshotEveryBatches', label: 'Snapshot every K batches', kind: 'int', path: ['training', 'snapshotEveryBatches'], hint: '0 = epoch ends only' },
    ],
  },
  {
    title: 'Task',
    fields: [
      { key: 'samples', label: 'Samples', kind: 'int', path: ['task', 'samples'], hint: '20–200,000' },
      { key: 'targetDigit', label: 'Target digit', kind: 'int', path: ['task', 'targetDigit'] },
      { key: 'sequenceLength', label: 'Sequence length', kind: 'int', path: ['task', 'sequenceLength'], hint: '1–60' },
      { key: 'vocabularySize', label: 'Vocabulary size', kind: 'int', path: ['task', 'vocabularySize'], hint: '2–100' },
      { key: 'validationSplit', label: 'Validation split', kind: 'number', path: ['task', 'validationSplit'], hint: '0.05–0.5' },
      { key: 'dataSeed', label: 'Data seed', kind: 'int', path: ['task', 'dataSeed'] },
    ],
  },
];

export const allFields: FieldSpec[] = fieldGroups.flatMap((g) => g.fields);

export type FormValues = Record<FieldKey | 'name', string>;
export type FormErrors = Partial<Record<FieldKey | 'name', string>>;

export function valuesFromConfig(name: string, config: RunConfigInput): FormValues {
  const values = { name } as FormValues;
  const parsed = runConfigSchema.parse(config);
  for (const f of allFields) {
    const section = parsed[f.path[0]] as Record<string, unknown>;
    values[f.key] = String(section[f.path[1]]);
  }
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
  if (issue.code === 'too_small' && issue.origin === 'number') return `Must be at least ${String(issue.minimum)}${issue.inclusive === false ? ' (exclusive)' : ''}`;
  if (issue.code === 'too_big' && issue.origin === 'number') return `Must be at most ${String(issue.maximum)}`;
  if (issue.code === 'invalid_value') return `Choose one of ${issue.values.map(String).join(', ')}`;
  const m = issue.message;
  return m.charAt(0).toUpperCase() + m.slice(1);
}

export type FormResult = { ok: true; name: string; config: RunConfig } | { ok: false; errors: FormErrors };

/** Reads every field; returns the config or one message per bad field. */
const fallback = runConfigSchema.parse(DEFAULT_RUN.config);

export function validateForm(values: FormValues): FormResult {
  const errors: FormErrors = {};
  const name = runNameSchema.safeParse(values.name);
  if (!name.success) errors.name = issueMessage(name.error.issues[0]);
  const config: Record<string, Record<string, unknown>> = { task: {}, model: {}, training: { optimizer: 'adam' } };
  for (const f of allFields) {
    if (f.kind === 'choice') {
      config[f.path[0]][f.path[1]] = values[f.key];
      continue;
    }
    const n = readNumber(values[f.key], f.kind);
    if (typeof n === 'string') {
      errors[f.key] = n;
      // A stand-in so the schema still checks every other field in the same pass.
      config[f.path[0]][f.path[1]] = (fallback[f.path[0]] as Record<string, unknown>)[f.path[1]];
    } else config[f.path[0]][f.path[1]] = n;
  }
  const parsed = runConfigSchema.safeParse(config);
  if (!parsed.success || Object.keys(errors).length) {
    for (const issue of parsed.error?.issues ?? []) {
      const field = allFields.find((f) => f.path[0] === issue.path[0] && f.path[1] === issue.path[1]);
      const key = field?.key ?? 'name';
      errors[key] ??= issueMessage(issue);
    }
    return { ok: false, errors };
  }
  if (!name.success) return { ok: false, errors };
  return { ok: true, name: name.data, config: parsed.data };
}
