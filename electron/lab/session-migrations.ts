import { valueKind } from '../../shared/value-kind.js';
import { SESSION_VERSION } from '../../shared/schemas/session.js';

/**
 * Forward migrations: `migrations[N]` turns a version-N document into version
 * N+1. Version 1 is the first format, so the table is empty today; the next
 * format change adds `1: (doc) => ({ ...doc, version: 2, ... })` here.
 */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;
export const migrations: Readonly<Record<number, Migration>> = {};

/** Brings a parsed document to SESSION_VERSION or throws a sentence saying why not. */
export function migrate(
  doc: Record<string, unknown>,
  table: Readonly<Record<number, Migration>> = migrations,
  target = SESSION_VERSION,
): Record<string, unknown> {
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw new Error(`$.version: expected an integer version, received ${valueKind(version)}`);
  }
  if (version > target) throw new Error(`it was made by a newer RNN Lab (version ${version})`);
  let current = doc;
  for (let v = version; v < target; v++) {
    const step = table[v];
    if (!step) throw new Error(`$.version: unknown session version ${version}`);
    current = step(current);
  }
  return current;
}
