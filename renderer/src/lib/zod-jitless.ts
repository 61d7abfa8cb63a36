import { z } from 'zod';

/**
 * Zod compiles object parsers with `new Function` when it may, and probes that
 * once with a `new Function("")` in a try/catch. The CSP (script-src 'self',
 * no 'unsafe-eval') refuses it and reports a violation each time a page
 * starts; the page never gets eval anyway. Saying so up front skips the probe.
 * Imported first by main.ts: schemas read this setting when they are built.
 */
z.config({ jitless: true });
