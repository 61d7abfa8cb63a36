import { LabError } from '../../../shared/errors.js';
import { errnoWords } from '../sessions/errno-words.js';

/**
 * Why a recovery copy could not be written, in one line the page may show:
 * what the user can act on, never an absolute path or errno text.
 */
export function recoveryFailureReason(err: unknown): string {
  if (err instanceof LabError) return err.message;
  // JSON.stringify of a session past V8's string limit ("Invalid string length").
  if (err instanceof RangeError) return 'the session is too large to copy';
  return errnoWords(err);
}

/** The full error for the host's log (stderr): paths and codes help there. */
export function recoveryFailureDetail(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
}
