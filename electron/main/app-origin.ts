/**
 * The page loads from a custom standard scheme rather than file://: it gets a
 * real origin (no access to other local files), and responses carry the CSP
 * as a header, which file:// cannot.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'rnn-lab';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** A URL of our own page (any path under our origin, never a look-alike such as app://rnn-lab.evil). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

export interface SenderFacts {
  /** The IPC came from our window's webContents. */
  fromOurWindow: boolean;
  /** ... from its top frame, not an iframe. */
  isMainFrame: boolean;
  /** The frame's URL, or null once it is gone. */
  frameUrl: string | null;
}

/** Every IPC call must come from our page in our window's top frame. */
export function isTrustedSender(facts: SenderFacts): boolean {
  return facts.fromOurWindow && facts.isMainFrame && facts.frameUrl !== null && isAppUrl(facts.frameUrl);
}
