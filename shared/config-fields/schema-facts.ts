import { z } from 'zod';
import { runConfigSchema } from '../schemas/run-config.js';

/** What the zod schema says about one leaf, so no limit or choice is written twice. */
export type FieldKind = 'int' | 'number' | 'enum' | 'boolean';

export interface FieldRange {
  min: number;
  max: number;
  /** `> min` rather than `≥ min` (e.g. a learning rate above 0). */
  minExclusive: boolean;
  maxExclusive: boolean;
}

export interface SchemaFacts {
  kind: FieldKind;
  /** The allowed values of an enum (a literal is an enum of one). */
  choices: readonly string[];
  range?: FieldRange;
}

type Shape = Record<string, z.ZodType>;

function leafSchema(path: string): z.ZodType {
  const [section, field] = path.split('.');
  const sectionSchema = (runConfigSchema.shape as Shape)[section];
  const leaf = sectionSchema instanceof z.ZodObject ? sectionSchema.shape[field] : undefined;
  if (!leaf) throw new Error(`RunConfig has no field ${path}`);
  return leaf;
}

interface LeafJson {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

function rangeOf(json: LeafJson, path: string): FieldRange {
  const min = json.exclusiveMinimum ?? json.minimum;
  const max = json.exclusiveMaximum ?? json.maximum;
  if (min === undefined || max === undefined) throw new Error(`${path}: a number field needs both bounds`);
  const minExclusive = json.exclusiveMinimum !== undefined;
  return { min, max, minExclusive, maxExclusive: json.exclusiveMaximum !== undefined };
}

/** Kind, choices and range of one leaf, read through zod's JSON Schema output. */
export function schemaFacts(path: string): SchemaFacts {
  const json = z.toJSONSchema(leafSchema(path), { io: 'input' }) as LeafJson;
  if (json.type === 'integer' || json.type === 'number') {
    return { kind: json.type === 'integer' ? 'int' : 'number', choices: [], range: rangeOf(json, path) };
  }
  if (json.type === 'boolean') return { kind: 'boolean', choices: [] };
  const choices = json.enum ?? (json.const === undefined ? undefined : [json.const]);
  if (json.type === 'string' && choices) return { kind: 'enum', choices: choices.map(String) };
  throw new Error(`${path}: no field kind for ${JSON.stringify(json)} (describe it in config-fields)`);
}
