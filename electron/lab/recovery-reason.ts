import { LabError } from '../../shared/errors.js';

/**
 * Why a recovery copy could not be written, in one line the page may show:
 * what the user can act on, never an absolute path or errno text.
 */
export function recoveryFailureReason(err: unknown): string {
  if (err instanceof LabError) return err.message;
  // JSON.stringify of a session past V8's string limit ("Invalid string length").
  if (err instanceof RangeError) return 'the session is too large to copy';
  switch ((err as NodeJS.ErrnoException | null)?.code) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EACCES':
    case 'EPERM':
      return 'no permission to write in the recovery folder';
    case 'EROFS':
      return 'the recovery folder is on a read-only disk';
    case 'EEXIST':
    case 'ENOTDIR':
      return 'a file stands where the recovery folder should be';
    case 'ENOENT':
      return 'the recovery folder cannot be created';
    default:
      return 'the copy could not be written';
  }
}

/** The full error for the host's log (stderr): paths and codes help there. */
export function recoveryFailureDetail(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
}
