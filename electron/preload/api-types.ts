/**
 * The type of `window.api` in the Electron app, taken from the preload's own
 * object. Import it type-only from the renderer:
 *
 *   import type { Api } from '../electron/preload/api-types.js';
 *   declare global { interface Window { api?: Api } }
 *
 * Each invoke method resolves with the response or with a WireError
 * (`{ error: { code, message } }`); rethrow it with `fromWireError` from
 * shared/errors.ts. Subscriptions return their unsubscribe function.
 */
export type { Api } from './preload.js';
