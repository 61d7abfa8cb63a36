import type { RunConfig } from '../schemas/run-config.js';

type Section = keyof RunConfig;
type LeafOf<S extends Section> = `${S}.${Extract<keyof RunConfig[S], string>}`;

/** Where one field lives in RunConfig, as `section.field` (e.g. `training.learningRate`). */
export type ConfigPath = { [S in Section]: LeafOf<S> }[Section];

/** The field name after the section (`training.seed` → `seed`). */
export type FieldName<P extends string> = P extends `${string}.${infer Name}` ? Name : never;

/** A config shaped like RunConfig (or its input) that may still hold wrong values. */
export type ConfigLike = Record<string, Record<string, unknown>>;

/** Paths split once: tables read a field of every run many times over. */
const splits = new Map<string, [section: string, field: string]>();

function split(path: string): [section: string, field: string] {
  const known = splits.get(path);
  if (known) return known;
  const [section, field, ...rest] = path.split('.');
  if (field === undefined || rest.length) throw new Error(`not a config path: ${path}`);
  if (splits.size < 1000) splits.set(path, [section, field]);
  return [section, field];
}

export function readAt(config: object, path: string): unknown {
  const [section, field] = split(path);
  return (config as ConfigLike)[section]?.[field];
}

/** A copy of `config` with one field replaced (the other sections are shared, not copied). */
export function withValueAt<C extends object>(config: C, path: string, value: unknown): C {
  const [section, field] = split(path);
  const sections = config as ConfigLike;
  return { ...config, [section]: { ...sections[section], [field]: value } };
}
