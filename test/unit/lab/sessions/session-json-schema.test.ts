import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sessionJsonSchema, sessionJsonSchemaText } from '../../../../electron/lab/sessions/session-json-schema.js';
import { SESSION_VERSION } from '../../../../shared/schemas/session.js';

describe('docs/session-format.schema.json', () => {
  it('is up to date with the zod schema (run `npm run docs:schema`)', () => {
    expect(readFileSync('docs/session-format.schema.json', 'utf8')).toBe(sessionJsonSchemaText());
  });

  it('describes the header, runs and finite numbers', () => {
    const schema = sessionJsonSchema() as any;
    expect(schema.properties.format.const).toBe('rnn-lab-session');
    expect(schema.properties.version.const).toBe(SESSION_VERSION);
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'version', 'runs']));
    const run = schema.properties.runs.items;
    expect(Object.keys(run.properties)).toEqual(
      expect.arrayContaining(['config', 'weights', 'history', 'snapshots', 'note']),
    );
    expect(run.properties.status.enum).toEqual(['idle', 'queued', 'training', 'done', 'cancelled', 'failed']);
  });
});
