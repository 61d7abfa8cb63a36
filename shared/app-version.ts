declare const __APP_VERSION__: string | undefined;

/** Injected by the bundlers; falls back for tests run from source. */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';
