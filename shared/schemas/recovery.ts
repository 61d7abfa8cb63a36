import { z } from 'zod';

/**
 * A recovery copy's id: when its process started copying (UTC, to the second)
 * and a random part, so two processes started in the same second differ. The
 * id names a file in the recovery folder; the page can only ever name a copy
 * from the listing, never a path.
 */
export const RECOVERY_ID_PATTERN = /^\d{8}T\d{6}Z-[0-9a-f]{8}$/;
export const recoveryIdSchema = z
  .string()
  .regex(RECOVERY_ID_PATTERN, 'expected a recovery copy id from session:recovery');

/** Run names a listing shows per copy: enough to tell two copies apart. */
export const RECOVERY_LISTED_NAMES = 3;

export const recoveryCopySchema = z.object({
  id: recoveryIdSchema,
  /** When the copy was last written. */
  savedAt: z.iso.datetime(),
  runs: z.number().int().min(0),
  /** The first runs' names, in the copy's order. */
  runNames: z.array(z.string()).max(RECOVERY_LISTED_NAMES),
});

/** A copy that does not validate: kept on disk (a newer app may read it), never offered for restore. */
export const damagedRecoveryCopySchema = z.object({
  id: recoveryIdSchema,
  savedAt: z.iso.datetime(),
  /** One line: why it cannot be restored. */
  reason: z.string(),
});

/** Unsaved work earlier processes left (or this one set aside), newest first. */
export const recoveryOfferSchema = z.object({
  copies: z.array(recoveryCopySchema),
  damaged: z.array(damagedRecoveryCopySchema),
});

export type RecoveryCopyInfo = z.infer<typeof recoveryCopySchema>;
export type DamagedRecoveryCopy = z.infer<typeof damagedRecoveryCopySchema>;
export type RecoveryOffer = z.infer<typeof recoveryOfferSchema>;
