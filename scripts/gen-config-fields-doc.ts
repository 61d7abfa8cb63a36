// Writes the config-field table of docs/session-format.md from the descriptors in shared/config-fields.
// Run with `npm run docs:fields`; a unit test fails when the table is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withConfigFieldsTable } from './config-fields-doc.js';

const target = fileURLToPath(new URL('../docs/session-format.md', import.meta.url));
writeFileSync(target, withConfigFieldsTable(readFileSync(target, 'utf8')));
console.log(`wrote the config-field table of ${target}`);
