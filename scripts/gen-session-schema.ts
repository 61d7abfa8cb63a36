// Writes docs/session-format.schema.json from the one zod schema of session files
// (shared/schemas/session.ts). Run with `npm run docs:schema`; a unit test fails when it is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sessionJsonSchemaText } from '../electron/lab/sessions/session-json-schema.js';

const target = fileURLToPath(new URL('../docs/session-format.schema.json', import.meta.url));
writeFileSync(target, sessionJsonSchemaText());
console.log(`wrote ${target}`);
