import { DEFAULT_RUN } from '../presets.js';
import { runConfigSchema } from '../schemas/run-config.js';
import { readAt, type FieldName } from './config-path.js';
import { FIELD_DESCRIPTORS, type CliFlag, type FieldDescriptor } from './descriptors.js';
import { schemaFacts, type SchemaFacts } from './schema-facts.js';

type Described = (typeof FIELD_DESCRIPTORS)[number];
/** The form's fields by their name in their section (`dataSeed`); the inputs' ids are built from it. */
export type FormFieldKey = FieldName<Extract<Described, { form: string }>['path']>;

/** One field with everything the form, the CLI and the docs show: the descriptor plus what the schema says. */
export interface ConfigField extends FieldDescriptor, SchemaFacts {
  key: string;
  /** The default run's value: what a new run and the CLI's custom runs start from. */
  defaultValue: number | string | boolean;
}

export type CliField = ConfigField & { cli: CliFlag };

const defaults = runConfigSchema.parse(DEFAULT_RUN.config);

function resolve(descriptor: FieldDescriptor): ConfigField {
  const value = readAt(defaults, descriptor.path);
  if (typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'boolean')
    throw new Error(`${descriptor.path}: no default value`);
  return { ...descriptor, ...schemaFacts(descriptor.path), key: descriptor.path.split('.')[1], defaultValue: value };
}

export const CONFIG_FIELDS: readonly ConfigField[] = FIELD_DESCRIPTORS.map(resolve);

export const CLI_FIELDS: readonly CliField[] = CONFIG_FIELDS.filter((f): f is CliField => f.cli !== undefined);

export function fieldAt(path: string): ConfigField | undefined {
  return CONFIG_FIELDS.find((f) => f.path === path);
}
