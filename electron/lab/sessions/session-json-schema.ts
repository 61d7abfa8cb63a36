import { z } from 'zod';
import { SESSION_MAX_BYTES, SESSION_VERSION, sessionSchema } from '../../../shared/schemas/session.js';

/**
 * The session format as JSON Schema (draft 2020-12), generated from the zod
 * schema so the published description cannot drift from what the loader accepts.
 * Checks zod cannot express in JSON Schema (unique run ids, the text rule for
 * names and notes, and the sense checks of session-consistency.ts: shapes,
 * status, steps, digit scores and labels, sweep tags and counts, view ids) are listed in
 * docs/session-format.md.
 */
export function sessionJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(sessionSchema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: 'https://rnn-lab.invalid/session-format.schema.json',
    title: `RNN Lab session file (format "rnn-lab-session", version ${SESSION_VERSION})`,
    description: `One .rnnlab file: UTF-8 JSON, at most ${SESSION_MAX_BYTES} bytes.`,
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}

export function sessionJsonSchemaText(): string {
  return `${JSON.stringify(sessionJsonSchema(), null, 2)}\n`;
}
